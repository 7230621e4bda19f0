import writeXlsxFile from 'write-excel-file/universal';
import { t } from '../i18n';
import { problemHead, problemRows, resultHead, resultRows, type Cell } from './table';
import type { BatchRow } from './types';

const sheet = (head: readonly string[], body: Cell[][]) => [
  head.map((value) => ({ value, fontWeight: 'bold' as const })),
  ...body.map((row) => row.map((value) => (value === null ? null : { value }))),
];

/** The .xlsx of a batch: sheet 「审核结果」 (one row per report) and 「问题清单」 (every problem). */
export async function batchXlsx(rows: readonly BatchRow[]): Promise<Blob> {
  return writeXlsxFile([
    { sheet: t('batch.sheet.results'), data: sheet(resultHead(), resultRows(rows)), columns: [{ width: 36 }, { width: 28 }, { width: 6 }, { width: 30 }, { width: 16 }, { width: 40 }] },
    { sheet: t('batch.sheet.problems'), data: sheet(problemHead(), problemRows(rows)), columns: [{ width: 36 }, { width: 28 }, { width: 6 }, { width: 8 }, { width: 36 }, { width: 80 }] },
  ]).toBlob();
}
