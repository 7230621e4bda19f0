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

/**
 * How a section's printed tables depart from "one labelled row, one value per column": the
 * recognisers follow these instead of knowing any format by name.
 */
export interface SectionQuirks {
  /** The whole section is one row of values, every row × every column in form order (表四); its row labels head columns. */
  oneRow?: boolean;
  /** Columns printed only by some tables, read once their header has been seen (统计表's 历年累计). */
  optionalCols?: readonly string[];
  /** A 小计 column some tables print before or after these columns: no cell, but it takes a place among the values. */
  subtotal?: { match: RegExp; of: readonly string[] };
  /** In a grid, the header's cells say which column each value is in (applicant columns, subtotal columns). */
  colsFromHeader?: boolean;
  /** Group rows may carry values of their own: （六）其他处理 in one row, a （三）不予公开 subtotal. */
  groupRowValues?: boolean;
  /** Its title is printed without an item number (the single 统计表): messages name it by its name alone. */
  bareTitle?: boolean;
  /** Its tables print only the rows their province asks for (the 统计表): a row left out is no reading problem. */
  someRowsOnly?: boolean;
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
  quirks?: SectionQuirks;
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
