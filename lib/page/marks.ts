import { labelOf } from './badges';
import type { TypingHold } from './hold';
import type { LiveLayer, LayerPage } from './live';
import { badgeBox, markBadgePosition, rangePlacement, type Box } from './place';
import type { DocState } from './tracker';
import type { BadgeSeverity, BadgeView, OverlayView, Pos } from './view';

/**
 * Narrative marks: a sentence of the report's text that disagrees with its table is drawn as boxes over its
 * lines with a badge. Held while typing like the cell badges; one already on screen stays.
 */

type Span = { doc: Document; span: { start: number; end: number } };

export interface MarkViews {
  marks: BadgeView[];
  /** Where each shown mark's sentence is. */
  spans: Map<string, Span>;
  /** Where each mark held by typing is. */
  held: Map<string, Span>;
  /** The shortest hold still running (ms), or Infinity. */
  wait: number;
}

const SHOWN: ReadonlySet<string> = new Set(['error', 'warning']);

/** The marks of the tracker's findings that point at a sentence (P-TEXT), one per sentence. */
export function markViews(states: Iterable<DocState>, hold: TypingHold, shownBefore: ReadonlySet<string>, now: number): MarkViews {
  const out: MarkViews = { marks: [], spans: new Map(), held: new Map(), wait: Infinity };
  for (const st of states) {
    if (!st.narrative) continue;
    st.findings.forEach((fs, r) => {
      const rep = st.reports[r]!;
      const sentences = new Map<string, number>();
      for (const f of fs) {
        const cell = f.target ?? f.cells[0];
        if (!SHOWN.has(f.severity) || !f.span || !cell || f.confirmed !== undefined) continue;
        // The n-th sentence about this cell: stable while the text before it changes.
        const n = (sentences.get(cell) ?? 0) + 1;
        sentences.set(cell, n);
        const key = `${st.id}|${r}|${cell}|sentence${n}`;
        const wait = shownBefore.has(key) ? 0 : hold.held(st.doc, r, f, now);
        if (wait) {
          out.wait = Math.min(out.wait, wait);
          out.held.set(key, { doc: st.doc, span: f.span });
          continue;
        }
        const label = rep.format ? labelOf(rep.format, cell) : cell;
        out.marks.push({ key, cell, severity: f.severity as BadgeSeverity, label, messages: [f.message] });
        out.spans.set(key, { doc: st.doc, span: f.span });
      }
    });
  }
  return out;
}

/** The marks as a layer of the live overlay. */
export class NarrativeMarks implements LiveLayer {
  private shown = new Map<string, Span>();
  private held = new Map<string, Span>();

  render(overlay: OverlayView, states: DocState[], hold: TypingHold, now: number): number {
    const v = markViews(states, hold, new Set(this.shown.keys()), now);
    this.shown = v.spans;
    this.held = v.held;
    overlay.updateMarks(v.marks);
    return v.wait;
  }

  /**
   * Each mark over its sentence's visible lines; a line, or the badge, that the page or the editor draws
   * over (a floating toolbar, a menu, a dialog) is hidden, like a cell's badge.
   */
  place(overlay: OverlayView, page: LayerPage): void {
    for (const [key, m] of this.shown) {
      const { lines, pos } = placing(m, page);
      overlay.placeMark(key, lines, pos);
    }
  }

  prepare(): ((page: LayerPage) => void)[] {
    return [...this.held.values()].map((m) => (page: LayerPage) => void placing(m, page));
  }

  clear(overlay: OverlayView | null): void {
    this.shown.clear();
    this.held.clear();
    overlay?.updateMarks([]);
  }
}

/** A mark's visible, uncovered line boxes and its badge's place. */
function placing(m: Span, page: LayerPage): { lines: Box[]; pos: Pos } {
  const at = page.stateOf(m.doc)?.narrative?.locate(m.span.start, m.span.end);
  const placed = at ? rangePlacement(m.doc, at, page.top, page.reads) : { lines: [], clip: null };
  if (placed === null) page.stale(m.doc);
  const clip = placed?.clip;
  const scope = at && enclosing(at.startNode, at.endNode);
  const seen = (b: Box) => !clip || !scope || !page.covered(scope, b, clip);
  const lines = (placed?.lines ?? []).filter(seen);
  let pos = markBadgePosition(lines, page.view);
  if (pos.visible && !seen(badgeBox(pos))) pos = { ...pos, visible: false };
  return { lines, pos };
}

/** The nearest element holding both ends of a sentence (its paragraph, usually). */
function enclosing(a: Node, b: Node): Element | null {
  let el = b.parentElement;
  while (el && !el.contains(a)) el = el.parentElement;
  return el;
}
