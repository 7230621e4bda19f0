/**
 * What can cover a badge without a scroll or a resize: an editor's menu, dropdown or dialog opening in the
 * top document (added, or shown by a style, class or hidden change), or its fade-in finishing. The top
 * document's one MutationObserver (lib/page/observe.ts) also watches these attributes and asks here whether a
 * batch can cover a badge. Changes inside editable content (typing) and the overlay's own host are not looked at.
 */
export const COVER_ATTRIBUTES = ['style', 'class', 'hidden', 'open'];

/** The events that end a fade-in (listened to on the top document). */
export const COVER_EVENTS = ['transitionend', 'animationend'] as const;

export function coverChanged(records: readonly MutationRecord[], own: (n: Node) => boolean): boolean {
  for (const r of records) {
    if (own(r.target) || typing(r.target)) continue;
    if (r.type === 'characterData') continue;
    if (r.type === 'childList' && [...Array.from(r.addedNodes), ...Array.from(r.removedNodes)].every(own)) continue;
    return true;
  }
  return false;
}

function typing(n: Node): boolean {
  const el = n.nodeType === 1 ? (n as HTMLElement) : n.parentElement;
  return !!el && el.isContentEditable;
}
