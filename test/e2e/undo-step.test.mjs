// The one-click correction 改为 N is ONE step of the editor's own undo: type a wrong number, click the badge's
// 改为 N, the table is fixed; Ctrl+Z (the editor's own undo, focus in the editor) gives back exactly the saved
// output from before the fix. KindEditor records only changes of 50+ characters by itself and CKEditor 4 /
// TinyMCE keep their own stacks: there the page-world hook (entrypoints/page-hook.ts) asks the editor for a
// snapshot before and after the write. Pre-fill from last year is likewise one undo step.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import {
  CELLS, cellAt, launchWithExtension, openCmsPage, PRIOR_2022, reportHtml, savedOutput, setContent, tableGrid,
  typeInCell, VALUES, waitForTables, withoutTypingStyles,
} from './harness.mjs';
import { EXT_DIR, savedReport, startSession } from './fixture.mjs';
import { overlayOf } from './overlay-root.mjs';

let server, browser, worker, session;
before(async () => ({ server, browser, worker } = session = await startSession()));
after(() => session?.close());

const badgeSel = (id) => `button[data-cell="${id}"]`;

/** Whether keyboard focus is inside the page's editor (its iframe's document, or its contenteditable root). */
const focusInEditor = (page) =>
  page.evaluate(() => {
    const root = window.__cms.editorRoot();
    const doc = root.ownerDocument;
    return doc === document ? root.contains(document.activeElement) : doc.hasFocus() && doc.activeElement === root;
  });

/** Click 改为 N in the badge of cell `id`; resolves when the badge is gone. */
async function clickFix(page, id) {
  // The cell mid-window, so its tooltip fits below it (a page that scrolls, like UEditor's autoHeight, may leave
  // the typed cell at the window's bottom edge; the tooltip's own flipping is issue 12 item 5).
  await (await cellAt(page, id)).handle.evaluate((td) => td.scrollIntoView({ block: 'center' }));
  await page.waitForTimeout(100);
  await overlayOf(page).locator(badgeSel(id)).hover();
  const fix = overlayOf(page).locator(`${badgeSel(id)} + [role=tooltip] button`);
  assert.equal(await fix.textContent(), `改为 ${VALUES[id]}`);
  await fix.click();
  await overlayOf(page).locator(badgeSel(id)).waitFor({ state: 'detached', timeout: 3000 });
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

/** Record the <script> elements added to this frame's document from now on (window.__hookScripts). */
const watchScripts = (frame) =>
  frame.evaluate(() => {
    window.__hookScripts = 0;
    new MutationObserver((rs) => {
      for (const r of rs) for (const n of r.addedNodes) if (n.nodeName === 'SCRIPT') window.__hookScripts++;
    }).observe(document, { childList: true, subtree: true });
  });
const scriptsAdded = (frame) => frame.evaluate(() => window.__hookScripts);

/** Whether the page-world hook answers in the page's own window. */
const hookAnswers = (page) =>
  page.evaluate(() => !window.dispatchEvent(new CustomEvent('nianbao-undo-ping', { cancelable: true })));

/**
 * Type a wrong number into 表三 一、本年新收·自然人, click 改为 N, then press Ctrl+Z in the editor.
 * Returns the saved outputs { original, typo, fixed, undone } and asserts the steps in between.
 */
async function fixThenUndo(page) {
  await waitForTables(page, 1);
  const original = await savedOutput(page);
  const id = 'apply.new.natural';
  await typeInCell(page, id, '45');
  await overlayOf(page).locator(badgeSel(id)).waitFor({ timeout: 4000 });
  const typo = await savedOutput(page);
  assert.notEqual(typo, original);

  await clickFix(page, id);
  const fixed = await savedOutput(page);
  assert.equal(await focusInEditor(page), true, 'focus is back in the editor');

  await page.keyboard.press('Control+Z');
  await page.waitForTimeout(300);
  const undone = await savedOutput(page);
  if (undone === typo) {
    // The finding is back (KindEditor's undo may scroll the cell's corner, and so its badge, out of view).
    await overlayOf(page).locator(badgeSel(id)).waitFor({ state: 'attached', timeout: 4000 });
  }
  assert.deepEqual(await leftoverScripts(page), []);
  assert.deepEqual(page.pageErrors.map(String), []);
  return { original, typo, fixed, undone };
}

describe('改为 N is one step of the editor’s own undo (Ctrl+Z)', () => {
  for (const name of ['kindeditor', 'ckeditor5', 'ckeditor4', 'tinymce', 'ueditor-style', 'nested']) {
    test(name, async () => {
      const page = await openCmsPage(browser.context, server, name);
      const { original, typo, fixed, undone } = await fixThenUndo(page);
      assert.equal(withoutTypingStyles(fixed), withoutTypingStyles(original), 'the correction restores the table exactly (the typing left UEditor\'s word-break style)');
      assert.equal(undone, typo, 'one Ctrl+Z gives back exactly the output before the fix');
      await page.close();
    });
  }

  test('CKEditor 4 inside a same-origin page frame (TRS-like): the hook goes into the frame owning the editor', async () => {
    const page = await openCmsPage(browser.context, server, { name: 'nested-ckeditor4', path: '/undo/nested-ckeditor4.html' });
    await watchScripts(page);
    await watchScripts(page.frame({ name: 'main' }));
    const { original, typo, fixed, undone } = await fixThenUndo(page);
    assert.equal(await scriptsAdded(page), 0, 'nothing loaded into the top page, which holds no editor');
    assert.equal(await scriptsAdded(page.frame({ name: 'main' })), 1, 'the hook was loaded into the frame owning the editor');
    assert.equal(await page.frame({ name: 'main' }).evaluate(() => !window.dispatchEvent(new CustomEvent('nianbao-undo-ping', { cancelable: true }))), false, 'and left with the write');
    assert.equal(withoutTypingStyles(fixed), withoutTypingStyles(original));
    assert.equal(undone, typo);
    await page.close();
  });

  test('kindeditor under a strict CSP (script-src \'self\' \'unsafe-inline\'): the hook still loads', async () => {
    // Chromium lets an extension's web-accessible script through the page's CSP.
    const page = await openCmsPage(browser.context, server, { name: 'kindeditor-csp', path: '/undo/kindeditor-csp.html' });
    const enforced = await page.evaluate(() => new Promise((ok) => {
      document.addEventListener('securitypolicyviolation', () => ok(true), { once: true });
      const s = document.createElement('script');
      s.src = 'http://localhost:9/not-listed.js';
      document.head.append(s);
      s.remove();
      setTimeout(() => ok(false), 2000);
    }));
    assert.equal(enforced, true, 'the page\'s policy is in force');
    await watchScripts(page);
    const { original, typo, fixed, undone } = await fixThenUndo(page);
    assert.equal(await scriptsAdded(page), 1, 'the hook was loaded for the write');
    assert.equal(await hookAnswers(page), false, 'and left with it');
    assert.equal(withoutTypingStyles(fixed), withoutTypingStyles(original));
    assert.equal(undone, typo);
    await page.close();
  });
});

describe('without the hook (a browser or page that keeps it out)', () => {
  // The same build with an empty page-hook.js: nothing answers in the page.
  let bare, dir;
  before(async () => {
    const { cp, mkdtemp, rm, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    dir = await mkdtemp(join(tmpdir(), 'nianbao-nohook-'));
    await cp(EXT_DIR, dir, { recursive: true });
    await writeFile(join(dir, 'page-hook.js'), '');
    bare = await launchWithExtension({ extensionDir: dir });
    bare.cleanup = () => rm(dir, { recursive: true, force: true });
  });
  after(async () => {
    await bare?.close();
    await bare?.cleanup();
  });

  test('kindeditor: 改为 N still fixes the table; Ctrl+Z cannot take a 2-character change back', async () => {
    const page = await openCmsPage(bare.context, server, 'kindeditor');
    const { original, fixed, undone } = await fixThenUndo(page);
    assert.equal(await hookAnswers(page), false);
    assert.equal(fixed, original, 'the correction is written all the same');
    assert.equal(undone, fixed, 'KindEditor records no step below 50 characters by itself');
    await page.close();
  });
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
      await session.storage.set(savedReport({ body, year: 2022, values: PRIOR_2022 }));
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
