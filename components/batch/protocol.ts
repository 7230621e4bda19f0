import type { ReadJob } from '@/lib/import';
import type { BatchOptions, BatchRow, ParentSpec } from '@/lib/batch/types';
import type { Locale } from '@/lib/i18n';
import type { Report } from '@/lib/report';

/**
 * What an extension page asks its reading worker (components/batch/reader.worker.ts), and the answers.
 * Read reports cross as JSON text (`Packed`): a page keeps, stores and sends back a string, which costs
 * it almost nothing, where the same reports as objects took seconds of its thread to copy and to store.
 */
export type Packed = string;

export type Job =
  /** One added file of a batch (a .zip gives several inputs), each audited alone for the running count. */
  | { op: 'batch-file'; name: string; bytes: Uint8Array; pdf: boolean }
  /** The whole batch, audited together (cross-year pairs, parent = Σ children); inputs named apart first; `earlier`: saved reports of earlier batches, for the cross-year rules only. */
  | { op: 'audit'; inputs: Packed[]; opts: BatchOptions; earlier?: Packed[] }
  /** The options page's import: a file or fetched page read to its reports. */
  | { op: 'import'; job: ReadJob; pdf: boolean };

export type Answer =
  | { op: 'batch-file'; inputs: Packed[]; rows: BatchRow[] }
  /** The rows for the table (slimRow) as JSON text, parsed in one native call; each full row as JSON text. */
  | { op: 'audit'; rows: string; details: string[]; proposals: ParentSpec[] }
  | { op: 'import'; reports: Report[] };

/** `locale`: the page's 界面语言, which the worker words its answers in. */
export type Request = { n: number; job: Job; locale: Locale };
export type Reply = { n: number; ok: true; answer: Answer } | { n: number; ok: false; message: string };
