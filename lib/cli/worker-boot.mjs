// A worker thread runs TypeScript through tsx as the command line does: register it, then load the entry.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
// tsx turns source maps on, and Node then parses the map of every module loaded (pdf.js ships large ones): a
// batch worker answers in plain Chinese reasons, never with stack traces, so it does without.
process.setSourceMapsEnabled(false);
await import(workerData.entry);
