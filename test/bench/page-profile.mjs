// A DevTools CPU profile of keystroke flushes on the live editor pages: where the content script's time per
// keystroke goes (reading, checking, placing badges, the overlay's DOM writes), as inclusive sample time per
// function. Run after a build (`node scripts/build.mjs`, or any build in NIANBAO_EXTENSION_DIR; an unminified
// one keeps the function names):
//   node test/bench/page-profile.mjs            PAGES=kindeditor,ckeditor5,form KEYS=40 THROTTLE=1 ROUNDS=2
// NIANBAO_EXTENSION_DIR may list several builds (comma-separated, e.g. before and after a change): they are
// profiled in turn, round by round, in one run, so that a busy machine weighs on each alike.
// Each keystroke replaces a wrong figure by another wrong one (the badge on screen updates), the shape of
// bench:page's "update" case; BADGES more wrong cells are left on screen first (default 3), so that placing
// costs what it costs with several badges.
import {
  EXTENSION_DIR, launchWithExtension, openCmsPage, startServer, typeInCell, waitForTables,
} from '../e2e/harness.mjs';
import { overlayOf } from '../e2e/overlay-root.mjs';

const BUILDS = (process.env.NIANBAO_EXTENSION_DIR ?? EXTENSION_DIR).split(',').filter(Boolean);
const ROUNDS = Number(process.env.ROUNDS ?? 1);
const PAGES = (process.env.PAGES ?? 'kindeditor,ckeditor5,form').split(',').filter(Boolean);
const KEYS = Number(process.env.KEYS ?? 40);
const RATE = Number(process.env.THROTTLE ?? 1);
const BADGES = Number(process.env.BADGES ?? 3);
const CELL = 'apply.new.natural';
const OTHERS = ['apply.granted.natural', 'apply.carried.natural', 'apply.partial.natural', 'apply.unable.notHeld.natural'];

/** Functions whose inclusive time is reported (the names of the unminified build; a minified one shows few). */
const WATCH = [
  'flushNow', 'scan', 'readDom', 'mapNarrative', 'check', 'render', 'badgeViews', 'update', 'updateRefs', 'placeAll',
  'placeInTop', 'covered', 'contentOrigin', 'place', 'placeTip', 'firstHit', 'drawnOver',
  'elementsFromPoint', 'getComputedStyle', 'getBoundingClientRect',
];

function inclusive(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const stackOf = new Map();
  const stack = (id) => {
    let s = stackOf.get(id);
    if (s) return s;
    const names = new Set();
    let ext = false;
    for (let x = id; x !== undefined; x = parent.get(x)) {
      const f = byId.get(x).callFrame;
      names.add(f.functionName);
      if (f.url.startsWith('chrome-extension://')) ext = true;
    }
    s = { names, ext };
    stackOf.set(id, s);
    return s;
  };
  const totals = Object.fromEntries(WATCH.map((w) => [w, 0]));
  let ext = 0;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const s = stack(id);
    if (!s.ext) return;
    ext += dt;
    for (const w of WATCH) if (s.names.has(w)) totals[w] += dt;
  });
  return { ext, totals };
}

async function profileKeystrokes(context, server, name) {
  const page = await openCmsPage(context, server, name);
  const cdp = await context.newCDPSession(page);
  if (RATE !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: RATE });
  await waitForTables(page, 1);
  for (const c of OTHERS.slice(0, BADGES)) await typeInCell(page, c, '7', { delay: 0 });
  await typeInCell(page, CELL, '50', { delay: 0 });
  await overlayOf(page).waitFor((root, c) => !!root?.querySelector(`button[data-cell="${c}"]:not([hidden])`), CELL, { timeout: 10_000, polling: 20 });
  const shown = await overlayOf(page).evaluate((root) => root.querySelectorAll('button.b:not([hidden])').length);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  // One keystroke at a time, each flushed on its own, the figure staying wrong (5, 5d, 5, …): time per keystroke.
  for (let i = 0; i < KEYS; i++) {
    await page.keyboard.press(i % 2 ? String((i % 9) + 1) : 'Backspace');
    await page.waitForTimeout(60);
  }
  const { profile } = await cdp.send('Profiler.stop');
  await page.close();
  return { ...inclusive(profile), shown };
}

const server = await startServer();
const browsers = [];
try {
  for (const dir of BUILDS) browsers.push(await launchWithExtension({ extensionDir: dir }));
  for (const name of PAGES) {
    const sum = BUILDS.map(() => ({ ext: 0, totals: Object.fromEntries(WATCH.map((w) => [w, 0])), shown: 0 }));
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, b] of browsers.entries()) {
        const r = await profileKeystrokes(b.context, server, name);
        sum[i].ext += r.ext;
        sum[i].shown = r.shown;
        for (const w of WATCH) sum[i].totals[w] += r.totals[w];
      }
    }
    const keys = KEYS * ROUNDS;
    const per = (ms) => (ms / keys).toFixed(3);
    for (const [i, { ext, totals, shown }] of sum.entries()) {
      const which = BUILDS.length > 1 ? ` [${BUILDS[i]}]` : '';
      console.log(`\n${name}${which} (CPU ${RATE === 1 ? 'unthrottled' : `throttled ${RATE}×`}, ${keys} keystrokes, ${shown} badges on screen): extension code ${per(ext)} ms per keystroke`);
      for (const w of WATCH) if (totals[w] > 0) console.log(`  ${w.padEnd(22)} ${per(totals[w]).padStart(8)} ms/key  ${((100 * totals[w]) / ext).toFixed(1).padStart(5)} %`);
    }
    if (BUILDS.length > 1) {
      const ratio = (w) => (sum[0].totals[w] ? (sum.at(-1).totals[w] / sum[0].totals[w]).toFixed(2) : '—');
      console.log(`  last build / first: all extension code ${(sum.at(-1).ext / sum[0].ext).toFixed(2)}, placeAll ${ratio('placeAll')}, render ${ratio('render')}, scan ${ratio('scan')}`);
    }
  }
} finally {
  for (const b of browsers) await b.close();
  await server.close();
}
