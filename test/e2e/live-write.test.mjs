// The native writing path (lib/page/write.ts) in every backend page, driven by the 'apply-fix' message the
// popup and the one-click correction send: the editor takes the value as typing (its saved output changes, the
// <p> wrapper stays), the live check follows (a badge appears for a wrong value), and writing the original value
// back makes the saved output byte-identical to the start.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import {
  CELLS, openCmsPage, PAGES, savedOutput, tableGrid, VALUES, waitForTables, withoutTypingStyles,
} from './harness.mjs';
import { savedReport, startSession } from './fixture.mjs';
import { overlayOf } from './overlay-root.mjs';

let server, browser, worker, session;
before(async () => ({ server, browser, worker } = session = await startSession()));
after(() => session?.close());

/** Send a request to the content script of the page's top frame, as the popup does. */
async function ask(page, msg) {
  await page.bringToFront();
  return worker.evaluate(async (m) => {
    const tabId = Math.max(...(await chrome.tabs.query({})).map((t) => t.id));
    return chrome.tabs.sendMessage(tabId, m, { frameId: 0 });
  }, msg);
}

/** A cell of the saved output: its markup (HTML editors) or its form field's value. */
function savedCell(saved, id) {
  if (!saved.trimStart().startsWith('<')) {
    const params = new URLSearchParams(saved);
    return [...params.values()][Object.keys(CELLS).indexOf(id)] ?? null;
  }
  const { document } = parseHTML(`<!doctype html><html><body>${saved}</body></html>`);
  const { table, row, col } = CELLS[id];
  return tableGrid(document.querySelectorAll('table')[table])[row][col].innerHTML;
}

const badge = (page, cell) =>
  overlayOf(page).evaluate((root, c) => !!root?.querySelector(`button[data-cell="${c}"]`), cell);

describe('apply-fix writes like a person', () => {
  for (const def of PAGES) {
    test(`${def.name} (${def.editor})`, async () => {
      const page = await openCmsPage(browser.context, server, def);
      await waitForTables(page, 1);
      const id = 'apply.granted.commercial';
      const before = await savedOutput(page);
      const cellBefore = savedCell(before, id);

      const r = await ask(page, { type: 'apply-fix', cell: id, value: 4 });
      assert.deepEqual(r, { ok: true, written: [id] });
      await page.waitForTimeout(300);
      const after = await savedOutput(page);
      const cellAfter = savedCell(after, id);
      assert.ok(after !== before, 'the editor saw the change');
      if (cellBefore?.includes('<p')) {
        assert.equal(cellAfter, cellBefore.replace(`>${VALUES[id]}<`, '>4<'), 'only the number changed, the <p> wrapper stayed');
      }
      // Not typed by the user: the finding shows without the typing pause… after the caret leaves, at the latest.
      await overlayOf(page).waitFor((root, c) => !!root?.querySelector(`button[data-cell="${c}"]`), id, { timeout: 3000 });

      const back = await ask(page, { type: 'apply-fix', cell: id, value: Number(VALUES[id]) });
      assert.equal(back.ok, true);
      await page.waitForTimeout(300);
      assert.equal(await savedOutput(page), before, 'writing the old value back restores the saved output exactly');
      assert.equal(await badge(page, id), false);

      const missing = await ask(page, { type: 'apply-fix', cell: 'apply.nonexistent', value: 1 });
      assert.equal(missing.ok, false);
      assert.match(missing.message, /找不到/);
      assert.deepEqual(page.pageErrors.map(String), []);
      await page.close();
    });
  }
});

describe("last year's figures beside the cells", () => {
  test('kindeditor: reference tags from the saved prior year, shown above the focused cell, nothing written', async () => {
    const { PRIOR_2022, cellAt } = await import('./harness.mjs');
    const BODY = '滨江区人民政府办公室';
    await session.storage.set(savedReport({ body: BODY, year: 2022, values: PRIOR_2022 }));
    try {
      const page = await openCmsPage(browser.context, server, 'kindeditor');
      const before = await savedOutput(page);
      const ov = overlayOf(page);
      await ov.waitFor((root) => root?.querySelectorAll('[data-ref-cell]').length === 9, null, { timeout: 5000 });
      const tags = await ov.evaluate((root) =>
        Object.fromEntries([...root.querySelectorAll('[data-ref-cell]')].map((t) => {
          const r = t.getBoundingClientRect();
          return [t.dataset.refCell, { text: t.textContent, right: r.right, bottom: r.bottom, hidden: t.hidden }];
        })),
      );
      assert.equal(tags['active.normative.inForce'].text, '上年 24');
      assert.equal(tags['apply.carried.total'].text, '上年 3');
      assert.ok(Object.values(tags).every((t) => t.hidden), 'tags show only beside the cell holding the caret');
      const { handle } = await cellAt(page, 'active.normative.inForce');
      await handle.evaluate((td) => td.scrollIntoView({ block: 'center' }));
      await handle.click();
      const sel = '[data-ref-cell="active.normative.inForce"]';
      await ov.waitFor((root, s) => !root.querySelector(s).hidden, sel, { timeout: 3000 });
      const box = await handle.boundingBox();
      const tag = await ov.evaluate((root, s) => root.querySelector(s).getBoundingClientRect().toJSON(), sel);
      assert.ok(Math.abs(tag.right - (box.x + box.width)) <= 2 && tag.bottom <= box.y + 1, `tag ${JSON.stringify(tag)} right-aligned above its cell ${JSON.stringify(box)}`);
      await page.mouse.click(5, 5);
      assert.equal(await savedOutput(page), before);
      await page.close();
    } finally {
      await worker.evaluate(() => chrome.storage.local.clear());
    }
  });
});

describe('one-click correction 改为 N in the badge', () => {
  // KindEditor records only changes of 50+ characters by itself (minChangeSize); its undo step for the correction
  // comes from the page-world undo hook and is checked in undo-step.test.mjs (with CKEditor 4, TinyMCE, nested).
  for (const [name, undo] of [['kindeditor', false], ['ckeditor5', true], ['ueditor-style', true]]) {
    test(`${name}: fixes the table${undo ? '; undo (Ctrl+Z) brings the typo back' : ''}`, async () => {
      const { typeInCell } = await import('./harness.mjs');
      const page = await openCmsPage(browser.context, server, name);
      await waitForTables(page, 1);
      const original = await savedOutput(page);
      const id = 'apply.new.natural';
      await typeInCell(page, id, '45');
      const badgeSel = `button[data-cell="${id}"]`;
      const ov = overlayOf(page);
      await ov.locator(badgeSel).waitFor({ timeout: 4000 });
      const typo = await savedOutput(page);
      // mid-window, so the tooltip fits below the cell (UEditor's autoHeight scrolls the page, not the frame)
      await (await (await import('./harness.mjs')).cellAt(page, id)).handle.evaluate((td) => td.scrollIntoView({ block: 'center' }));
      await page.waitForTimeout(100);
      await ov.locator(badgeSel).hover();
      const fix = ov.locator(`${badgeSel} + [role=tooltip] button`);
      assert.equal(await fix.textContent(), `改为 ${VALUES[id]}`);
      await fix.click();
      await ov.locator(badgeSel).waitFor({ state: 'detached', timeout: 3000 });
      assert.equal(withoutTypingStyles(await savedOutput(page)), withoutTypingStyles(original), 'the correction restores the table exactly (typing in UEditor adds word-break to the cell)');
      if (undo) {
        await page.keyboard.press('Control+Z');
        await ov.locator(badgeSel).waitFor({ timeout: 4000 });
        assert.equal(await savedOutput(page), typo, 'one undo step brings the typo back');
      }
      await page.close();
    });
  }
});
