import { csvText } from '../csv';
import { STATE_LABEL, type BatchRow } from './types';

const SEVERITY = { error: '强制性', warning: '核实性', info: '提示' } as const;

export type Cell = string | number | null;

/** The results table, one row per report, in Chinese: what the page lists and every export holds. */
export const RESULT_HEAD = ['文件', '单位', '年度', '表式', '状态', '原因', '强制性问题', '核实性问题', '提示', '上年报告'] as const;

export function resultRows(rows: readonly BatchRow[]): Cell[][] {
  return rows.map((r) => [r.id, r.body, r.year, r.formatName, STATE_LABEL[r.state], r.reason, r.counts.error, r.counts.warning, r.counts.info, r.prior ?? null]);
}

/** Every problem of every report (hints too), with the suggested value where there is one. */
export const PROBLEM_HEAD = ['文件', '单位', '年度', '性质', '位置', '问题', '建议值'] as const;

export function problemRows(rows: readonly BatchRow[]): Cell[][] {
  return rows.flatMap((r) =>
    r.problems.map((p): Cell[] => [r.id, r.body, r.year, SEVERITY[p.severity], p.where, p.message, p.expected ?? null]),
  );
}

/** The same CSV writer as the saved-data export (formula-like cells neutralised). */
export function toCsv(head: readonly string[], body: readonly Cell[][]): string {
  return csvText([head, ...body].map((row) => row.map((c) => (c === null ? '' : String(c)))));
}
