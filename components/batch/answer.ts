import { auditBatch } from '@/lib/batch/audit';
import { uniqueNames } from '@/lib/batch/files';
import { packInput, unpackInput } from '@/lib/batch/pack';
import { portable, readBatchBytes } from '@/lib/batch/read';
import type { BatchInput, BatchRow } from '@/lib/batch/types';
import { readImportBytes } from '@/lib/import';
import type { Answer, Job } from './protocol';

/** A packed input that does not parse (damaged storage) becomes a grey row, never a failed audit. */
const unpack = (packed: string, k: number): BatchInput =>
  unpackInput(packed) ?? { name: `第 ${k + 1} 份`, error: '保存的结果已损坏，请重新添加这份文件' };

/** What the running table needs of a row: its state and counts (the details come with the final audit). */
const slim = (rows: BatchRow[]): BatchRow[] => rows.map((r) => ({ ...r, problems: [], findings: [], values: {}, suggestion: null }));

/** One job of the reading worker (components/batch/reader.worker.ts); `preparePdf` loads pdf.js first when a PDF may come. */
export async function answer(job: Job, preparePdf: () => Promise<void>): Promise<Answer> {
  if (job.op === 'audit') return { op: 'audit', rows: JSON.stringify(auditBatch(uniqueNames(job.inputs.map(unpack)), job.opts)) };
  if (job.pdf && needsPdf(job)) await preparePdf();
  if (job.op === 'import') return { op: 'import', reports: (await readImportBytes(job.job)).map(portable) };
  const inputs = await readBatchBytes(job.name, job.bytes, { pdf: job.pdf });
  return { op: 'batch-file', inputs: inputs.map(packInput), rows: slim(auditBatch(inputs)) };
}

const needsPdf = (job: Job) => (job.op === 'import' ? /\.pdf$/i.test(job.job.name) : job.op === 'batch-file' && /\.(pdf|zip)$/i.test(job.name));
