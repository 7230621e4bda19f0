// npm run fuzz: the long fuzz run (test/fuzz) — FUZZ_RUNS inputs per weight unit (default 700, about
// 11,000 inputs in all), long whitespace runs in narrative text, seed from FUZZ_SEED or a fresh one
// (printed first; replay a failure with FUZZ_SEED=<seed> npm run fuzz).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const env = {
  ...process.env,
  FUZZ_RUNS: process.env.FUZZ_RUNS || '700',
  FUZZ_WS: process.env.FUZZ_WS || '3000',
  FUZZ_SEED: process.env.FUZZ_SEED || String((Date.now() ^ (Math.random() * 2 ** 31)) >>> 0),
};
console.log(`fuzz: seed ${env.FUZZ_SEED}, ${env.FUZZ_RUNS} runs per weight unit`);
const res = spawnSync(join(ROOT, 'node_modules/.bin/vitest'), ['run', 'test/fuzz'], { cwd: ROOT, env, stdio: 'inherit' });
process.exit(res.status ?? 1);
