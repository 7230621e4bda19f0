/** Worker thread of `check --batch`: reads the files it is sent, one at a time, and answers with what it read. */
import { parentPort } from 'node:worker_threads';
import { readInput } from './files';
import { portable } from '../batch/read';
import { basename } from 'node:path';

parentPort!.on('message', async (job: { n: number; path: string }) => {
  const read = await readInput(job.path);
  parentPort!.postMessage({ n: job.n, input: 'error' in read ? { name: basename(read.path), error: read.error } : { name: basename(read.path), reports: read.reports.map(portable) } });
});
