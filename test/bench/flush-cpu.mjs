// `node test/bench/flush-cpu.mjs [build-dir …]`: the extension's own CPU time per keystroke in real Chromium, from a
// V8 CPU profile (samples whose stack holds a chrome-extension:// frame), while typing into a report cell of the
// editor pages the way bench:page does (a wrong figure, another, the right one; each waits out the badge's
// pause). Thread time of our code only, so a busy machine adds little; several builds (default: .output/chrome-mv3)
// are measured in turn, round after round, for before/after figures from one run. PAGES, ROUNDS as in bench:page.
import { resolve } from 'node:path';
import { EXTENSION_DIR, cellAt, launchWithExtension, openCmsPage, startServer, typeInCell, VALUES, waitForTables } from '../e2e/harness.mjs';
import { q } from './probes.mjs';

const DIRS = process.argv.slice(2).length ? process.argv.slice(2).map((d) => resolve(d)) : [EXTENSION_DIR];
const PAGES = (process.env.PAGES ?? 'kindeditor,ckeditor5,form').split(',').filter(Boolean);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const CELL = 'apply.new.natural';
const INTERVAL_US = 100;

/** Microseconds of samples whose stack holds the extension's code, and of those in its checker. */
function extensionTime(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const ours = new Map();
  const isOurs = (id) => {
    if (ours.has(id)) return ours.get(id);
    const n = byId.get(id);
    const v = /^chrome-extension:/.test(n.callFrame.url) || (parent.has(id) && isOurs(parent.get(id)));
    ours.set(id, v);
    return v;
  };
  let us = 0;
  profile.samples.forEach((id, i) => {
    if (isOurs(id)) us += profile.timeDeltas[i + 1] ?? INTERVAL_US;
  });
  return us;
}

async function typing(context, server, name) {
  const page = await openCmsPage(context, server, name);
  await waitForTables(page, 1);
  await cellAt(page, CELL);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: INTERVAL_US });
  let keys = 0;
  const type = async (text) => {
    await typeInCell(page, CELL, text, { delay: 0 });
    keys += text.length;
    await page.waitForTimeout(1000); // the badge's pause and the deferred narrative check
  };
  await type('50'); // warm-up, not profiled
  await cdp.send('Profiler.start');
  for (let i = 0; i < ROUNDS; i++) {
    await type(String(51 + i));
    await type(String(80 + i));
    await type(VALUES[CELL]);
  }
  const { profile } = await cdp.send('Profiler.stop');
  await page.close();
  return extensionTime(profile) / 1000 / keys;
}

const server = await startServer();
const perKey = new Map(DIRS.map((d) => [d, Object.fromEntries(PAGES.map((p) => [p, []]))]));
try {
  for (let round = 0; round < 2; round++)
    for (const dir of DIRS) {
      const browser = await launchWithExtension({ extensionDir: dir });
      try {
        for (const name of PAGES) perKey.get(dir)[name].push(await typing(browser.context, server, name));
      } finally {
        await browser.close();
      }
    }
  for (const dir of DIRS) {
    console.log(`\n${dir}`);
    for (const name of PAGES) {
      const xs = perKey.get(dir)[name];
      console.log(`  ${name}: extension CPU per keystroke (typing, badge, narrative) ${q(xs, 50).toFixed(2)} ms (runs: ${xs.map((x) => x.toFixed(2)).join(', ')})`);
    }
  }
} finally {
  await server.close();
}
