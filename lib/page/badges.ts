import { cellLabel, type FormatId } from '../formats';
import { t } from '../i18n';
import type { Report } from '../report';
import type { CellRef, TypingHold } from './hold';
import { elementOf, type DocState } from './tracker';
import type { BadgeSeverity, BadgeView, RefView } from './view';

/**
 * The badge views: what each cell's badge and each reference tag shows, from the tracker's findings
 * (narrative sentences' marks: marks.ts). Holding only delays a new badge; one already on screen stays
 * (no flicker while correcting).
 */

export interface Views {
  badges: BadgeView[];
  /** Where each shown badge's cell is, resolved against the latest read at placement time. */
  cells: Map<string, CellRef>;
  /** Where each badge held by typing is. */
  held: Map<string, CellRef>;
  /** The shortest hold still running (ms), or Infinity. */
  wait: number;
}

const SHOWN: ReadonlySet<string> = new Set(['error', 'warning']);

/** Labels already worded: a format's cells and their words are fixed data, so a label never goes stale. */
const labels = new Map<string, string>();

/** The cell in the form's own words (cellLabel), worded once per format and cell. */
export function labelOf(format: FormatId, cell: string): string {
  const key = `${format}|${cell}`;
  let l = labels.get(key);
  if (l === undefined) {
    if (labels.size >= 4096) labels.clear();
    labels.set(key, (l = cellLabel(format, cell)));
  }
  return l;
}

export function badgeViews(
  states: Iterable<DocState>,
  hold: TypingHold,
  shownBefore: ReadonlySet<string>,
  now: number,
): Views {
  const out: Views = { badges: [], cells: new Map(), held: new Map(), wait: Infinity };
  const views = new Map<string, BadgeView>();
  const muted = new Map<string, BadgeView>();
  const mutedCells = new Map<string, CellRef>();
  for (const st of states) {
    st.findings.forEach((fs, r) => {
      const rep = st.reports[r]!;
      const label = (cell: string) => (rep.format ? labelOf(rep.format, cell) : cell);
      for (const f of fs) {
        if (!SHOWN.has(f.severity)) continue;
        const sev = f.severity as BadgeSeverity;
        const cell = f.target ?? f.cells[0];
        if (!cell || !elementOf(rep, cell)) continue;
        const key = `${st.id}|${r}|${cell}`;
        if (f.confirmed !== undefined) {
          // A confirmed warning leaves the counts; its cell keeps a muted badge with the note, unless open problems remain there.
          const m = muted.get(key) ?? { key, cell, severity: 'warning' as const, label: label(cell), messages: [], confirmed: [] };
          if (!m.messages.includes(f.message)) m.messages.push(f.message);
          if (!m.confirmed!.includes(f.confirmed)) m.confirmed!.push(f.confirmed);
          if (!muted.has(key)) {
            muted.set(key, m);
            mutedCells.set(key, { doc: st.doc, r, id: cell });
          }
          continue;
        }
        const wait = shownBefore.has(key) ? 0 : hold.held(st.doc, r, f, now);
        if (wait) {
          out.wait = Math.min(out.wait, wait);
          out.held.set(key, { doc: st.doc, r, id: cell });
          continue;
        }
        let v = views.get(key);
        if (v) {
          if (sev === 'error') v.severity = 'error';
          if (!v.messages.includes(f.message)) v.messages.push(f.message);
        } else {
          v = { key, cell, severity: sev, label: label(cell), messages: [f.message] };
          views.set(key, v);
          out.cells.set(key, { doc: st.doc, r, id: cell });
        }
        if (v.expected === undefined && f.expected !== undefined && (f.target ?? cell) === cell) {
          v.expected = f.expected;
          v.canFix = f.target === cell;
        }
      }
    });
  }
  // Only warnings, none confirmed yet: the clerk may confirm them (强制性 problems never).
  for (const v of views.values()) if (v.severity === 'warning') v.confirmable = true;
  for (const [key, m] of muted) {
    if (views.has(key)) continue;
    views.set(key, m);
    out.cells.set(key, mutedCells.get(key)!);
  }
  out.badges = [...views.values()];
  return out;
}

/** Last year's figures shown beside this year's cells (never written), and where their cells are. */
export function referenceViews(
  states: Iterable<DocState>,
  references: (r: Report) => { cell: string; value: number }[],
): { views: RefView[]; cells: Map<string, CellRef> } {
  const views: RefView[] = [];
  const cells = new Map<string, CellRef>();
  for (const st of states) {
    st.reports.forEach((rep, r) => {
      for (const { cell, value } of references(rep)) {
        if (!elementOf(rep, cell)) continue;
        const key = `${st.id}|${r}|${cell}`;
        views.push({ key, cell, text: t('page.prior', { value }) });
        cells.set(key, { doc: st.doc, r, id: cell });
      }
    });
  }
  return { views, cells };
}
