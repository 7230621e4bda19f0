// The input-grid form (one <input> per cell) keeps the browser's own undo exactly as without the extension:
// a seeded random sequence of typing, Backspace, Ctrl+A, moving between cells, pauses long enough for badges to
// appear and refill, and Ctrl+Z gives the same field values after every step with and without the extension.
// (Chromium ends the current native undo step when a node is removed from the document between keystrokes;
// the overlay therefore refills its badges in place.) GRID_UNDO_SEED replays a printed seed; GRID_UNDO_STEPS
// sets the length (at least 500).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cellAt, openCmsPage, savedOutput, waitForTables } from './harness.mjs';
import { tsImport } from 'tsx/esm/api';
import { startSession } from './fixture.mjs';
import { overlayOf } from './overlay-root.mjs';

// the project's one seeded generator (mulberry32): the same sequence in both runs
const { seeded } = await tsImport('../locate/generate.ts', import.meta.url);

const SEED = Number(process.env.GRID_UNDO_SEED ?? Math.floor(Math.random() * 2 ** 31));
const STEPS = Math.max(500, Number(process.env.GRID_UNDO_STEPS ?? 500));
const PAUSE = 800; // lib/page/live.ts: a new badge shows after this pause
const CELLS = ['apply.new.natural', 'apply.granted.commercial', 'apply.new.total'];

/** The steps, decided once from the seed. */
function plan(seed, n) {
  const r = seeded(seed);
  const steps = [];
  for (let i = 0; i < n; i++) {
    const x = r();
    const wait = Math.floor(r() * 120);
    if (x < 0.45) steps.push({ key: String(Math.floor(r() * 10)), wait });
    else if (x < 0.53) steps.push({ key: 'Backspace', wait });
    else if (x < 0.78) steps.push({ key: 'Control+Z', wait });
    else if (x < 0.82) steps.push({ key: 'Control+A', wait });
    else if (x < 0.88) steps.push({ cell: CELLS[Math.floor(r() * CELLS.length)], wait });
    else if (x < 0.93) steps.push({ key: String(Math.floor(r() * 10)), wait: PAUSE + 150 });
    else steps.push({ key: 'Control+Z', wait: PAUSE + 150 });
  }
  return steps;
}

const STEPS_PLANNED = plan(SEED, STEPS);

/** Run the steps on the form page; returns the saved output after every step. */
async function run(context, server) {
  const page = await openCmsPage(context, server, 'form');
  const focus = async (id) => {
    const { handle } = await cellAt(page, id);
    await (await handle.$('input')).focus();
    await page.keyboard.press('End');
  };
  await focus(CELLS[0]);
  const outputs = [];
  let badges = 0;
  for (const s of STEPS_PLANNED) {
    if (s.cell) await focus(s.cell);
    else await page.keyboard.press(s.key);
    if (s.wait) await page.waitForTimeout(s.wait);
    outputs.push(await savedOutput(page));
    if (s.wait > PAUSE) {
      badges += await overlayOf(page).evaluate((root) => root?.querySelectorAll('button[data-cell]').length ?? 0);
    }
  }
  const errors = page.pageErrors.map(String);
  await page.close();
  return { outputs, errors, badges };
}

// The run without the extension goes on in its own browser while the run with it is driven here.
let server, browser, session;
before(async () => ({ server, browser } = session = await startSession({ plainAlongside: run })));
after(() => session?.close());

test(`input grid: native undo identical with and without the extension, ${STEPS} steps, seed ${SEED}`, { timeout: 600_000 }, async (t) => {
  console.log(`grid undo: seed ${SEED} (GRID_UNDO_SEED=${SEED} replays it), ${STEPS} steps`);
  const page = await openCmsPage(browser.context, server, 'form');
  await waitForTables(page, 1); // the extension is running on this page
  await page.close();
  const withExt = await run(browser.context, server);
  const without = await session.alongside;
  const undos = STEPS_PLANNED.filter((s) => s.key === 'Control+Z').length;
  const badgeShown = STEPS_PLANNED.filter((s) => s.wait > PAUSE).length;
  t.diagnostic(`${undos} Ctrl+Z, ${badgeShown} pauses past the badge delay`);
  const first = withExt.outputs.findIndex((o, i) => o !== without.outputs[i]);
  assert.equal(
    first,
    -1,
    first < 0 ? '' : `step ${first} (${JSON.stringify(STEPS_PLANNED[first])}) differs, seed ${SEED}: steps before: ${JSON.stringify(STEPS_PLANNED.slice(Math.max(0, first - 6), first))}`,
  );
  assert.equal(new Set(without.outputs).size > 20, true, 'the sequence really changed the fields');
  assert.ok(withExt.badges > 0, 'badges were shown and refilled during the sequence');
  t.diagnostic(`${withExt.badges} badges seen at the long pauses`);
  assert.deepEqual(withExt.errors, []);
});
