/**
 * The keyboard on a badge: its tooltip stays open while the badge or anything in the tooltip has the
 * focus (CSS :focus alone closes it in the instant the focus moves from badge to tooltip, and Chrome then
 * refuses the move); Enter applies its 改为 N (a key press of the clerk's own is a trusted event); Esc closes.
 * Keys handled here stop in the overlay.
 */
export const KEYS_CSS = `.b:not([hidden])+.t[data-open]{display:block}`;

export function badgeKeys(badge: HTMLElement, tip: HTMLElement, act: { fix(): boolean; close(): void }): void {
  const inside = (n: EventTarget | null) => n instanceof Node && (n === badge || tip.contains(n));
  badge.addEventListener('focus', () => tip.setAttribute('data-open', ''));
  const leave = (e: FocusEvent) => {
    if (!inside(e.relatedTarget)) tip.removeAttribute('data-open');
  };
  badge.addEventListener('focusout', leave);
  tip.addEventListener('focusout', leave);
  badge.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && e.isTrusted && !e.repeat && act.fix()) {
      e.preventDefault();
      e.stopPropagation();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      tip.removeAttribute('data-open');
      act.close();
    }
  });
  tip.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape' || e.defaultPrevented) return;
    e.preventDefault();
    e.stopPropagation();
    tip.removeAttribute('data-open');
    act.close();
  });
}

/** A badge retired or hidden: its tooltip closed. */
export function closeTip(tip: HTMLElement): void {
  tip.removeAttribute('data-open');
}
