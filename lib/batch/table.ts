import { csvText } from '../csv';
import { t } from '../i18n';
import { stateLabel, type BatchRow } from './types';

export type Cell = string | number | null;

const RESULT_COLS = ['file', 'body', 'year', 'format', 'state', 'reason', 'errors', 'warnings', 'infos', 'prior'] as const;
const PROBLEM_COLS = ['file', 'body', 'year', 'severity', 'where', 'problem', 'expected'] as const;

/** The results table's heading, one row per report: what the page lists and every export holds. */
export function resultHead(): string[] {
  return RESULT_COLS.map((c) => t(`batch.head.${c}`));
}

export function resultRows(rows: readonly BatchRow[]): Cell[][] {
  return rows.map((r) => [r.id, r.body, r.year, r.formatName, stateLabel(r.state), r.reason, r.counts.error, r.counts.warning, r.counts.info, r.prior ?? null]);
}

/** Every problem of every report (hints too), with the suggested value where there is one. */
export function problemHead(): string[] {
  return PROBLEM_COLS.map((c) => t(`batch.head.${c}`));
}

export function problemRows(rows: readonly BatchRow[]): Cell[][] {
  return rows.flatMap((r) =>
    r.problems.map((p): Cell[] => [r.id, r.body, r.year, t(`batch.severity.${p.severity}`), p.where, p.message, p.expected ?? null]),
  );
}

/** The same CSV writer as the saved-data export (formula-like cells neutralised). */
export function toCsv(head: readonly string[], body: readonly Cell[][]): string {
  return csvText([head, ...body].map((row) => row.map((c) => (c === null ? '' : String(c)))));
}
