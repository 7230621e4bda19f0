/** Node-only: reads the files of a batch over worker threads, one per core, in input order. */
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { BatchInput } from '../batch/types';

const BOOT = new URL('./worker-boot.mjs', import.meta.url);
const ENTRY = new URL('./batch-worker.ts', import.meta.url).href;

export async function readAll(paths: readonly string[], onProgress?: (done: number, total: number) => void): Promise<BatchInput[][]> {
  const out: BatchInput[][] = new Array(paths.length);
  if (!paths.length) return out;
  const size = Math.max(1, Math.min(availableParallelism(), paths.length));
  let next = 0;
  let done = 0;
  const run = () =>
    new Promise<void>((finish) => {
      const worker = new Worker(BOOT, { workerData: { entry: ENTRY } });
      let current = -1;
      const give = () => {
        if (next >= paths.length) {
          void worker.terminate();
          finish();
          return;
        }
        current = next++;
        worker.postMessage({ n: current, path: paths[current] });
      };
      worker.on('message', (m: { n: number; inputs: BatchInput[] }) => {
        out[m.n] = m.inputs;
        onProgress?.(++done, paths.length);
        give();
      });
      // a worker that dies (out of memory on a huge file) loses only its file; a fresh one goes on
      worker.on('error', (e: Error) => {
        if (current >= 0 && !out[current]) {
          out[current] = [{ name: basename(paths[current]!), error: `读取时出错：${e.message}` }];
          onProgress?.(++done, paths.length);
        }
        void run().then(finish);
      });
      give();
    });
  await Promise.all(Array.from({ length: size }, run));
  return out;
}
