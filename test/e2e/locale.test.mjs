// 界面语言 (issue 15 item 6: an English UI is a translation, not a code change), in real Chromium with the MV3
// build: the clerk picks English on the options page; the edit page's tooltips follow at once, the popup opens in
// English, and picking 中文 again brings the edit page back to Chinese without a reload. The official form's own
// row and column titles stay as printed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openCmsPage, typeInCell, VALUES, waitForTables } from './harness.mjs';
import { startSession } from './fixture.mjs';
import { overlayOf } from './overlay-root.mjs';

let session;
before(async () => (session = await startSession()));
after(() => session?.close());

/** The tooltip texts of the badges shown now. */
const tips = (page) =>
  overlayOf(page).evaluate((root) => (root ? [...root.querySelectorAll('button.b[data-cell]')].filter((b) => !b.hidden).map((b) => b.nextElementSibling.textContent) : []));

async function until(read, pred, what, timeout = 8000) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    last = await read();
    if (pred(last)) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail(`${what}; last: ${JSON.stringify(last)}`);
}

test('English chosen on the options page: the edit page, the popup and back to 中文 without a reload', async () => {
  const { browser, worker, storage } = session;
  await storage.clear();
  const edit = await openCmsPage(browser.context, session.server, 'kindeditor');
  await waitForTables(edit, 1);
  const tabId = await worker.evaluate(async () => Math.max(...(await chrome.tabs.query({})).map((t) => t.id)));
  await typeInCell(edit, 'apply.new.natural', '45');
  let shown = await until(() => tips(edit), (t) => t.length === 1, 'one badge in Chinese');
  assert.match(shown[0], new RegExp(`改为 ${VALUES['apply.new.natural']}`));

  const options = await session.openExtensionPage('options.html');
  await options.getByLabel('界面语言').selectOption('en');
  await options.getByText('Saved report data').first().waitFor();
  assert.equal((await storage.get('uiLocale')).uiLocale, 'en');
  assert.equal(await options.evaluate(() => document.documentElement.lang), 'en');

  // The open edit page follows the setting: the same problem, worded in English, the form's titles quoted.
  shown = await until(() => tips(edit), (t) => t.length === 1 && /Change to/.test(t[0]), 'the tooltip in English');
  assert.match(shown[0], new RegExp(`Change to ${VALUES['apply.new.natural']}`));
  assert.match(shown[0], /mistyped|should be|off by/);
  assert.doesNotMatch(shown[0], /改为|输错|相差|应为/);

  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`);
  await popup.locator('main.popup section').first().waitFor();
  const popupText = await popup.locator('main.popup').innerText();
  assert.match(popupText, /Change to \d+/, 'the popup lists the problem in English');
  assert.doesNotMatch(popupText, /强制性|核实性|保存本年数据|网页编辑器中/, 'and none of its own words in Chinese (where the table is, too)');
  assert.equal(await popup.evaluate(() => document.documentElement.lang), 'en');
  await popup.close();

  await options.getByLabel('Interface language').selectOption('zh');
  await options.getByText('已保存的年报数据').first().waitFor();
  shown = await until(() => tips(edit), (t) => t.length === 1 && /改为/.test(t[0]), 'the tooltip back in Chinese without a reload');
  assert.deepEqual(edit.pageErrors?.map(String) ?? [], []);
  await options.close();
  await edit.close();
});
