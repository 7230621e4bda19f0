/// <reference lib="webworker" />
// The reading worker of extension pages: reports read and checked off the page's thread. A worker has
// no DOMParser: the HTML reader gets linkedom's worker build. pdf.js runs in this same thread (its
// worker code loaded here as the "fake worker"), so a PDF never touches the page's thread either.
import { parseHTML } from 'linkedom/worker';
import { auditBatch } from '@/lib/batch/audit';
import { uniqueNames } from '@/lib/batch/files';
import { packInput, unpackInput } from '@/lib/batch/pack';
import type { BatchInput, BatchRow } from '@/lib/batch/types';
import { portable, readBatchBytes } from '@/lib/batch/read';
import { readImportBytes } from '@/lib/import';
import { useLinkedom } from '@/lib/read/html';
import type { Answer, Job, Reply, Request } from './protocol';

useLinkedom(parseHTML as Parameters<typeof useLinkedom>[0]);

// pdf.js 5 needs a newer engine than Chromium 86: the Chromium MV2 build ships without it (wxt.config.ts).
const PDF = !(import.meta.env.MANIFEST_VERSION === 2 && import.meta.env.CHROME);

let pdfReady: Promise<void> | undefined;
const preparePdf = () =>
  (pdfReady ??= PDF
    ? import('pdfjs-dist/legacy/build/pdf.worker.mjs').then((worker) => {
        (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
      })
    : Promise.resolve());

/** A packed input that does not parse (damaged storage) becomes a grey row, never a failed audit. */
const unpack = (packed: string, k: number): BatchInput =>
  unpackInput(packed) ?? { name: `第 ${k + 1} 份`, error: '保存的结果已损坏，请重新添加这份文件' };

async function answer(job: Job): Promise<Answer> {
  if (job.op === 'audit') return { op: 'audit', rows: JSON.stringify(auditBatch(uniqueNames(job.inputs.map(unpack)), job.opts)) };
  if (job.pdf && needsPdf(job)) await preparePdf();
  if (job.op === 'import') return { op: 'import', reports: (await readImportBytes(job.job)).map(portable) };
  const inputs = await readBatchBytes(job.name, job.bytes, { pdf: job.pdf });
  return { op: 'batch-file', inputs: inputs.map(packInput), rows: slim(auditBatch(inputs)) };
}

/** What the running table needs of a row: its state and counts (the details come with the final audit). */
const slim = (rows: BatchRow[]): BatchRow[] => rows.map((r) => ({ ...r, problems: [], findings: [], values: {}, suggestion: null }));

const needsPdf = (job: Job) => (job.op === 'import' ? /\.pdf$/i.test(job.job.name) : job.op === 'batch-file' && /\.(pdf|zip)$/i.test(job.name));

self.onmessage = async (e: MessageEvent<Request>) => {
  const { n, job } = e.data;
  let reply: Reply;
  try {
    reply = { n, ok: true, answer: await answer(job) };
  } catch (err) {
    console.warn('年报助手：读取出错', err);
    reply = { n, ok: false, message: '读取时出错，这份文件没有读完（可能已损坏或格式不对）' };
  }
  self.postMessage(reply);
};
