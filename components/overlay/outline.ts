import type { BadgeSeverity, Rect } from '@/lib/page/view';
import { setPx } from './style';

/**
 * The outline around a wrong cell, in its severity's colour: one box per badge in the overlay's own
 * shadow root (never in the page), placed with its badge and hidden (kept for reuse) when the badge goes.
 */
export const OUTLINE_CSS = `
.ol{position:fixed;box-sizing:border-box;border:2px solid;border-radius:2px;pointer-events:none}
.ol[data-severity=error]{border-color:#c5221f;box-shadow:0 0 0 1px rgba(197,34,31,.25)}
.ol[data-severity=warning]{border-color:#b06000;border-style:dashed}
.ol[hidden]{display:none}
`;

export class Outlines {
  private readonly boxes = new Map<string, HTMLElement>();
  private readonly spare: HTMLElement[] = [];

  constructor(
    private readonly doc: Document,
    /** Holds the outlines; it comes before the badges, which stay drawn (and clickable) above them. */
    private readonly layer: HTMLElement,
  ) {}

  /** The outline of badge `key` around `cell` (the visible part of the cell), or hidden when null. */
  place(key: string, cell: Rect | null | undefined, severity: BadgeSeverity | null): void {
    let el = this.boxes.get(key);
    if (!cell || !severity) {
      if (el && !el.hidden) el.hidden = true;
      return;
    }
    if (!el) {
      el = this.spare.pop() ?? this.make();
      this.boxes.set(key, el);
      el.setAttribute('data-outline', key);
    }
    if (el.getAttribute('data-severity') !== severity) el.setAttribute('data-severity', severity);
    if (el.hidden) el.hidden = false;
    // 2px outside the cell, so the cell's own text and borders stay as they are.
    setPx(el, 'left', cell.left - 2);
    setPx(el, 'top', cell.top - 2);
    setPx(el, 'width', cell.right - cell.left + 4);
    setPx(el, 'height', cell.bottom - cell.top + 4);
  }

  /** The badge went (fixed or gone): its outline too. */
  remove(key: string): void {
    const el = this.boxes.get(key);
    if (!el) return;
    this.boxes.delete(key);
    el.hidden = true;
    el.removeAttribute('data-outline');
    el.removeAttribute('data-severity');
    this.spare.push(el);
  }

  clear(): void {
    for (const key of [...this.boxes.keys()]) this.remove(key);
  }

  private make(): HTMLElement {
    const el = this.doc.createElement('div');
    el.className = 'ol';
    el.hidden = true;
    this.layer.append(el);
    return el;
  }
}
