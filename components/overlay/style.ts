/**
 * The overlay's inline styles, written only when they change. What was last written to each element is kept
 * here, so an unchanged value is neither read back (the browser would serialise it, and normalise it:
 * `translate(0,0)` reads back as `translate(0px, 0px)`) nor written again (every write makes the browser
 * compute the overlay's style anew). Only the overlay writes these elements' styles: they live in its closed
 * shadow root, and every style the overlay sets on them goes through here.
 */
const written = new WeakMap<HTMLElement, Map<string, string>>();

/** Set a CSS property (its CSS name: `max-width`, `--nb-bridge`) unless it already holds `value`. */
export function setStyle(el: HTMLElement, name: string, value: string): void {
  let m = written.get(el);
  if (!m) written.set(el, (m = new Map()));
  if (m.get(name) === value) return;
  m.set(name, value);
  el.style.setProperty(name, value);
}

/** A length in whole px. */
export function setPx(el: HTMLElement, name: 'left' | 'top' | 'width' | 'height' | 'max-width', v: number): void {
  setStyle(el, name, `${Math.round(v)}px`);
}
