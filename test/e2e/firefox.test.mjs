// The Firefox build (.output/firefox-mv2) in Debian's Firefox ESR, driven over WebDriver BiDi (puppeteer-core):
// one browser session for every page. Baselines first without the add-on, then the add-on is installed as a
// temporary add-on and every page is checked again: tables found, a badge after a wrong figure and the pause,
// cleared on the fix, saved output byte-identical with and without the add-on, 改为 N writes and is one
// undo step, pre-fill through the popup, the popup and options pages render and answer, and no error from
// the add-on in any console. Observed through the overlay's DOM (data-cell, data-severity) and visible text.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import { CELLS, PRIOR_2022, pageDef, reportHtml, startServer, tableGrid, VALUES } from './harness.mjs';
import { overlayOf } from './overlay-root.mjs';
import { badgeOf, tablesOf, typeInCell, until } from './pptr.mjs';
import { ADDON_BASE, launchFirefox, openExtensionPage } from './firefox.mjs';
import { savedReport } from './fixture.mjs';

const PAGES = ['kindeditor', 'ckeditor4', 'ckeditor5', 'ueditor-style', 'form'];
const CELL = 'apply.new.natural';
const BODY = '滨江区人民政府办公室';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let server, ff;
const consoleErrors = [];
const savedWithout = new Map();

async function openCms(name) {
  const page = await ff.browser.newPage();
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(`${name}: ${m.text()}`));
  page.on('pageerror', (e) => consoleErrors.push(`${name}: ${e.message ?? e}`));
  await page.goto(server.url + pageDef(name).path);
  await page.waitForFunction(() => (window.__cms && window.__cms.ready) || window.__cmsError, { timeout: 30_000 });
  await page.bringToFront(); // headless Firefox gives the tab focus only when asked (the typing hold needs it)
  return page;
}

const saved = (page) => page.evaluate(() => window.__cms.getSaved());

const tables = tablesOf;
const badge = badgeOf;

/** A wrong figure in 自然人 (41 → 45), the typing pause, then the right one again. */
async function wrongThenFixed(page) {
  await typeInCell(page, CELL, '45');
  await sleep(1500);
  await typeInCell(page, CELL, String(VALUES[CELL]));
  await sleep(1500);
}

before(async () => {
  server = await startServer();
  ff = await launchFirefox();
  for (const name of PAGES) {
    const page = await openCms(name);
    await wrongThenFixed(page);
    savedWithout.set(name, await saved(page));
    await page.close();
  }
  await ff.install();
});
after(async () => {
  await ff?.close();
  await server?.close();
});

describe('Firefox ESR with the Firefox build', () => {
  for (const name of PAGES) {
    test(`${name}: tables found, badge after a wrong figure, cleared on the fix, saved output untouched`, async () => {
      const page = await openCms(name);
      await until(async () => (await tables(page)) >= 3, 'three tables found');
      await typeInCell(page, CELL, '45');
      const b = await until(() => badge(page, CELL), `badge at ${CELL}`);
      assert.equal(b.severity, 'error');
      await typeInCell(page, CELL, String(VALUES[CELL]));
      await until(async () => (await badge(page, CELL)) === null, 'badge cleared');
      await sleep(1500);
      assert.equal(await saved(page), savedWithout.get(name), 'saved output byte-identical with and without the add-on');
      await page.close();
    });
  }

  for (const name of ['kindeditor', 'ckeditor5']) {
    test(`${name}: 改为 N writes the value and is one undo step`, async () => {
      const page = await openCms(name);
      await until(async () => (await tables(page)) >= 3, 'tables found');
      const original = await saved(page);
      await typeInCell(page, CELL, '45');
      await until(() => badge(page, CELL), 'badge');
      const typo = await saved(page);
      // The overlay's root is closed: the test reaches it over WebDriver BiDi (test/e2e/overlay-root.mjs).
      const ov = overlayOf(page);
      const badgeSel = `[data-cell="${CELL}"]:not([data-kind])`;
      const fix = ov.locator(`${badgeSel} + [role=tooltip] button.x`);
      assert.equal(await fix.textContent(), `改为 ${VALUES[CELL]}`);
      assert.equal(await page.evaluate(() => document.querySelector('nianbao-overlay').shadowRoot), null, 'the page reads a closed root');
      // A person's click through the browser's input (a page script's click() is ignored: the overlay needs a trusted event).
      await ov.locator(badgeSel).hover();
      await fix.click();
      await until(async () => (await badge(page, CELL)) === null, 'badge gone after 改为');
      assert.equal(await saved(page), original, 'the correction restores the table exactly');
      await page.evaluate(() => window.__cms.editorRoot().focus()); // the caret back in the editor, as a person would
      await page.keyboard.down('Control');
      await page.keyboard.press('z');
      await page.keyboard.up('Control');
      await until(async () => (await saved(page)) === typo, 'one Ctrl+Z brings the typo back');
      await page.close();
    });
  }

  test('popup and options render and answer; pre-fill through the popup (KindEditor)', async () => {
    const options = await openExtensionPage(ff.browser, `${ADDON_BASE}/options.html`, () => document.querySelector('main, #app')?.textContent.length > 0);
    assert.match(await options.evaluate(() => document.body.innerText), /年报助手|导入|保存/);
    // last year in storage, written by the add-on's own page
    await options.evaluate(async (rec) => browser.storage.local.set(rec), savedReport({ body: BODY, year: 2022, values: PRIOR_2022 }));
    const page = await openCms('kindeditor');
    await until(async () => (await tables(page)) >= 3, 'tables found');
    await page.evaluate((html) => window.__cms.setContent(html), blankCarried());
    await sleep(1500);
    const blank = await saved(page);
    // Firefox's tabs.query gives no URL without the tabs permission: the CMS page is the tab opened last.
    const tabId = await options.evaluate(async () => Math.max(...(await browser.tabs.query({})).map((t) => t.id)));
    const popup = await openExtensionPage(ff.browser, `${ADDON_BASE}/popup.html?tabId=${tabId}`, () => /2023 年度/.test(document.body?.innerText ?? ''));
    const text = await popup.evaluate(() => document.body.innerText);
    assert.match(text, /2021年版.*2023 年度.*滨江区人民政府办公室/s);
    const click = (label) => popup.evaluate((l) => {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === l);
      button?.click();
      return Boolean(button);
    }, label);
    await until(() => click('从上年数据预填'), '从上年数据预填 button').catch(async (e) => {
      throw new Error(`${e.message}; the popup says: ${await popup.evaluate(() => document.body.innerText)}`);
    });
    await until(() => popup.evaluate(() => document.querySelectorAll('section[aria-label="预填计划"] li[data-cell]').length === 7), 'plan of 7 cells');
    await page.bringToFront();
    assert.equal(await click('确认预填'), true);
    await until(() => popup.evaluate(() => /已预填 7 个单元格/.test(document.body.innerText)), 'pre-filled');
    const filled = await saved(page);
    assert.equal(carriedOf(filled)['apply.carried.total'], String(PRIOR_2022['apply.carryForward.total']));
    await page.bringToFront();
    await page.keyboard.down('Control');
    await page.keyboard.press('z');
    await page.keyboard.up('Control');
    await until(async () => (await saved(page)) === blank, 'one Ctrl+Z takes the pre-fill back');
    for (const p of [popup, options, page]) await p.close();
  });

  test('no error from the add-on in any page\'s console', () => {
    assert.deepEqual(consoleErrors.filter((e) => /moz-extension|nianbao|年报助手/.test(e)), []);
  });
});

const CARRIED = ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'otherOrg', 'total'].map((c) => `apply.carried.${c}`);
function blankCarried() {
  const { document } = parseHTML(`<!doctype html><html><body>${reportHtml()}</body></html>`);
  const tables = document.querySelectorAll('table');
  for (const id of CARRIED) {
    const { table, row, col } = CELLS[id];
    const td = tableGrid(tables[table])[row][col];
    (td.querySelector('p') ?? td).innerHTML = '&nbsp;';
  }
  return document.body.innerHTML;
}
function carriedOf(html) {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const tables = document.querySelectorAll('table');
  return Object.fromEntries(CARRIED.map((id) => {
    const { table, row, col } = CELLS[id];
    return [id, tableGrid(tables[table])[row][col].textContent.replace(/\u00a0/g, ' ').trim()];
  }));
}
