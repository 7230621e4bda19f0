/** Shared vocabulary of the data contract (../shared/spec/report-formats.md). */
export const FORMAT_IDS = ['gov2021', 'gov2019', 'gov2014', 'local'] as const;
export type FormatId = (typeof FORMAT_IDS)[number];

/** count: integer ≥ 0 · amount: decimal ≥ 0 (万元) · signed: integer, may be negative (本年增/减). */
export type CellKind = 'count' | 'amount' | 'signed';

/** One canonical cell of a format, with the words the official form uses for it. */
export interface CellDef {
  id: string;
  kind: CellKind;
  /** Section of the form: '二' | '三' | '四' for gov2019/gov2021, '表' for the single gov2014 table. */
  section: string;
  /** Row label as printed, short: '（七）总计', '1.属于国家秘密'. */
  row: string;
  /** Group label of the row where it repeats across groups: '（三）不予公开'. */
  group?: string;
  /** Column label as printed: '自然人', '本年制发件数'. */
  col?: string;
}

/** A row of a section as the reader meets it: `match` is tested against the normalised label. */
export interface RowDef {
  id: string;
  label: string;
  match: RegExp;
  /** Id of the group row (（三）不予公开 …) whose numbered sub-items this row belongs to. */
  group?: string;
  /** Column ids this row has, when not every column of the section. */
  cols?: readonly string[];
  kind?: CellKind;
}

export interface ColDef {
  id: string;
  label: string;
  match: RegExp;
  kind?: CellKind;
}

export interface SectionDef {
  key: string;
  /** Short name in messages: '表二', '统计表'. */
  name: string;
  /** What the table is about, as a few words: '主动公开'. */
  topic: string;
  /** Title as printed: '二、主动公开政府信息情况'. */
  title: string;
  titleMatch: RegExp;
  /** Group rows: labels that only give context to the numbered rows below them. */
  groups?: readonly { id: string; label: string; match: RegExp }[];
  rows: readonly RowDef[];
  cols: readonly ColDef[];
  /** Canonical id of the cell at (row, col). */
  cellId: (row: string, col: string) => string;
}

export interface FormatDef {
  id: FormatId;
  /** Display name for people: '2021年版统计表'. */
  name: string;
  /** Official basis, for messages: '国办公开办函〔2021〕30号'. */
  basis: string;
  /** Report years the format is current for. */
  years: { from: number; to: number };
  /**
   * What using this format after `years.to` means (P-FORMAT): an error when a national format
   * replaced it, a warning where provinces were allowed to keep their own table.
   */
  superseded: { by: FormatId; severity: 'error' | 'warning' } | null;
  /** Labels found only in this format's tables (normalised text): they decide the format. */
  fingerprints: readonly RegExp[];
  /**
   * Words (simplified) of which at least one is in any table of this format: the live page's cheap
   * pre-filter (traditional variants are derived).
   */
  prefilter: readonly string[];
  sections: readonly SectionDef[];
  cells: readonly CellDef[];
}
