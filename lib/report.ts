import type { FormatId } from './formats/types';

/**
 * Where a value came from, so that the extension can point at it and write to it.
 * `table`: the n-th <table> of the source (document order) and the logical grid position
 * after rowspan/colspan expansion. `text`: a character span of the source text.
 * `el` is the live element (the <td>, or the <input> of an input grid) when read from a DOM;
 * it is never serialised.
 */
export type Location =
  | { kind: 'table'; table: number; row: number; col: number; el?: Element }
  | { kind: 'text'; start: number; end: number };

export interface ReportCell {
  /** Canonical cell id (spec: report-formats.md). */
  id: string;
  /** null = blank or placeholder (`/ - — 无 不适用`), distinct from 0. NaN never appears. */
  value: number | null;
  /** The cell text as found, trimmed. */
  raw: string;
  loc: Location;
  /** Set when the raw text could not be read as a number of the cell's kind (e.g. `约20`). */
  unreadable?: boolean;
  /** Set when the figure was split from digits that ran together (`件1295` → 12, 95) by the form's rules. */
  inferred?: boolean;
}

/** Something the reader could not do, in plain Chinese for the user. */
export interface ReadProblem {
  code: string;
  message: string;
}

export interface Report {
  /** File name, URL or 'page'. */
  source: string;
  format: FormatId | null;
  year: number | null;
  /** 单位名称 from the title, when found. */
  body?: string;
  title?: string;
  cells: Record<string, ReportCell>;
  /** The text outside the statistics tables (narrative), for P-TEXT. */
  narrative?: string;
  problems: ReadProblem[];
}

export type Values = Record<string, number | null>;

/** The values of a report's cells, in their order: a new object each time. `each` sees every cell on the way. */
export function valuesOf(report: Pick<Report, 'cells'>, each?: (id: string, cell: ReportCell) => void): Values {
  const cells = report.cells;
  const ids = Object.keys(cells);
  const out = copyOfShape(ids);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    const cell = cells[id]!;
    out[id] = cell.value;
    each?.(id, cell);
  }
  return out;
}

/** The same cells in the same order with the same values. */
export function sameValues(a: Readonly<Values> | undefined, b: Readonly<Values> | undefined): boolean {
  if (!a || !b) return a === b;
  const ids = Object.keys(a);
  let i = 0;
  for (const id in b) {
    if (ids[i] !== id || !Object.is(a[id], b[id])) return false;
    i++;
  }
  return i === ids.length;
}

/**
 * An object with these keys in this order (values still to be set), copied from the last one made for them. A
 * report's 200-odd cells read the same way on every keystroke; an object grown key by key that large is a slow
 * hash table in JS engines, a copy of one is built in one step and reads fast.
 */
let shapes: { ids: string[]; values: Values }[] = [];

function copyOfShape(ids: readonly string[]): Values {
  const known = shapes.find((s) => s.ids.length === ids.length && s.ids.every((id, i) => id === ids[i]));
  if (known) return { ...known.values };
  const values: Values = {};
  for (const id of ids) values[id] = null;
  shapes = [{ ids: [...ids], values: { ...values } }, ...shapes.slice(0, 3)];
  return { ...values };
}

export type Severity = 'error' | 'warning' | 'info';

/** Errors first, then warnings, then info: the one order every list of findings is shown in. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };
export const bySeverity = (a: { severity: Severity }, b: { severity: Severity }): number =>
  SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];

export interface Finding {
  rule: string;
  severity: Severity;
  /** Canonical ids of the cells involved; the first is the one a badge is drawn on. */
  cells: string[];
  /** Plain Chinese, in the form's own labels, with both sides and the difference. */
  message: string;
  /** The value the `target` cell would need for the rule to hold. */
  expected?: number;
  actual?: number;
  target?: string;
  /** Blank operands that made the rule not assessable. */
  missing?: string[];
  /** When one finding stands for several violated rules (one wrong cell), all their ids. */
  rules?: string[];
  /** P-TEXT: the narrative sentence the finding quotes, as a character span of the narrative. */
  span?: { start: number; end: number };
  /** A 核实性 warning the clerk confirmed: their 核实说明 (lib/check/confirmed.ts). It leaves the counts. */
  confirmed?: string;
}

/** What the rule engine needs of a report (a saved prior year has exactly this). */
export interface CheckInput {
  format: FormatId;
  year: number | null;
  values: Values;
  /** Body name, for plausibility rules (P-REG: county/township/department bodies). */
  body?: string;
  /** Narrative text of the report (for P-TEXT), when known. */
  narrative?: string;
  /** Cell text as found, for cells whose text could not be read as a number (DOM-INT/DOM-AMT). */
  raw?: Record<string, string>;
}
