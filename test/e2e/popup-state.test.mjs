// The popup (popup.html?tabId=N, since tests cannot click the toolbar) against the live content script:
// what was found, problem counts and problems by cell in the form's words, reveal, 保存本年数据 into storage,
// 在此网站停用/启用, and the reasons it gives when there is nothing to show.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cellText, editorFrame, openCmsPage, PRIOR_2022, typeInCell, waitForTables } from './harness.mjs';
import { reportKey, savedReport, siteDisabledKey, startSession } from './fixture.mjs';
import { describeProblems, plainChineseInPage } from '../helpers/plain-chinese.mjs';

const BODY = '滨江区人民政府办公室';
let server, browser, worker, session;
before(async () => ({ server, browser, worker } = session = await startSession()));
after(() => session?.close());

const lastTab = () => worker.evaluate(async () => Math.max(...(await chrome.tabs.query({})).map((t) => t.id)));

async function popupFor(tabId) {
  const popup = await browser.context.newPage();
  popup.pageErrors = [];
  popup.on('pageerror', (e) => popup.pageErrors.push(e));
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`);
  await popup.locator('main.popup section').first().waitFor();
  return popup;
}

describe('popup on a CMS page', () => {
  test('found table, counts, problems by cell, reveal, save this year', async () => {
    await worker.evaluate(() => chrome.storage.local.clear());
    await worker.evaluate((rec) => chrome.storage.local.set(rec), {
      ...savedReport({ body: BODY, year: 2022, values: PRIOR_2022 }),
    });
    const page = await openCmsPage(browser.context, server, 'kindeditor');
    await waitForTables(page, 1);
    const tabId = await lastTab();

    let popup = await popupFor(tabId);
    await popup.getByText(/2021年版.*2023 年度.*滨江区人民政府办公室/).waitFor();
    assert.equal(await popup.locator('[data-count="error"]').textContent(), '0');
    assert.match(await popup.locator('main').textContent(), /已载入 2022 年数据/);
    await popup.close();

    await typeInCell(page, 'apply.new.natural', '42'); // 41 → 42: 表三 no longer balances
    await page.waitForTimeout(1500);
    popup = await popupFor(tabId);
    await popup.locator('button.problem').first().waitFor();
    assert.ok(Number(await popup.locator('[data-count="error"]').textContent()) >= 1);
    const labels = await popup.locator('button.problem').allTextContents();
    assert.ok(labels.every((l) => l.startsWith('表')), `labels in the form's words: ${labels}`);
    assert.ok(labels.some((l) => l.includes('一、本年新收政府信息公开申请数量')), labels.join(' | '));
    await popup.locator('button.problem').first().click();
    await page.waitForTimeout(300);
    assert.equal(await popup.locator('[role="alert"]').count(), 0);

    // one-click correction of the mistyped cell
    // Said once: the list names the cell once (its heading) and gives the two sides and the difference; the value only on 改为 41.
    await popup.locator('section[aria-label="最可能的输错"]').getByText(/^最可能输错的格：表三·一、本年新收政府信息公开申请数量·自然人$/).waitFor();
    const line = await popup.locator('section[aria-label="问题"] li li', { hasText: '最可能是本格输错' }).first().textContent();
    assert.match(line, /^最可能是本格输错：当前 42[，（].*（表三 自然人列：.+ = 44，.+ = 43，相差 1/);
    assert.ok(!line.includes('应为 41'), line);
    await popup.getByRole('button', { name: '改为 41' }).click();
    await popup.getByText(/已将 表三·一、本年新收政府信息公开申请数量·自然人 改为 41/).waitFor();
    assert.equal(await cellText(page, 'apply.new.natural'), '41');
    await page.waitForTimeout(1200);
    await popup.reload();
    await popup.locator('[data-count="error"]').waitFor();
    assert.equal(await popup.locator('[data-count="error"]').textContent(), '0');

    await popup.getByRole('button', { name: '保存本年数据' }).click();
    await popup.getByRole('button', { name: '确认保存' }).click();
    await popup.getByText(/已保存「滨江区人民政府办公室」2023 年数据/).waitFor();
    const saved = await worker.evaluate(() => chrome.storage.local.get(null));
    const mine = saved[reportKey('127.0.0.1', BODY, 2023)];
    assert.equal(mine?.values['apply.new.natural'], 41);
    assert.equal(mine?.format, 'gov2021');
    assert.deepEqual(popup.pageErrors.map(String), []);
    await popup.close();
    await page.close();
  });

  test('CKEditor 4: the body comes from the report, not from the editing frame\'s own title (编辑器, content); last year is found', async () => {
    await worker.evaluate(() => chrome.storage.local.clear());
    await worker.evaluate((rec) => chrome.storage.local.set(rec), {
      ...savedReport({ body: BODY, year: 2022, values: PRIOR_2022 }),
    });
    const page = await openCmsPage(browser.context, server, 'ckeditor4');
    await waitForTables(page, 1);
    const title = await (await editorFrame(page)).evaluate(() => document.title);
    assert.ok(title, `the editing frame has its own title (${title})`);
    const popup = await popupFor(await lastTab());
    await popup.getByText(/2021年版.*2023 年度.*滨江区人民政府办公室/).waitFor();
    const text = await popup.locator('main').textContent();
    assert.match(text, /2023 年度 · 滨江区人民政府办公室（/, `body exactly ${BODY} (frame title 「${title}」)`);
    assert.ok(!text.includes(title.replace(/\s+/g, '')), text);
    assert.match(text, /已载入 2022 年数据/);
    assert.deepEqual(popup.pageErrors.map(String), []);
    await popup.close();
    await page.close();
  });

  test('导入上年报告… opens the import page for this body and year; the page then checks across years', async () => {
    await worker.evaluate(() => chrome.storage.local.clear());
    const page = await openCmsPage(browser.context, server, 'kindeditor');
    await waitForTables(page, 1);
    const popup = await popupFor(await lastTab());
    await popup.getByText(/没有上年数据/).waitFor();
    const [importPage] = await Promise.all([
      browser.context.waitForEvent('page'),
      popup.getByRole('button', { name: '导入上年报告…' }).click(),
    ]);
    await importPage.getByRole('heading', { name: '导入上年报告' }).waitFor();
    assert.match(decodeURIComponent(importPage.url()), /options\.html#import\?site=127\.0\.0\.1&body=滨江区人民政府办公室&year=2023$/);
    await importPage.getByText(/用于：滨江区人民政府办公室 2023 年年报/).waitFor();
    const file = { app: 'nianbao-zhushou', kind: 'saved-reports', reports: [{ version: 2, site: '', body: BODY, year: 2022, format: 'gov2021', values: PRIOR_2022, source: 'page', savedAt: '2023-01-15T02:00:00.000Z' }] };
    await importPage.getByLabel(/选择文件/).setInputFiles({ name: 'export.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    await importPage.getByRole('button', { name: '保存为上年数据' }).click();
    await importPage.getByText('已保存「滨江区人民政府办公室」2022 年的数据。').waitFor();
    await importPage.close();
    await popup.reload();
    await popup.getByText(/已载入 2022 年数据，跨年规则同时检查/).waitFor();
    assert.equal(await popup.locator('[data-count="warning"]').textContent(), '0', 'this year agrees with last year (X-CARRY, X-STOCK)');
    await popup.close();
    await page.close();
  });

  test('在此网站停用 / 启用', async () => {
    await worker.evaluate(() => chrome.storage.local.clear());
    const page = await openCmsPage(browser.context, server, 'tinymce');
    await waitForTables(page, 1);
    const tabId = await lastTab();
    let popup = await popupFor(tabId);
    await popup.getByText('更多操作').click();
    await popup.getByRole('button', { name: '在此网站停用' }).click();
    await popup.getByText('年报助手已在此网站（127.0.0.1）停用。').waitFor();
    await popup.getByText(/此页面上的提示已移除/).waitFor();
    const off = siteDisabledKey('127.0.0.1');
    assert.equal((await session.storage.get(off))[off], true);
    await popup.close();
    popup = await popupFor(tabId);
    await popup.getByText('年报助手已在此网站（127.0.0.1）停用。').waitFor();
    await popup.getByRole('button', { name: '在此网站启用' }).click();
    await popup.getByText(/已在 127\.0\.0\.1 启用年报助手/).waitFor();
    assert.deepEqual(await session.storage.get(off), {});
    await popup.close();
    await page.close();
  });

  test('fits in 600 px with a typical page (3 tables, a few problems): counts equal the list, actions in view, plain Chinese', async () => {
    await worker.evaluate(() => chrome.storage.local.clear());
    await worker.evaluate((rec) => chrome.storage.local.set(rec), savedReport({ body: BODY, year: 2022, values: PRIOR_2022 }));
    const page = await openCmsPage(browser.context, server, 'kindeditor');
    await waitForTables(page, 3);
    await typeInCell(page, 'apply.new.natural', '42');
    await typeInCell(page, 'apply.carried.natural', '7');
    await page.waitForTimeout(1500);
    const popup = await popupFor(await lastTab());
    await popup.locator('button.problem').first().waitFor();
    // A Chrome popup is as tall as its content, up to 600 px: measured with a viewport shorter than the content.
    await popup.setViewportSize({ width: 420, height: 200 });
    const height = await popup.evaluate(() => document.documentElement.scrollHeight);
    const listed = await popup.locator('.problems li[data-severity]').count();
    console.log(`popup height ${height} px with ${listed} listed problems`);
    assert.ok(height <= 600, `popup is ${height} px tall`);
    for (const sev of ['error', 'warning']) {
      const shown = Number(await popup.locator(`[data-count="${sev}"]`).textContent());
      assert.equal(shown, await popup.locator(`.problems li[data-severity="${sev}"]`).count(), `${sev} count equals the list`);
    }
    assert.ok(Number(await popup.locator('[data-count="error"]').textContent()) >= 1);
    const problems = await plainChineseInPage(popup);
    assert.deepEqual(problems, [], describeProblems(problems));
    // With the save question open, the everyday actions stay in view at Chrome's 600 px.
    await popup.setViewportSize({ width: 420, height: 600 });
    await popup.getByRole('button', { name: '保存本年数据' }).click();
    await popup.getByRole('button', { name: '确认保存' }).click();
    await popup.locator('section[aria-label="保存前确认"]').waitFor();
    const bar = await popup.locator('.main-actions').boundingBox();
    assert.ok(bar && bar.y >= 0 && bar.y + bar.height <= 600, `actions in view: ${JSON.stringify(bar)}`);
    assert.deepEqual(await plainChineseInPage(popup), []);
    await popup.getByRole('button', { name: '先不保存，回去改正' }).click();
    assert.deepEqual(await session.storage.get(reportKey('127.0.0.1', BODY, 2023)), {});
    assert.deepEqual(popup.pageErrors.map(String), []);
    await popup.close();
    await page.close();
  });

  test('a year saved without a site is used here only after 「在此网站使用…」, and the page then checks across years', async () => {
    await worker.evaluate(() => chrome.storage.local.clear());
    await worker.evaluate((rec) => chrome.storage.local.set(rec), savedReport({ site: '', body: BODY, year: 2022, values: PRIOR_2022 }));
    const page = await openCmsPage(browser.context, server, 'kindeditor');
    await waitForTables(page, 1);
    const popup = await popupFor(await lastTab());
    await popup.getByText(/没有上年数据/).waitFor();
    await popup.getByText(`在此网站使用「${BODY}」2022 年数据？`).waitFor();
    await popup.getByRole('button', { name: '使用', exact: true }).click();
    await popup.getByText(/已载入 2022 年数据，跨年规则同时检查/).waitFor({ timeout: 10_000 });
    assert.equal(await popup.getByText(/在此网站使用/).count(), 0);
    await popup.close();
    await page.close();
  });

  test('says why when there is nothing: no table, browser page; a page without a report keeps no trace of the extension', async () => {
    const plain = await browser.context.newPage();
    await plain.goto(server.url + '/');
    await plain.waitForTimeout(500);
    let popup = await popupFor(await lastTab());
    await popup.getByText(/此页面没有发现年报统计表|此页面无法检查/).waitFor();
    assert.equal(await popup.getByText('此页面没有发现年报统计表。').count(), 1, await popup.locator('main').textContent());
    // Nothing the page's own scripts could find the extension by (the start-up is timed from a trace instead).
    assert.deepEqual(await plain.evaluate(() => performance.getEntries().map((e) => e.name).filter((n) => /nianbao/i.test(n))), []);
    await popup.close();
    await plain.close();

    const blank = await browser.context.newPage();
    await blank.goto('about:blank');
    popup = await popupFor(await lastTab());
    await popup.getByText('此页面无法检查。').waitFor();
    await popup.close();
    await blank.close();
  });
});
