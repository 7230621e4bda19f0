// The one-click correction 改为 N is ONE step of the editor's own undo: type a wrong number, click the badge's
// 改为 N, the table is fixed; Ctrl+Z (the editor's own undo, focus in the editor) gives back exactly the saved
// output from before the fix. KindEditor records only changes of 50+ characters by itself and CKEditor 4 /
// TinyMCE keep their own stacks: there the page-world hook (entrypoints/page-hook.ts) asks the editor for a
// snapshot before and after the write. Pre-fill from last year is likewise one undo step.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import {
  CELLS, getServiceWorker, launchWithExtension, openCmsPage, PRIOR_2022, reportHtml, savedOutput, setContent,
  startServer, tableGrid, typeInCell, VALUES, waitForTables,
} from './harness.mjs';

let server, browser, worker;
before(async () => {
  server = await startServer();
  browser = await launchWithExtension();
  worker = await getServiceWorker(browser.context);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const badgeSel = (id) => `nianbao-overlay button[data-cell="${id}"]`;

/** Whether keyboard focus is inside the page's editor (its iframe's document, or its contenteditable root). */
const focusInEditor = (page) =>
  page.evaluate(() => {
    const root = window.__cms.editorRoot();
    const doc = root.ownerDocument;
    return doc === document ? root.contains(document.activeElement) : doc.hasFocus() && doc.activeElement === root;
  });

/** Click 改为 N in the badge of cell `id`; resolves when the badge is gone. */
async function clickFix(page, id) {
  await page.locator(badgeSel(id)).hover();
  const fix = page.locator(`${badgeSel(id)} + [role=tooltip] button`);
  assert.equal(await fix.textContent(), `改为 ${VALUES[id]}`);
  await fix.click();
  await page.locator(badgeSel(id)).waitFor({ state: 'detached', timeout: 3000 });
}

/** Nothing of the hook stays in any document: no <script> of the extension left behind. */
const leftoverScripts = (page) =>
  page.evaluate(() => {
    const docs = [];
    (function walk(d) {
      docs.push(d);
      for (const f of d.querySelectorAll('iframe')) {
        try {
          if (f.contentDocument) walk(f.contentDocument);
        } catch { /* cross-origin */ }
      }
    })(document);
    return docs.flatMap((d) => [...d.querySelectorAll('script[src^="chrome-extension:"]')].map((s) => s.src));
  });

describe('改为 N is one step of the editor’s own undo (Ctrl+Z)', () => {
  for (const name of ['kindeditor', 'ckeditor5', 'ckeditor4', 'tinymce', 'ueditor-style', 'nested']) {
    test(name, async () => {
      const page = await openCmsPage(browser.context, server, name);
      await waitForTables(page, 1);
      const original = await savedOutput(page);
      const id = 'apply.new.natural';
      await typeInCell(page, id, '45');
      await page.locator(badgeSel(id)).waitFor({ timeout: 4000 });
      const typo = await savedOutput(page);
      assert.notEqual(typo, original);

      await clickFix(page, id);
      assert.equal(await savedOutput(page), original, 'the correction restores the table exactly');
      assert.equal(await focusInEditor(page), true, 'focus is back in the editor');

      await page.keyboard.press('Control+Z');
      // The finding is back (KindEditor's undo may scroll the cell's corner, and so its badge, out of view).
      await page.locator(badgeSel(id)).waitFor({ state: 'attached', timeout: 4000 });
      assert.equal(await savedOutput(page), typo, 'one Ctrl+Z gives back exactly the output before the fix');
      assert.deepEqual(await leftoverScripts(page), []);
      assert.deepEqual(page.pageErrors.map(String), []);
      await page.close();
    });
  }
});

const CARRIED = ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'otherOrg', 'total'].map((c) => `apply.carried.${c}`);

/** The report as a Word template pasted into the editor: the 上年结转 row's cells hold only &nbsp;. */
function reportWithBlankCarried() {
  const { document } = parseHTML(`<!doctype html><html><body>${reportHtml()}</body></html>`);
  const tables = document.querySelectorAll('table');
  for (const id of CARRIED) {
    const { table, row, col } = CELLS[id];
    const td = tableGrid(tables[table])[row][col];
    (td.querySelector('p') ?? td).innerHTML = '&nbsp;';
  }
  return document.body.innerHTML;
}

/** The 上年结转 row's texts in a saved output, comma-separated. */
function carriedRow(saved) {
  const { document } = parseHTML(`<!doctype html><html><body>${saved}</body></html>`);
  const tables = document.querySelectorAll('table');
  return CARRIED.map((id) => {
    const { table, row, col } = CELLS[id];
    return tableGrid(tables[table])[row][col].textContent.replace(/\u00a0/g, ' ').trim();
  }).join(',');
}

/** A request to the content script of the page's top frame, as the popup sends it. */
async function ask(page, msg) {
  await page.bringToFront();
  return worker.evaluate(async (m) => {
    const tabId = Math.max(...(await chrome.tabs.query({})).map((t) => t.id));
    return chrome.tabs.sendMessage(tabId, m, { frameId: 0 });
  }, msg);
}

// Where the editor keeps its own undo stack (KindEditor, CKEditor 4, TinyMCE) the whole fill is one step. CKEditor 5
// and the pages on the browser's native undo record each cell as its own step (undone cell by cell; the popup's
// 撤销预填 takes the whole fill back at once).
describe('从上年数据预填 is one step of the editor’s own undo (Ctrl+Z)', () => {
  after(() => worker.evaluate(() => chrome.storage.local.clear()));

  for (const name of ['kindeditor', 'ckeditor4', 'tinymce']) {
    test(name, async () => {
      const page = await openCmsPage(browser.context, server, name);
      await waitForTables(page, 1);
      await setContent(page, reportWithBlankCarried());
      await page.waitForTimeout(800); // the content script re-reads the new content
      const blank = await savedOutput(page);
      // Last year's record under the body the page is read as (this test is about undo, not about naming).
      const { body } = (await ask(page, { type: 'state' })).state.tables[0];
      const prior = { version: 2, site: '127.0.0.1', body, year: 2022, format: 'gov2021', values: PRIOR_2022, source: 'test', savedAt: '2023-01-20T00:00:00.000Z' };
      await worker.evaluate((rec) => chrome.storage.local.set(rec), { [`report:127.0.0.1|${encodeURIComponent(body)}|2022`]: prior });
      const plan = await ask(page, { type: 'prefill-plan' });
      assert.equal(plan.ok, true, plan.message);
      assert.deepEqual(plan.plan.map((i) => i.cell), CARRIED);

      const r = await ask(page, { type: 'prefill-apply', items: plan.plan });
      assert.deepEqual(r, { ok: true, written: CARRIED });
      assert.equal(carriedRow(await savedOutput(page)), '2,1,0,0,0,0,3');
      assert.equal(await focusInEditor(page), true, 'focus is in the editor');

      await page.keyboard.press('Control+Z');
      await page.waitForTimeout(300);
      assert.equal(await savedOutput(page), blank, 'one Ctrl+Z takes the whole fill back');
      assert.deepEqual(await leftoverScripts(page), []);
      assert.deepEqual(page.pageErrors.map(String), []);
      await page.close();
    });
  }
});
