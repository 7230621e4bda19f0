// The overlay never hides the editor (issue 12 item 5), in the UEditor-style page (toolbar floating at the
// window top when the page scrolls, autoHeight) and KindEditor (29 px cells): badges never over the floating
// toolbar (a real click there reaches the toolbar), a problem hidden so is counted at the editor's edge with a
// jump to it, tooltips never over their cell (also near the bottom edge), last year's tags never over digits.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cellAt, openCmsPage, PRIOR_2022, typeInCell, VALUES, waitForTables } from './harness.mjs';
import { savedReport, startSession } from './fixture.mjs';
import { overlayOf } from './overlay-root.mjs';

let server, browser, session;
before(async () => ({ server, browser } = session = await startSession()));
after(() => session?.close());

const ID = 'apply.new.natural';

const overlaps = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
const box = (b) => ({ left: b.x, top: b.y, right: b.x + b.width, bottom: b.y + b.height });

/** A badge's box in the top viewport, or null while it is hidden. */
const badgeBox = (page, cell) =>
  overlayOf(page).evaluate((root, c) => {
    const b = root?.querySelector(`button[data-cell="${c}"]:not([data-kind])`);
    return b && !b.hidden ? b.getBoundingClientRect().toJSON() : null;
  }, cell);

/** The text box of a cell's digits in the top viewport (Range.getBoundingClientRect plus the frame's offset). */
async function digitsBox(page, id) {
  const { handle, frame } = await cellAt(page, id);
  const inner = await handle.evaluate((td) => {
    const r = td.ownerDocument.createRange();
    r.selectNodeContents(td);
    return r.getBoundingClientRect().toJSON();
  });
  const fe = await frame.frameElement().catch(() => null);
  if (!fe || frame === page.mainFrame()) return inner;
  const o = await fe.evaluate((f) => {
    const r = f.getBoundingClientRect();
    return { x: r.left + f.clientLeft, y: r.top + f.clientTop };
  });
  return { left: inner.left + o.x, top: inner.top + o.y, right: inner.right + o.x, bottom: inner.bottom + o.y };
}

async function settle(page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.waitForTimeout(60);
}

/**
 * Scrolls until the cell's top sits `gap` px below the floating toolbar. The toolbar starts or stops floating in
 * the page's own scroll handler, so each step measures again after the page has settled.
 */
async function placeBelowToolbar(page, handle, gap) {
  for (let i = 0; i < 6; i++) {
    const cellTop = (await handle.boundingBox()).y;
    const barBottom = await page.evaluate(() => document.getElementById('edui1_toolbarbox').getBoundingClientRect().bottom);
    const dy = cellTop - barBottom - gap;
    if (Math.abs(dy) <= 2) return;
    await page.evaluate((d) => window.scrollBy(0, d), dy);
    await settle(page);
  }
  assert.fail('the cell could not be placed just below the floating toolbar');
}

describe('UEditor-style page: the overlay never hides the editor', () => {
  let page;
  before(async () => {
    page = await openCmsPage(browser.context, server, 'ueditor-style');
    await waitForTables(page, 1);
    await typeInCell(page, ID, '45');
    await overlayOf(page).waitFor((root, c) => !!root?.querySelector(`button[data-cell="${c}"]`), ID, { timeout: 5000 });
    assert.notEqual(String(VALUES[ID]), '45');
    await page.mouse.click(5, 5); // leave the cell
  });
  after(() => page?.close());

  test('a badged cell scrolled under the floating toolbar: no badge there, a real click reaches the toolbar, the problem is counted above with a jump', async () => {
    const { handle } = await cellAt(page, ID);
    await handle.evaluate((td) => td.scrollIntoView({ block: 'center' }));
    await settle(page);
    const shown = await badgeBox(page, ID);
    assert.ok(shown, 'the badge shows while its cell is in view');
    // Scroll so that the badge's spot sits in the middle of the floating toolbar.
    const bar = await page.evaluate(() => document.getElementById('edui1_toolbarbox').getBoundingClientRect().height);
    const spot = { x: shown.left + shown.width / 2, y: shown.top + shown.height / 2 };
    await page.evaluate((dy) => window.scrollBy(0, dy), spot.y - 12);
    await settle(page);
    const toolbar = await page.evaluate(() => {
      const t = document.getElementById('edui1_toolbarbox');
      return { position: getComputedStyle(t).position, box: t.getBoundingClientRect().toJSON() };
    });
    assert.equal(toolbar.position, 'fixed', 'the toolbar floats at the window top');
    const cell = box(await handle.boundingBox());
    assert.ok(cell.top < toolbar.box.bottom && cell.bottom > 0, `the cell's top is under the toolbar: ${JSON.stringify({ cell, toolbar: toolbar.box, bar })}`);
    assert.equal(await badgeBox(page, ID), null, 'no badge drawn over the toolbar');
    // A real mouse click at the badge's spot reaches the toolbar.
    await page.evaluate(() => {
      window.__clicks = [];
      document.getElementById('edui1_toolbarbox').addEventListener('click', (e) => window.__clicks.push(e.target.tagName), { once: true });
    });
    await page.mouse.click(spot.x, 12);
    assert.equal((await page.evaluate(() => window.__clicks)).length, 1, 'the click went to the toolbar');
    // The hidden problem is counted at the editor's edge, and the jump brings it back with its tooltip open.
    const count = overlayOf(page).locator('button[data-offscreen="above"]');
    await count.waitFor({ timeout: 3000 });
    assert.match(await count.textContent(), /^上方还有 1 个问题 ↑$/);
    await count.click();
    await overlayOf(page).waitFor((root, c) => {
      const b = root.querySelector(`button[data-cell="${c}"]`);
      return b && !b.hidden && root.activeElement === b;
    }, ID, { timeout: 3000 });
    const after = box(await handle.boundingBox());
    const bar2 = await page.evaluate(() => document.getElementById('edui1_toolbarbox').getBoundingClientRect().toJSON());
    assert.ok(after.top >= bar2.bottom && after.bottom <= (await page.evaluate(() => innerHeight)), `cell in view below the toolbar: ${JSON.stringify(after)}`);
    const tipShown = await overlayOf(page).evaluate((root, c) => getComputedStyle(root.querySelector(`button[data-cell="${c}"]`).nextElementSibling).display !== 'none', ID);
    assert.equal(tipShown, true, 'its tooltip is open');
    assert.equal(await count.isHidden(), true, 'nothing left to count');
  });

  for (const [where, block] of [['mid-window', 'center'], ['near the bottom edge', 'end'], ['near the top, just below the floating toolbar', 'start']]) {
    test(`tooltips never cover their cell (${where})`, async () => {
      const { handle } = await cellAt(page, ID);
      await handle.evaluate((td, b) => td.scrollIntoView({ block: b }), block);
      await settle(page);
      if (block === 'start') await placeBelowToolbar(page, handle, 20);
      await overlayOf(page).waitFor((root) => [...(root?.querySelectorAll('button[data-cell]:not([data-kind])') ?? [])].some((b) => !b.hidden), null, { timeout: 3000 });
      const badges = await overlayOf(page).evaluate((root) => [...root.querySelectorAll('button[data-cell]:not([data-kind])')].filter((b) => !b.hidden).map((b) => b.dataset.cell));
      const vh = await page.evaluate(() => innerHeight);
      for (const id of badges) {
        if (!Object.prototype.hasOwnProperty.call(VALUES, id)) continue;
        const b = overlayOf(page).locator(`button[data-cell="${id}"]:not([data-kind])`);
        await b.hover();
        const tip = await b.evaluate((x) => x.nextElementSibling.getBoundingClientRect().toJSON());
        const c = box(await (await cellAt(page, id)).handle.boundingBox());
        assert.ok(tip.height > 0, 'tooltip shown on hover');
        assert.equal(overlaps(tip, c), false, `${id}: tooltip ${JSON.stringify(tip)} over its cell ${JSON.stringify(c)}`);
        assert.ok(tip.top >= 0 && tip.bottom <= vh, `${id}: tooltip inside the window: ${JSON.stringify(tip)}`);
        await page.mouse.move(1, 1);
      }
    });
  }
});

describe("last year's figures never cover a cell's digits", () => {
  for (const name of ['kindeditor', 'ueditor-style']) {
    test(`${name}: the tag shows beside the focused cell only, never over its digits`, async () => {
      const BODY = '滨江区人民政府办公室';
      await session.storage.set(savedReport({ body: BODY, year: 2022, values: PRIOR_2022 }));
      const page = await openCmsPage(browser.context, server, name);
      try {
        const ov = overlayOf(page);
        await ov.waitFor((root) => root?.querySelectorAll('[data-ref-cell]').length === 9, null, { timeout: 8000 });
        const visible = () => ov.evaluate((root) => [...root.querySelectorAll('[data-ref-cell]')].filter((t) => !t.hidden).map((t) => t.dataset.refCell));
        assert.deepEqual(await visible(), [], 'no tag while no cell with one holds the caret');
        const id = 'active.normative.inForce';
        const { handle } = await cellAt(page, id);
        await handle.evaluate((td) => td.scrollIntoView({ block: 'center' }));
        await handle.click();
        await ov.waitFor((root, c) => !!root?.querySelector(`[data-ref-cell="${c}"]:not([hidden])`), id, { timeout: 3000 });
        const tag = await ov.evaluate((root, c) => root.querySelector(`[data-ref-cell="${c}"]`).getBoundingClientRect().toJSON(), id);
        const digits = await digitsBox(page, id);
        const cell = box(await handle.boundingBox());
        assert.ok(digits.right > digits.left, 'the cell has digits');
        assert.equal(overlaps(tag, digits), false, `tag ${JSON.stringify(tag)} over the digits ${JSON.stringify(digits)}`);
        assert.equal(overlaps(tag, cell), false, `tag ${JSON.stringify(tag)} inside its cell ${JSON.stringify(cell)}`);
        assert.ok(Math.abs(tag.right - cell.right) <= 2 && tag.bottom <= cell.top + 1, `tag right-aligned above its cell: ${JSON.stringify({ tag, cell })}`);
        assert.equal(await ov.evaluate((root, c) => root.querySelector(`[data-ref-cell="${c}"]`).textContent, id), '上年 24');
        await page.mouse.click(5, 5);
        await ov.waitFor((root) => [...root.querySelectorAll('[data-ref-cell]')].every((t) => t.hidden), null, { timeout: 3000 });
      } finally {
        await page.close();
        await session.storage.clear();
      }
    });
  }
});
