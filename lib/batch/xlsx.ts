import writeXlsxFile from 'write-excel-file/universal';
import { PROBLEM_HEAD, RESULT_HEAD, problemRows, resultRows, type Cell } from './table';
import type { BatchRow } from './types';

const sheet = (head: readonly string[], body: Cell[][]) => [
  head.map((value) => ({ value, fontWeight: 'bold' as const })),
  ...body.map((row) => row.map((value) => (value === null ? null : { value }))),
];

/** The .xlsx of a batch: sheet 「审核结果」 (one row per report) and 「问题清单」 (every problem). */
export async function batchXlsx(rows: readonly BatchRow[]): Promise<Blob> {
  return writeXlsxFile([
    { sheet: '审核结果', data: sheet(RESULT_HEAD, resultRows(rows)), columns: [{ width: 36 }, { width: 28 }, { width: 6 }, { width: 30 }, { width: 16 }, { width: 40 }] },
    { sheet: '问题清单', data: sheet(PROBLEM_HEAD, problemRows(rows)), columns: [{ width: 36 }, { width: 28 }, { width: 6 }, { width: 8 }, { width: 36 }, { width: 80 }] },
  ]).toBlob();
}
