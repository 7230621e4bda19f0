// Every write is read back (lib/page/write.ts, lib/page/verify.ts). Here a page script moves the caret into
// another cell right after the extension placed it (as an editor's selectionchange handler may), so the write
// would land in the wrong cell: it is detected, taken back, reported in plain words, and the editor's saved
// output is unchanged — for 改为 N (apply-fix) and for 从上年数据预填.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  cellAt, cellText, editorFrame, openCmsPage, PRIOR_2022, reportWithBlanks, savedOutput, setContent, waitForTables,
} from './harness.mjs';
import { savedReport, startSession } from './fixture.mjs';

let server, browser, worker, session;
before(async () => ({ server, browser, worker } = session = await startSession()));
after(() => session?.close());

async function ask(page, msg) {
  await page.bringToFront();
  return worker.evaluate(async (m) => {
    const tabId = Math.max(...(await chrome.tabs.query({})).map((t) => t.id));
    return chrome.tabs.sendMessage(tabId, m, { frameId: 0 });
  }, msg);
}

/**
 * Arm a page script in the editor's document: whenever the selection is placed in the cell `from` (at most
 * `times` times), it moves the caret to the end of the text of the cell `to`, as a misbehaving editor script would.
 */
async function moveCaretOnSelect(page, from, to, times = Infinity) {
  const frame = await editorFrame(page);
  const [{ handle: source }, { handle: td }] = [await cellAt(page, from), await cellAt(page, to)];
  await frame.evaluate(([from, td, n]) => {
    let left = n;
    document.addEventListener('selectionchange', () => {
      const sel = document.getSelection();
      if (left <= 0 || !sel.rangeCount || !from.contains(sel.getRangeAt(0).startContainer)) return;
      left--;
      const walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
      let last = null;
      for (let t = walker.nextNode(); t; t = walker.nextNode()) last = t;
      if (last) sel.collapse(last, last.length);
      else sel.collapse(td, 0);
    });
  }, [source, td, times]);
}

const PAGES = ['kindeditor', 'ueditor-style', 'tinymce', 'nested'];

describe('a write that would land in another cell is taken back and reported', () => {
  for (const name of PAGES) {
    test(`${name}: 改为 N`, async () => {
      const page = await openCmsPage(browser.context, server, name);
      await waitForTables(page, 1);
      const saved = await savedOutput(page);
      await moveCaretOnSelect(page, 'apply.granted.commercial', 'apply.granted.natural');
      const r = await ask(page, { type: 'apply-fix', cell: 'apply.granted.commercial', value: 4 });
      assert.equal(r.ok, false, 'not reported as written');
      assert.match(r.message, /「表三·.*商业企业」未能填入：写入会落到别的单元格，已撤回，表格保持原样。请在该格手动输入 4。/);
      await page.waitForTimeout(200);
      assert.equal(await savedOutput(page), saved, 'the editor\'s saved output is unchanged');
      assert.deepEqual(page.pageErrors.map(String), []);
      await page.close();
    });
  }

  test('kindeditor: a caret moved away once (as an editor re-rendering its old selection after a focus) is placed again and 改为 N lands in its cell', async () => {
    const page = await openCmsPage(browser.context, server, 'kindeditor');
    await waitForTables(page, 1);
    await moveCaretOnSelect(page, 'apply.granted.commercial', 'apply.granted.natural', 1);
    const natural = await cellText(page, 'apply.granted.natural');
    const r = await ask(page, { type: 'apply-fix', cell: 'apply.granted.commercial', value: 4 });
    assert.deepEqual(r, { ok: true, written: ['apply.granted.commercial'] });
    assert.equal(await cellText(page, 'apply.granted.commercial'), '4');
    assert.equal(await cellText(page, 'apply.granted.natural'), natural, 'the cell the caret was moved to is unchanged');
    await page.close();
  });

  test('ueditor-style: 从上年数据预填 reports the cells it could not fill and counts only verified ones', async () => {
    const page = await openCmsPage(browser.context, server, 'ueditor-style');
    await waitForTables(page, 1);
    const carried = ['natural', 'commercial', 'research'].map((c) => `apply.carried.${c}`);
    await setContent(page, reportWithBlanks(Object.fromEntries(carried.map((id) => [id, 'emptySpan']))));
    const { body } = (await ask(page, { type: 'state' })).state.tables[0];
    await session.storage.set(savedReport({ body, year: 2022, values: PRIOR_2022 }));
    let plan;
    for (let i = 0; i < 100 && !(plan?.plan?.length === 3); i++) {
      plan = await ask(page, { type: 'prefill-plan' });
      await page.waitForTimeout(50);
    }
    assert.deepEqual(plan.plan.map((i) => i.cell), carried);
    const saved = await savedOutput(page);
    // only the first cell's write is pushed elsewhere (into 一、本年新收·自然人), every time it is placed
    await moveCaretOnSelect(page, carried[0], 'apply.new.natural');
    const r = await ask(page, { type: 'prefill-apply', items: plan.plan });
    assert.equal(r.ok, true);
    assert.deepEqual(r.written, carried.slice(1), 'only the verified cells are counted');
    assert.equal(r.unwritten.length, 1);
    assert.equal(r.unwritten[0].cell, carried[0]);
    assert.match(r.unwritten[0].message, /自然人」未能填入：写入会落到别的单元格，已撤回/);
    const u = await ask(page, { type: 'prefill-undo' });
    assert.equal(u.ok, true);
    assert.equal(await savedOutput(page), saved, 'after 撤销预填 the output is what it was');
    await page.close();
  });
});
