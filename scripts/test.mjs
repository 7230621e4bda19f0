// npm test: Chromium and Firefox ESR for the e2e tests (installed when missing), typecheck, unit tests (Vitest),
// the three builds (scripts/build.mjs), then the real-browser tests one file at a time: the MV3 build in
// Chromium (test/e2e/*.test.mjs), the Firefox build in Firefox ESR (test/e2e/firefox*.test.mjs), and the MV2
// build's code on a Chromium 86 from npm (test/e2e/chromium86*.test.mjs).
// Runs every step even after a failure, then prints a summary and exits non-zero if any step failed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureChromium } from './ensure-chromium.mjs';
import { ensureFirefox } from './ensure-firefox.mjs';
import { ensureChromium86 } from './ensure-chromium86.mjs';
import { HAVE_SHARED, SKIP_REASON } from '../test/shared-dir.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => join(ROOT, 'node_modules/.bin', name);
const allE2e = readdirSync(join(ROOT, 'test/e2e')).filter((f) => f.endsWith('.test.mjs')).sort()
  .map((f) => join('test/e2e', f));
const isFirefox = (f) => /\/firefox[^/]*\.test\.mjs$/.test(f);
const isChromium86 = (f) => /\/chromium86[^/]*\.test\.mjs$/.test(f);
const e2eFiles = allE2e.filter((f) => !isFirefox(f) && !isChromium86(f));
const firefoxFiles = allE2e.filter(isFirefox);
const chromium86Files = allE2e.filter(isChromium86);

const results = [];
function step(name, fn) {
  const started = Date.now();
  console.log(`\n━━━ ${name} ━━━`);
  let ok;
  try {
    ok = fn();
  } catch (e) {
    console.error(e.message);
    ok = false;
  }
  results.push({ name, ok, seconds: (Date.now() - started) / 1000 });
  return ok;
}
const run = (cmd, args) => spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit' }).status === 0;

const started = Date.now();
if (!HAVE_SHARED) console.log(`\nreal reports: ${SKIP_REASON} (the tests that read them say so below)`);
const haveChromium = step('chromium', () => (console.log(ensureChromium()), true));
const haveFirefox = step('firefox-esr', () => (console.log(ensureFirefox()), true));
const haveChromium86 = step('chromium 86 (npm: chrome-aws-lambda@5.3.1)', () => (console.log(ensureChromium86().executable), true));
step('typecheck (tsc --noEmit)', () => run(bin('tsc'), ['--noEmit']));
step('unit tests (vitest run)', () => run(bin('vitest'), ['run']));
step('build (3 builds, 3 zips, checks)', () => run(process.execPath, ['scripts/build.mjs']));
// The e2e tests need only the MV3 build; they still run when a check of another build failed.
const built = existsSync(join(ROOT, '.output/chrome-mv3/manifest.json'));
if (haveChromium && built) {
  step(`e2e (${e2eFiles.length} files, real Chromium)`, () =>
    run(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec', ...e2eFiles]));
} else {
  results.push({ name: 'e2e', ok: false, seconds: 0, skipped: haveChromium ? 'no MV3 build' : 'no chromium' });
}
if (haveFirefox && existsSync(join(ROOT, '.output/firefox-mv2/manifest.json'))) {
  step(`e2e Firefox (${firefoxFiles.length} file, Firefox ESR, Firefox build)`, () =>
    run(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec', ...firefoxFiles]));
} else {
  results.push({ name: 'e2e Firefox', ok: false, seconds: 0, skipped: haveFirefox ? 'no Firefox build' : 'no firefox-esr' });
}
if (haveChromium86 && existsSync(join(ROOT, '.output/chrome-mv2/manifest.json'))) {
  step(`Chromium 86 code run (${chromium86Files.length} file, MV2 build)`, () =>
    run(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec', ...chromium86Files]));
} else {
  results.push({ name: 'Chromium 86 code run', ok: false, seconds: 0, skipped: haveChromium86 ? 'no MV2 build' : 'no chromium 86' });
}

console.log('\n━━━ summary ━━━');
for (const r of results) {
  console.log(`${r.ok ? 'PASS' : 'FAIL'}  ${r.name}${r.skipped ? ` (skipped: ${r.skipped})` : ''}  ${r.seconds.toFixed(1)} s`);
}
const failed = results.filter((r) => !r.ok);
console.log(`\nnpm test took ${((Date.now() - started) / 60000).toFixed(1)} min`);
console.log(failed.length ? `\nnpm test: FAILED (${failed.map((r) => r.name).join('; ')})` : '\nnpm test: all passed');
process.exit(failed.length ? 1 : 0);
