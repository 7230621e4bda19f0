import { auditBatch } from '@/lib/batch/audit';
import { proposeParents } from '@/lib/batch/children';
import { uniqueNames } from '@/lib/batch/files';
import { packInput, unpackInput } from '@/lib/batch/pack';
import { portable, readBatchBytes } from '@/lib/batch/read';
import type { BatchInput, BatchRow } from '@/lib/batch/types';
import { readImportBytes } from '@/lib/import';
import { t } from '@/lib/i18n';
import type { Answer, Job } from './protocol';

/** A packed input that does not parse (damaged storage) becomes a grey row, never a failed audit. */
const unpack = (packed: string, k: number): BatchInput =>
  unpackInput(packed) ?? { name: t('batch.read.nth', { n: k + 1 }), error: t('batch.read.savedBroken') };

/**
 * What the table and summary need of a row: state, counts and the kinds of its problems. The rest
 * (figures, findings, words) stays as JSON text until a row is opened, exported or printed.
 */
export function slimRow(r: BatchRow): BatchRow {
  const { raw: _raw, priorTable: _prior, ...rest } = r;
  const problems = r.problems.map((p) => ({ severity: p.severity, rule: p.rule, where: '', message: '', cells: [] }));
  return { ...rest, problems, findings: [], values: {}, suggestion: null, readNotes: [] };
}

/** One job of the reading worker (components/batch/reader.worker.ts); `preparePdf` loads pdf.js first when a PDF may come. */
export async function answer(job: Job, preparePdf: () => Promise<void>): Promise<Answer> {
  if (job.op === 'audit') {
    const earlier = (job.earlier ?? []).map(unpack).map((x) => ({ ...x, name: t('batch.earlier.name', { name: x.name }) }));
    const inputs = uniqueNames(job.inputs.map(unpack));
    const rows = auditBatch(inputs, { ...job.opts, prior: earlier });
    return { op: 'audit', rows: JSON.stringify(rows.map(slimRow)), details: rows.map((r) => JSON.stringify(r)), proposals: proposeParents(inputs) };
  }
  if (job.pdf && needsPdf(job)) await preparePdf();
  if (job.op === 'import') return { op: 'import', reports: (await readImportBytes(job.job)).map(portable) };
  const inputs = await readBatchBytes(job.name, job.bytes, { pdf: job.pdf });
  return { op: 'batch-file', inputs: inputs.map(packInput), rows: auditBatch(inputs).map(slimRow) };
}

const needsPdf = (job: Job) => (job.op === 'import' ? /\.pdf$/i.test(job.job.name) : job.op === 'batch-file' && /\.(pdf|zip)$/i.test(job.name));
