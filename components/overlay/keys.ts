/**
 * The keyboard on a badge: Enter applies its 改为 N (a key press of the clerk's own is a trusted
 * event), Esc closes its tooltip. Keys handled here stop in the overlay.
 */
export function badgeKeys(badge: HTMLElement, tip: HTMLElement, act: { fix(): boolean; close(): void }): void {
  badge.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && e.isTrusted && !e.repeat && act.fix()) {
      e.preventDefault();
      e.stopPropagation();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      act.close();
    }
  });
  tip.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape' || e.defaultPrevented) return;
    e.preventDefault();
    e.stopPropagation();
    act.close();
  });
}
