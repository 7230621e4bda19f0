/**
 * What can cover a badge without a scroll or a resize: an editor's menu, dropdown or dialog opening in the
 * top document (added, or shown by a style, class or hidden change), or its fade-in finishing. `changed` is
 * called for each such batch (the caller places once per frame). Changes inside editable content (typing)
 * and the overlay's own host are not looked at; when nothing changes, nothing runs.
 */
export function watchCover(doc: Document, changed: () => void, own: (n: Node) => boolean): () => void {
  const root = doc.documentElement;
  if (!root) return () => {};
  // The content script's own constructor, as lib/page/observe does (a page's would hand records across worlds).
  const mo = new MutationObserver((records) => {
    for (const r of records) {
      if (own(r.target) || typing(r.target)) continue;
      if (r.type === 'childList' && [...Array.from(r.addedNodes), ...Array.from(r.removedNodes)].every(own)) continue;
      changed();
      return;
    }
  });
  mo.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['style', 'class', 'hidden', 'open'] });
  const ended = (e: Event) => {
    if (!own(e.target as Node)) changed();
  };
  const opts = { capture: true, passive: true } as const;
  doc.addEventListener('transitionend', ended, opts);
  doc.addEventListener('animationend', ended, opts);
  return () => {
    mo.disconnect();
    doc.removeEventListener('transitionend', ended, opts);
    doc.removeEventListener('animationend', ended, opts);
  };
}

function typing(n: Node): boolean {
  const el = n.nodeType === 1 ? (n as HTMLElement) : n.parentElement;
  return !!el && el.isContentEditable;
}
