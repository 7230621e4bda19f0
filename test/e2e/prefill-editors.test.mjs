// 从上年数据预填 in real editors, driven through the popup (popup.html?tabId=N) against the content script:
// last year (2022) is in browser.storage.local; this year's 二、上年结转 row is blank except one cell the user
// typed. The plan lists exactly the empty cells; after 确认预填 the editor's own saved output holds last year's
// 结转下年度 in those cells and the typed cell is unchanged; 撤销预填 makes the saved output byte-identical.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import {
  CELLS, cellAt, openCmsPage, PRIOR_2022, reportHtml, savedOutput, setContent, tableGrid, typeInCell, waitForTables,
} from './harness.mjs';
import { savedReport, startSession } from './fixture.mjs';

const BODY = '滨江区人民政府办公室';
const COLS = ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'otherOrg', 'total'];
const CARRIED = COLS.map((c) => `apply.carried.${c}`);
const TYPED = { cell: 'apply.carried.natural', text: '5' };

let server, browser, worker, session;
before(async () => ({ server, browser, worker } = session = await startSession()));
after(() => session?.close());

/** The report as a Word template pasted into the editor: the 上年结转 row's cells hold only &nbsp;. */
function reportWithBlankCarried() {
  const { document } = parseHTML(`<!doctype html><html><body>${reportHtml()}</body></html>`);
  const tables = document.querySelectorAll('table');
  for (const id of CARRIED) {
    const { table, row, col } = CELLS[id];
    const td = tableGrid(tables[table])[row][col];
    const block = td.querySelector('p') ?? td;
    block.innerHTML = '&nbsp;';
  }
  return document.body.innerHTML;
}

/** The cell's text in the editor's SAVED output (HTML editors), or its form field (the <input> grid). */
async function savedCell(page, saved, id) {
  const { handle } = await cellAt(page, id);
  const name = await handle.evaluate((td) => td.querySelector('input')?.name ?? null);
  if (name) return new URLSearchParams(saved).get(name);
  const { document } = parseHTML(`<!doctype html><html><body>${saved}</body></html>`);
  const { table, row, col } = CELLS[id];
  return tableGrid(document.querySelectorAll('table')[table])[row][col].textContent.replace(/\u00a0/g, ' ').trim();
}

async function blankCarriedRow(page, name) {
  if (name !== 'form') {
    await setContent(page, reportWithBlankCarried());
    return;
  }
  for (const id of CARRIED) {
    const input = await (await cellAt(page, id)).handle.$('input');
    await input.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
  }
}

async function openPopup(page) {
  // Without the "tabs" permission tab URLs are hidden: the CMS page is the tab opened last.
  await page.bringToFront();
  const tabId = await worker.evaluate(async () => Math.max(...(await chrome.tabs.query({})).map((t) => t.id)));
  assert.ok(tabId, 'tab id of the CMS page');
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`);
  return popup;
}

describe('从上年数据预填 through the popup', () => {
  for (const name of ['kindeditor', 'ckeditor4', 'tinymce', 'ckeditor5', 'form']) {
    test(name, async () => {
      await worker.evaluate(() => chrome.storage.local.clear());
      await session.storage.set(savedReport({ body: BODY, year: 2022, values: PRIOR_2022 }));

      const page = await openCmsPage(browser.context, server, name);
      await waitForTables(page, 1);
      await blankCarriedRow(page, name);
      await typeInCell(page, TYPED.cell, TYPED.text);
      await page.waitForTimeout(1200); // the content script re-reads after the typing pause
      const before = await savedOutput(page);
      assert.equal(await savedCell(page, before, 'apply.carried.total'), '', 'the 上年结转 row starts blank');

      const popup = await openPopup(page);
      await popup.getByRole('button', { name: '从上年数据预填' }).waitFor();
      // the <input> form has no title: the page does not say its year, the user types it in the popup
      const yearBox = popup.getByLabel('本报告年度');
      if (await yearBox.count()) await yearBox.fill('2023');
      await popup.getByRole('button', { name: '从上年数据预填' }).click();
      const plan = popup.locator('section[aria-label="预填计划"] li[data-cell]');
      await popup.locator('section[aria-label="预填计划"], [role="alert"]').first().waitFor();
      const alerts = popup.locator('[role="alert"]');
      // (the alert's text is read only when there is one: a locator's textContent() waits 30 s for it)
      if (await alerts.count()) assert.fail(`the popup answered with an alert: ${await alerts.first().textContent()}`);
      const planned = await plan.evaluateAll((lis) => lis.map((li) => [li.dataset.cell, li.querySelector('b').textContent]));
      const expected = CARRIED.filter((id) => id !== TYPED.cell).map((id) => [id, String(PRIOR_2022[id.replace('carried', 'carryForward')])]);
      assert.deepEqual(planned, expected, 'the plan lists exactly the empty cells with last year\'s 结转下年度');

      await page.bringToFront(); // as with a real toolbar popup, the CMS tab stays the focused one
      await popup.getByRole('button', { name: '确认预填' }).click();
      await popup.getByText(`已预填 ${expected.length} 个单元格`, { exact: false }).waitFor();
      const filled = await savedOutput(page);
      for (const [id, value] of expected) assert.equal(await savedCell(page, filled, id), value, `${id} in the saved output`);
      assert.equal(await savedCell(page, filled, TYPED.cell), TYPED.text, 'the typed cell is unchanged');

      await popup.getByRole('button', { name: '撤销预填' }).click();
      await popup.getByText('已撤销预填，表格恢复原样').waitFor();
      assert.equal(await savedOutput(page), before, 'saved output byte-identical after 撤销预填');
      assert.deepEqual(page.pageErrors.map(String), []);
      await popup.close();
      await page.close();
    });
  }
});
