// Live checking in every backend page, in real Chromium with the built extension:
//  - a wrong number typed into a cell gets a badge with that cell's id after the pause (not while typing),
//    and correcting it removes the badge at once;
//  - badges stay centred within 4 px of their cell's top-right corner, off the cell's text, when the editor iframe (or the page) scrolls;
//  - after the editor replaces its content (setContent), checking continues on the new table;
//  - the editor's saved output is byte-identical after the same typing with and without the extension.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  cellAt, openCmsPage, PAGES, reportHtml, savedOutput, setContent, typeInCell, VALUES, waitForTables,
} from './harness.mjs';
import { inTurn, startSession } from './fixture.mjs';
import { overlayOf } from './overlay-root.mjs';

const PAUSE = 800; // lib/page/live.ts default

/** Badges in the overlay's closed shadow root (reached over CDP), with their position in the top viewport. */
function badges(page) {
  return overlayOf(page).evaluate((root) =>
    [...(root?.querySelectorAll('button[data-cell]') ?? [])].map((b) => {
      const r = b.getBoundingClientRect();
      return { cell: b.dataset.cell, severity: b.dataset.severity, hidden: b.hidden, left: r.left, top: r.top, right: r.right, bottom: r.bottom, text: b.textContent };
    }),
  );
}

function waitForBadge(page, cell, present = true, timeout = 4000) {
  return overlayOf(page).waitFor(
    (root, [c, want]) => {
      const b = root?.querySelector(`button[data-cell="${c}"]`);
      return want ? !!b && !b.hidden : !b;
    },
    [cell, present],
    { timeout, what: `badge ${cell} ${present ? 'shown' : 'gone'}` },
  );
}

/** From now on, the frame holding the cell records when a key was last pressed in it (page clock, ms since epoch). */
async function recordLastKey(page, id) {
  const { frame } = await cellAt(page, id);
  await frame.evaluate(() => {
    window.__lastKeyAt = null;
    if (window.__keysRecorded) return;
    window.__keysRecorded = true;
    document.addEventListener('keydown', () => (window.__lastKeyAt = performance.timeOrigin + performance.now()), true);
  });
}
const lastKeyAt = async (page, id) => (await cellAt(page, id)).frame.evaluate(() => window.__lastKeyAt);

/** From now on, the overlay records when the cell's badge first shows (page clock, ms since epoch). */
async function recordBadgeShown(page, cell) {
  await overlayOf(page).waitFor((root) => !!root, null, { timeout: 4000, what: 'the overlay' });
  return overlayOf(page).evaluate((root, c) => {
    window.__badgeShownAt = null;
    const seen = () => {
      const b = root.querySelector(`button[data-cell="${c}"]`);
      if (b && !b.hidden && window.__badgeShownAt === null) window.__badgeShownAt = performance.timeOrigin + performance.now();
    };
    new MutationObserver(seen).observe(root, { subtree: true, childList: true, attributes: true });
    return true;
  }, cell);
}
const badgeShownAt = (page) => page.evaluate(() => window.__badgeShownAt);

/**
 * The cell's border box in the top viewport (Playwright adds the offsets of the enclosing frames);
 * in an <input> grid the cell is the <input>.
 */
async function cellBox(page, id) {
  const { handle } = await cellAt(page, id);
  return ((await handle.$('input')) ?? handle).boundingBox();
}

async function assertBadgeAtCell(page, id, what) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const box = await cellBox(page, id);
  const b = (await badges(page)).find((x) => x.cell === id);
  assert.ok(b && !b.hidden, `${what}: badge for ${id} visible`);
  // centred on the cell's top-right corner, straddling its border
  const dRight = Math.abs((b.left + b.right) / 2 - (box.x + box.width));
  const dTop = Math.abs((b.top + b.bottom) / 2 - box.y);
  assert.ok(dRight <= 4 && dTop <= 4, `${what}: badge ${JSON.stringify(b)} vs cell ${JSON.stringify(box)} (Δright ${dRight}, Δtop ${dTop})`);
  // and never over the cell's own text (the digits being typed)
  const { handle } = await cellAt(page, id);
  const text = await handle.evaluate((td) => {
    if (td.querySelector('input')) return null;
    const c = td.getBoundingClientRect();
    const out = [];
    const walker = td.ownerDocument.createTreeWalker(td, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.nodeValue.trim()) continue;
      const range = td.ownerDocument.createRange();
      range.selectNodeContents(n);
      for (const r of range.getClientRects()) if (r.width >= 1) out.push({ left: r.left - c.left, top: r.top - c.top, right: r.right - c.left, bottom: r.bottom - c.top });
    }
    return out;
  });
  for (const r of text ?? []) {
    const overlaps = b.left < box.x + r.right && b.right > box.x + r.left && b.top < box.y + r.bottom && b.bottom > box.y + r.top;
    assert.ok(!overlaps, `${what}: badge ${JSON.stringify(b)} covers the text of ${id} at ${JSON.stringify(r)} in cell ${JSON.stringify(box)}`);
  }
}

/** Scroll whatever holds the editor: the editor iframe's document, else the editable's scroll parent, else the page. */
async function scrollEditor(page, dy) {
  const { frame, handle } = await cellAt(page, 'apply.new.natural');
  if (frame !== page.mainFrame()) {
    await frame.evaluate((d) => document.scrollingElement.scrollBy(0, d), dy);
    return 'editor iframe';
  }
  return handle.evaluate((td, d) => {
    for (let el = td.parentElement; el; el = el.parentElement) {
      const s = getComputedStyle(el);
      if (/(auto|scroll)/.test(s.overflowY) && el.scrollHeight > el.clientHeight + 10) {
        el.scrollTop += d;
        return 'editor container';
      }
    }
    window.scrollBy(0, d);
    return 'page';
  }, dy);
}

// The typing sequence used for the byte-identity check (same with and without the extension).
async function typingSequence(page) {
  await typeInCell(page, 'apply.new.natural', '45');
  await page.waitForTimeout(PAUSE + 300);
  await typeInCell(page, 'apply.new.natural', VALUES['apply.new.natural']);
  await typeInCell(page, 'apply.granted.commercial', '4');
  await page.waitForTimeout(PAUSE + 300);
  await typeInCell(page, 'apply.granted.commercial', VALUES['apply.granted.commercial']);
  await page.waitForTimeout(300);
}

// The baselines without the extension are typed in a second browser while the tests run in this one.
let server, withExt, session, savedWithout;

before(async () => ({ server, browser: withExt } = session = await startSession({
  plainAlongside: (context, server) => {
    savedWithout = inTurn(PAGES, (def) => def.name, async (def) => {
      const page = await openCmsPage(context, server, def);
      await typingSequence(page);
      const saved = await savedOutput(page);
      await page.close();
      return saved;
    });
    return Promise.all(savedWithout.values());
  },
})));

after(() => session?.close());

describe('live checking with the extension loaded', () => {
  for (const def of PAGES) {
    test(`${def.name} (${def.editor}): badge after the pause, cleared at once, follows scroll, survives setContent`, async (t) => {
      const page = await openCmsPage(withExt.context, server, def);
      await waitForTables(page, 1);
      assert.deepEqual(await badges(page), [], 'a consistent report has no badge');

      // Wrong number: not while typing, then after the pause — timed on the page's clock, from the last
      // key to the badge's appearance (a busy machine delays the test's own view of both).
      await recordLastKey(page, 'apply.new.natural');
      await recordBadgeShown(page, 'apply.new.natural');
      await typeInCell(page, 'apply.new.natural', '45');
      assert.equal((await badges(page)).length, 0, 'no badge while typing');
      await waitForBadge(page, 'apply.new.natural');
      const shownAfter = Math.round((await badgeShownAt(page)) - (await lastKeyAt(page, 'apply.new.natural')));
      assert.ok(shownAfter >= PAUSE - 150, `badge appeared after ${shownAfter} ms, before the pause`);
      const b = (await badges(page)).find((x) => x.cell === 'apply.new.natural');
      assert.equal(b.severity, 'error');
      await assertBadgeAtCell(page, 'apply.new.natural', 'initial');

      // Scrolling the editor keeps the badge on its cell.
      const { handle } = await cellAt(page, 'apply.new.natural');
      await handle.evaluate((td) => td.scrollIntoView({ block: 'center' }));
      for (const dy of [40, -70]) {
        const where = await scrollEditor(page, dy);
        await assertBadgeAtCell(page, 'apply.new.natural', `after scrolling the ${where} by ${dy}px`);
      }

      // Correcting clears at once (well before the pause).
      await typeInCell(page, 'apply.new.natural', VALUES['apply.new.natural']);
      const fixedAt = Date.now();
      await waitForBadge(page, 'apply.new.natural', false, PAUSE);
      t.diagnostic(`badge shown ${shownAfter} ms after typing; cleared ${Date.now() - fixedAt} ms after correcting`);

      // The editor replaces its content: the new table is checked.
      await setContent(page, reportHtml());
      await page.waitForTimeout(300);
      await waitForTables(page, 1);
      await typeInCell(page, 'apply.granted.commercial', '4');
      await waitForBadge(page, 'apply.granted.commercial');
      await typeInCell(page, 'apply.granted.commercial', VALUES['apply.granted.commercial']);
      await waitForBadge(page, 'apply.granted.commercial', false, PAUSE);
      assert.deepEqual(page.pageErrors.map(String), []);
      await page.close();
    });

    test(`${def.name}: saved output is byte-identical after the same typing with and without the extension`, async () => {
      const page = await openCmsPage(withExt.context, server, def);
      await waitForTables(page, 1);
      await typingSequence(page);
      assert.equal(await savedOutput(page), await savedWithout.get(def.name));
      await page.close();
    });
  }
});
