import { cellDef, PREFILTER } from '../formats/index';
import type { Report, ReportCell } from '../report';
import { detectHeading } from './detect';
import { cellText, controlText, isControl } from './grid';
import { unreadableProblem } from './report';
import { kindOf } from './tokens';
import { parseValue } from './value';

/**
 * Re-reading a live report after only the text of some of its value cells, or text outside its tables,
 * changed: each of those cells is read again as the reader reads it, the heading again when text before the
 * report changed, and the rest of the report is kept — when that gives exactly what a full read would (else
 * null: read the whole document again).
 */

/** What a live read knows beyond its Report, to tell whether one cell's new text changes only that cell. */
export interface ReadFacts {
  /** Cells given by more than one token: which one is kept may depend on which are blank. */
  repeated: ReadonlySet<string>;
  /** The table the report's heading (title, year, body) was read before, and that text now. */
  anchor: Element;
  headingText: string;
  heading(): string;
}

interface Known extends ReadFacts {
  /** Each cell's id by the element it was read from (built on the first re-read). */
  ids?: Map<Element, string>;
}

const facts = new WeakMap<Report, Known>();

export function noteRead(report: Report, f: ReadFacts): void {
  facts.set(report, f);
}

function idsOf(report: Report): Map<Element, string> {
  const ids = new Map<Element, string>();
  for (const [id, c] of Object.entries(report.cells)) if (c.loc.kind === 'table' && c.loc.el) ids.set(c.loc.el, id);
  return ids;
}

/** The characters of the fingerprint words (PREFILTER is literal words): a text holding none can make no table match or stop matching. */
const FINGERPRINT_CHARS = new Set(PREFILTER.source.replace(/\|/g, ''));
const touchesFingerprint = (s: string) => {
  for (const ch of s) if (FINGERPRINT_CHARS.has(ch)) return true;
  return false;
};

/** `b` comes before `a` in document order (and is not inside it). */
const PRECEDING = 2;

/**
 * The report with those of the elements `changed` that it read cells from read again from their text now
 * (the others are not this report's, or text outside its tables) and with `narrative` as its narrative when
 * given; the same report when nothing changed; null when that text may change more than its cell (a value
 * became a label, a fingerprint word, a blank among cells given twice, the heading) or the report is not a
 * live read.
 */
export function rereadCells(report: Report, changed: Iterable<Element>, narrative?: string): Report | null {
  const f = facts.get(report);
  if (!f || !report.format || report.format === 'local') return null;
  const ids = (f.ids ??= idsOf(report));
  let cells: Record<string, ReportCell> | null = null;
  let headingMoved = false;
  let unreadableNow = false;
  for (const el of changed) {
    const control = isControl(el);
    // the heading is the text before the anchor table: any cell's text there is part of it
    if (!control && f.anchor.compareDocumentPosition(el) & PRECEDING) headingMoved = true;
    const id = ids.get(el);
    if (id === undefined) continue;
    const cell = report.cells[id]!;
    const text = control ? controlText(el) : cellText(el);
    const raw = text.trim();
    if (raw === cell.raw) continue;
    if (kindOf(cell.raw) !== 'value' || kindOf(raw) !== 'value' || touchesFingerprint(cell.raw) || touchesFingerprint(raw)) return null;
    const parsed = parseValue(text, cellDef(report.format, id)?.kind ?? 'count');
    if (f.repeated.has(id) && (cell.value === null || parsed.value === null)) return null;
    const next: ReportCell = { id, value: parsed.value, raw, loc: cell.loc };
    if (parsed.unreadable) next.unreadable = unreadableNow = true;
    (cells ??= { ...report.cells })[id] = next;
  }
  let headingText = f.headingText;
  if (headingMoved) {
    headingText = f.heading();
    if (headingText !== f.headingText) {
      const h = detectHeading(headingText);
      if (h.year !== report.year || (h.body || undefined) !== report.body || (h.title || undefined) !== report.title) return null;
    }
  }
  const narrativeMoved = narrative !== undefined && narrative !== report.narrative;
  if (!cells && headingText === f.headingText && !narrativeMoved) return report;
  const out = Object.defineProperties({}, Object.getOwnPropertyDescriptors(report)) as Report;
  if (narrativeMoved) Object.defineProperty(out, 'narrative', { value: narrative, enumerable: true, configurable: true, writable: true });
  if (cells) {
    out.cells = cells;
    // Unreadable cells are named in one problem: none before and none of the changed ones now leaves it at none.
    if (unreadableNow || report.problems.some((p) => p.code === 'unreadable')) {
      const unreadable = unreadableProblem(report.format, cells);
      out.problems = [...report.problems.filter((p) => p.code !== 'unreadable'), ...(unreadable ? [unreadable] : [])];
    } else out.problems = [...report.problems];
  }
  facts.set(out, { ...f, headingText });
  return out;
}
