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
// CASE=appear profiles the new badge after the typing pause instead: each of KEYS rounds puts the right figure
// back (the badge clears), types a wrong one, waits SETTLE ms (default 400: the keystroke's check and the deferred
// narrative check are done, the 800 ms pause is not), and profiles and traces from then until the badge is drawn:
// the pause timer's pass (figures are per new badge; KEYS defaults to 12 there; SETTLE=0 takes in the typing's work).
import {
  EXTENSION_DIR, launchWithExtension, openCmsPage, startServer, typeInCell, VALUES, waitForTables,
} from '../e2e/harness.mjs';
import { overlayOf } from '../e2e/overlay-root.mjs';

const BUILDS = (process.env.NIANBAO_EXTENSION_DIR ?? EXTENSION_DIR).split(',').filter(Boolean);
const ROUNDS = Number(process.env.ROUNDS ?? 1);
const PAGES = (process.env.PAGES ?? 'kindeditor,ckeditor5,form').split(',').filter(Boolean);
const CASE = process.env.CASE ?? 'update';
const KEYS = Number(process.env.KEYS ?? (CASE === 'appear' ? 12 : 40));
const RATE = Number(process.env.THROTTLE ?? 1);
const BADGES = Number(process.env.BADGES ?? 3);
const SETTLE = Number(process.env.SETTLE ?? 400);
const CELL = 'apply.new.natural';
const OTHERS = ['apply.granted.natural', 'apply.carried.natural', 'apply.partial.natural', 'apply.unable.notHeld.natural'];

/** Functions whose inclusive time is reported (the names of the unminified build; a minified one shows few). */
const WATCH = [
  'flushNow', 'scan', 'readDom', 'mapNarrative', 'check', 'render', 'badgeViews', 'update', 'updateRefs', 'placeAll', 'readPlaces',
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
  if (CASE === 'appear') return { ...(await profileAppearing(page, cdp)), shown };
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  await typeKeys(page);
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.send('Profiler.disable');
  // The same keystrokes again under a trace (no profiler): thread CPU time, which neighbours on a busy machine
  // do not add to, and how often the content script made the browser lay out or hit-test.
  const traced = await tracing(cdp, () => typeKeys(page));
  await page.close();
  return { ...inclusive(profile), shown, traced };
}

/** The content script's calls while `run` runs, traced (see inOurCalls). */
async function tracing(cdp, run) {
  const events = [];
  const onData = (e) => events.push(...e.value);
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'v8.execute', 'blink'] }, transferMode: 'ReportEvents' });
  await run();
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.end');
  await done;
  cdp.off('Tracing.dataCollected', onData);
  return inOurCalls(events);
}

/**
 * KEYS new badges after the pause: the right figure back, a wrong one typed, then (the badge held) profiled and
 * traced until the badge shows; every other round is profiled, the others traced, so neither weighs on the other.
 */
async function profileAppearing(page, cdp) {
  const out = { ext: 0, totals: Object.fromEntries(WATCH.map((w) => [w, 0])), traced: { cpu: 0, forced: Object.fromEntries(FORCED.map((n) => [n, { n: 0, cpu: 0 }])) } };
  const shows = () => overlayOf(page).waitFor((root, c) => !!root?.querySelector(`button[data-cell="${c}"]:not([hidden])`), CELL, { timeout: 10_000, polling: 20 });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  for (let i = 0; i < 2 * KEYS; i++) {
    await typeInCell(page, CELL, VALUES[CELL], { delay: 0 });
    await overlayOf(page).waitFor((root, c) => !root?.querySelector(`button[data-cell="${c}"]:not([hidden])`), CELL, { timeout: 10_000, polling: 20 });
    await typeInCell(page, CELL, String(50 + (i % 40)), { delay: 0 });
    if (SETTLE) await page.waitForTimeout(SETTLE);
    if (i % 2) {
      const t = await tracing(cdp, shows);
      out.traced.cpu += t.cpu;
      for (const n of FORCED) {
        out.traced.forced[n].n += t.forced[n].n;
        out.traced.forced[n].cpu += t.forced[n].cpu;
      }
    } else {
      await cdp.send('Profiler.start');
      await shows();
      const { profile } = await cdp.send('Profiler.stop');
      const r = inclusive(profile);
      out.ext += r.ext;
      for (const w of WATCH) out.totals[w] += r.totals[w];
    }
  }
  await cdp.send('Profiler.disable');
  await page.close();
  return out;
}

/** One keystroke at a time, each flushed on its own, the figure staying wrong (5, 5d, 5, …): time per keystroke. */
async function typeKeys(page) {
  for (let i = 0; i < KEYS; i++) {
    await page.keyboard.press(i % 2 ? String((i % 9) + 1) : 'Backspace');
    await page.waitForTimeout(60);
  }
}

/** Complete events: 'X' ones as they are, and each 'B'…'E' pair of a thread made one. */
function completed(events) {
  const out = [];
  const open = new Map();
  for (const e of [...events].sort((a, b) => a.ts - b.ts)) {
    if (e.ph === 'X') out.push(e);
    else if (e.ph === 'B') {
      if (!open.has(e.tid)) open.set(e.tid, []);
      open.get(e.tid).push(e);
    } else if (e.ph === 'E') {
      const b = open.get(e.tid)?.pop();
      if (b) out.push({ ...b, ph: 'X', dur: e.ts - b.ts, tdur: b.tts !== undefined && e.tts !== undefined ? e.tts - b.tts : undefined });
    }
  }
  return out;
}

/** DUMP=1: each of the content script's calls, with the style recalcs and layouts inside it and who asked. */
function dump(outer, done) {
  for (const c of outer) {
    const inside = done.filter((e) => e.tid === c.tid && e.ts >= c.ts && e.ts + e.dur <= c.ts + c.dur && ['UpdateLayoutTree', 'Layout', 'HitTest'].includes(e.name));
    if (!inside.length && (c.tdur ?? c.dur) < 500) continue;
    console.log(`  call ${c.args?.data?.functionName || c.name} ${((c.tdur ?? c.dur) / 1000).toFixed(2)} ms cpu`);
    for (const e of inside) {
      const st = (e.args?.beginData?.stackTrace ?? e.args?.data?.stackTrace ?? []).slice(0, 4).map((f) => f.functionName || '?').join('<');
      console.log(`    ${e.name} ${((e.tdur ?? e.dur) / 1000).toFixed(2)} ms ${e.args?.elementCount ?? e.args?.beginData?.dirtyObjects ?? ''} ${st}`);
    }
  }
}

/** Blink's work asked for from inside the content script's calls: style and layout brought up to date (a no-op when clean), hit tests. */
const FORCED = ['Document::UpdateStyleAndLayout', 'HitTest'];

/**
 * The content script's calls in a trace (outermost FunctionCall/EvaluateScript of a chrome-extension:// script):
 * their thread CPU time, and the forced style/layout/hit-test events nested in them (count and CPU time).
 */
function inOurCalls(events) {
  const calls = events
    .filter((e) => e.ph === 'X' && (e.name === 'FunctionCall' || e.name === 'EvaluateScript') && /^chrome-extension:/.test(e.args?.data?.url ?? ''))
    .sort((a, b) => a.ts - b.ts);
  const outer = [];
  for (const c of calls) if (!outer.length || c.ts >= outer.at(-1).ts + outer.at(-1).dur || c.tid !== outer.at(-1).tid) outer.push(c);
  const out = { cpu: 0, forced: Object.fromEntries(FORCED.map((n) => [n, { n: 0, cpu: 0 }])) };
  for (const c of outer) out.cpu += (c.tdur ?? c.dur) / 1000;
  if (process.env.DUMP) dump(outer, completed(events));
  for (const e of completed(events)) {
    const f = out.forced[e.name];
    if (!f) continue;
    if (!outer.some((c) => c.tid === e.tid && e.ts >= c.ts && e.ts + e.dur <= c.ts + c.dur)) continue;
    f.n++;
    f.cpu += (e.tdur ?? e.dur) / 1000;
  }
  return out;
}

const server = await startServer();
const browsers = [];
try {
  for (const dir of BUILDS) browsers.push(await launchWithExtension({ extensionDir: dir }));
  for (const name of PAGES) {
    const sum = BUILDS.map(() => ({ ext: 0, totals: Object.fromEntries(WATCH.map((w) => [w, 0])), shown: 0, cpu: 0, forced: Object.fromEntries(FORCED.map((n) => [n, { n: 0, cpu: 0 }])) }));
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, b] of browsers.entries()) {
        const r = await profileKeystrokes(b.context, server, name);
        sum[i].ext += r.ext;
        sum[i].shown = r.shown;
        sum[i].cpu += r.traced.cpu;
        for (const n of FORCED) {
          sum[i].forced[n].n += r.traced.forced[n].n;
          sum[i].forced[n].cpu += r.traced.forced[n].cpu;
        }
        for (const w of WATCH) sum[i].totals[w] += r.totals[w];
      }
    }
    const keys = KEYS * ROUNDS;
    const per = (ms) => (ms / keys).toFixed(3);
    for (const [i, { ext, totals, shown, cpu, forced }] of sum.entries()) {
      const which = BUILDS.length > 1 ? ` [${BUILDS[i]}]` : '';
      const each = CASE === 'appear' ? 'new badge' : 'keystroke';
      console.log(`\n${name}${which} (CPU ${RATE === 1 ? 'unthrottled' : `throttled ${RATE}×`}, ${keys} ${each}s, ${shown} badges on screen): extension code ${per(ext)} ms per ${each}`);
      const f = FORCED.map((n) => `${n} ×${(forced[n].n / keys).toFixed(1)} ${per(forced[n].cpu)} ms`).join(', ');
      const unit = CASE === 'appear' ? 'badge' : 'key';
      console.log(`  traced, thread CPU time of the content script's calls: ${per(cpu)} ms/${unit}; forced inside them per ${unit}: ${f}`);
      for (const w of WATCH) if (totals[w] > 0) console.log(`  ${w.padEnd(22)} ${per(totals[w]).padStart(8)} ms/${unit}  ${((100 * totals[w]) / ext).toFixed(1).padStart(5)} %`);
    }
    if (BUILDS.length > 1) {
      const ratio = (w) => (sum[0].totals[w] ? (sum.at(-1).totals[w] / sum[0].totals[w]).toFixed(2) : '—');
      console.log(`  last build / first: all extension code ${(sum.at(-1).ext / sum[0].ext).toFixed(2)}, placeAll ${ratio('placeAll')}, render ${ratio('render')}, scan ${ratio('scan')}; traced thread CPU ${(sum.at(-1).cpu / sum[0].cpu).toFixed(2)}, forced style and layout CPU ${(sum.at(-1).forced[FORCED[0]].cpu / sum[0].forced[FORCED[0]].cpu).toFixed(2)}`);
    }
  }
} finally {
  for (const b of browsers) await b.close();
  await server.close();
}
