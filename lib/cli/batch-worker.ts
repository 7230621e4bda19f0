/**
 * Worker thread of `check --batch`: reads the files it is sent, one at a time, as the 批量审核 page's
 * workers do (readBatchBytes: the import limits, a .zip's reports), and answers with what it read.
 */
import { readFile as readBytes } from 'node:fs/promises';
import { basename } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { readBatchBytes } from '../batch/read';
import type { BatchInput } from '../batch/types';

export async function readPath(path: string): Promise<BatchInput[]> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readBytes(path));
  } catch (e) {
    return [{ name: basename(path), error: `无法打开文件（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）` }];
  }
  return readBatchBytes(basename(path), bytes);
}

parentPort?.on('message', async (job: { n: number; path: string }) => {
  parentPort!.postMessage({ n: job.n, inputs: await readPath(job.path) });
});
