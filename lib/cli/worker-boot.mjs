// A worker thread runs TypeScript through tsx as the command line does: register it, then load the entry.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
