// The overlay never hides the editor (issue 12 item 5), in the UEditor-style page (toolbar floating at the
// window top when the page scrolls, autoHeight) and KindEditor (29 px cells): badges never over the floating
// toolbar (a real click there reaches the toolbar), a problem hidden so is counted at the editor's edge with a
// jump to it, tooltips never over their cell (also near the bottom edge), last year's tags never over digits.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cellAt, openCmsPage, PRIOR_2022, reportHtml, setContent, typeInCell, VALUES, waitForTables } from './harness.mjs';
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

describe('menus and dialogs that open without a scroll hide what they cover at once', () => {
  const NCELL = 'apply.new.total';
  const wrongNarrative = () => {
    const html = reportHtml();
    assert.ok(html.includes('本机关共收到政府信息公开申请50件'));
    return html.replace('本机关共收到政府信息公开申请50件', '本机关共收到政府信息公开申请60件');
  };

  /**
   * Opens KindEditor's link dialog (its modal mask covers the page) with a real click and closes it, while the
   * page records every frame: is the dialog up, is the badge `sel` drawn, how many sentence line boxes are drawn.
   * Returns the frames from the dialog's opening to the badge hidden, and from its closing to the badge back.
   */
  async function dialogRoundTrip(page, sel) {
    const ov = overlayOf(page);
    await ov.locator(sel).waitFor({ timeout: 5000 });
    await ov.evaluate((root, s) => {
      const frames = (window.__frames = []);
      window.__stop = false;
      const tick = () => {
        const d = document.querySelector('.ke-dialog');
        const b = root.querySelector(s);
        frames.push({ dialog: !!d && d.getBoundingClientRect().width > 0, badge: !!b && !b.hidden, lines: root.querySelectorAll('.m:not([hidden])').length });
        if (!window.__stop) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    }, sel);
    const framesAfter = (up) => page.waitForFunction((u) => {
      const i = window.__frames.findLastIndex((f) => f.dialog !== u);
      const j = window.__frames.findIndex((f, k) => k > i && f.dialog === u);
      return j >= 0 && window.__frames.length > j + 6;
    }, up, { timeout: 8000 });
    await page.click('.ke-toolbar [data-name="link"]');
    await framesAfter(true);
    await page.click('.ke-dialog .ke-dialog-icon-close');
    await framesAfter(false);
    const frames = await page.evaluate(() => ((window.__stop = true), window.__frames));
    const opened = frames.findIndex((f) => f.dialog);
    const closed = frames.findIndex((f, k) => k > opened && !f.dialog);
    const hiddenAt = frames.findIndex((f, k) => k >= opened && !f.badge);
    const backAt = frames.findIndex((f, k) => k >= closed && f.badge);
    assert.ok(opened > 0 && frames[opened - 1].badge, `the badge was drawn before the dialog: ${JSON.stringify(frames.slice(0, opened + 1))}`);
    assert.ok(hiddenAt >= 0 && hiddenAt < closed, `hidden while the dialog is up: ${JSON.stringify(frames.slice(opened - 1))}`);
    assert.ok(frames.slice(hiddenAt, closed).every((f) => !f.badge), 'and stays hidden until it closes');
    assert.ok(backAt >= 0, `drawn again once it closed: ${JSON.stringify(frames.slice(closed - 1))}`);
    return { hide: hiddenAt - opened, back: backAt - closed, frames: frames.slice(opened - 1, backAt + 1), linesUnderDialog: frames.slice(hiddenAt, closed).map((f) => f.lines) };
  }

  test('nested frames: a panel a page script lays over the badge inside the outer frame (no scroll, not the top document) hides it at the next read', async () => {
    const page = await openCmsPage(browser.context, server, 'nested');
    try {
      await waitForTables(page, 1);
      await typeInCell(page, ID, '99', { delay: 0 });
      const sel = `button[data-cell="${ID}"]:not([data-kind])`;
      await overlayOf(page).waitFor((root, s) => !!root?.querySelector(`${s}:not([hidden])`), sel, { timeout: 5000, polling: 20 });
      const b = await badgeBox(page, ID);
      assert.ok(b, 'the badge is drawn');
      // The document page (frame "main", between the top page and the editor's frame) lays a panel over it.
      const main = page.frame({ name: 'main' });
      await main.evaluate((at) => {
        const o = window.frameElement.getBoundingClientRect();
        const p = document.createElement('div');
        p.id = 'panel';
        p.style.cssText = `position:fixed;z-index:9;background:#fff;border:1px solid #999;left:${at.left - o.left - 20}px;top:${at.top - o.top - 20}px;width:80px;height:60px`;
        document.body.append(p);
      }, b);
      await overlayOf(page).waitFor((root, s) => !!root?.querySelector(`${s}[hidden]`), sel, { timeout: 3000, polling: 20 });
      await main.evaluate(() => document.getElementById('panel').remove());
      await overlayOf(page).waitFor((root, s) => !!root?.querySelector(`${s}:not([hidden])`), sel, { timeout: 3000, polling: 20 });
      assert.deepEqual(page.pageErrors.map(String), []);
    } finally {
      await page.close();
    }
  });

  test('KindEditor: its link dialog hides the sentence mark and the cell badge within two frames; closing it brings them back', async (t) => {
    const page = await openCmsPage(browser.context, server, 'kindeditor');
    try {
      await waitForTables(page, 1);
      await setContent(page, wrongNarrative());
      // The sentence's mark (at the top of the article).
      const mark = await dialogRoundTrip(page, `button[data-kind="sentence"][data-cell="${NCELL}"]`);
      t.diagnostic(`sentence mark: hidden ${mark.hide} frame(s) after the dialog opened, back ${mark.back} after it closed`);
      assert.ok(mark.hide <= 2 && mark.back <= 2, `the mark follows the dialog at once: ${JSON.stringify(mark.frames)}`);
      assert.ok(mark.linesUnderDialog.every((n) => n === 0), `its line boxes are hidden under the dialog too: ${mark.linesUnderDialog}`);
      // The cell's badge (scrolled into the middle of the editor).
      await (await cellAt(page, NCELL)).handle.evaluate((td) => td.scrollIntoView({ block: 'center' }));
      const cell = await dialogRoundTrip(page, `button[data-cell="${NCELL}"]:not([data-kind])`);
      t.diagnostic(`cell badge: hidden ${cell.hide} frame(s) after the dialog opened, back ${cell.back} after it closed`);
      assert.ok(cell.hide <= 2 && cell.back <= 2, `the badge follows the dialog at once: ${JSON.stringify(cell.frames)}`);
      assert.deepEqual(page.pageErrors.map(String), []);
    } finally {
      await page.close();
    }
  });
});
