// 导入上年报告 in real Chromium with the MV3 build: the options page's import view (opened by the popup in a
// tab) reads last year from a JSON export, a saved published page, a PDF printed by Chromium itself and text
// pasted out of a PDF; the user sees the values read, missing cells and failing rules, and saving puts the year
// into browser.storage.local where the content script finds it. Bad input changes nothing.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { PRIOR_2022, REPORT_PATH, REPORT_TITLE, REPORT_YEAR, VALUES } from './harness.mjs';
import { reportKey, startSession } from './fixture.mjs';
import { HAVE_SHARED, SKIP_REASON, sharedPath } from '../shared-dir.mjs';

const corpus = (name, enc) => readFileSync(sharedPath(`corpus/${name}`), enc);
/** Tests that read real published reports: skipped, with the reason, without ../shared. */
const real = { skip: HAVE_SHARED ? false : SKIP_REASON };
let server, browser, worker, session;
const BJ = '滨江区人民政府办公室';

before(async () => ({ server, browser, worker } = session = await startSession()));
after(() => session?.close());

const storage = () => worker.evaluate(() => chrome.storage.local.get(null));
const clearStorage = () => worker.evaluate(() => chrome.storage.local.clear());

async function openImport(query) {
  const page = await browser.context.newPage();
  page.pageErrors = [];
  page.on('pageerror', (e) => page.pageErrors.push(e));
  await page.goto(`chrome-extension://${browser.extensionId}/options.html#import?${new URLSearchParams(query)}`);
  await page.getByRole('heading', { name: '导入上年报告' }).waitFor();
  return page;
}

async function pick(page, name, buffer, mimeType = 'application/octet-stream') {
  await page.getByLabel(/选择文件/).setInputFiles({ name, mimeType, buffer });
}

const count = (page, what) => page.locator(`article.candidate [data-count="${what}"]`).first().textContent().then(Number);

async function saveAndRead(page) {
  await page.getByRole('button', { name: '保存为上年数据' }).click();
  await page.getByText(/^已保存「/).waitFor();
  return storage();
}

const SH = '上海市人民政府办公厅';

describe('import last year in the options page', () => {
  test('from this extension\'s JSON export', async () => {
    await clearStorage();
    const body = BJ;
    const file = {
      app: 'nianbao-zhushou', kind: 'saved-reports',
      reports: [{ version: 2, site: '', body, year: 2022, format: 'gov2021', values: PRIOR_2022, source: 'page', savedAt: '2023-01-15T02:00:00.000Z' }],
    };
    const page = await openImport({ site: '127.0.0.1', body, year: '2023' });
    await pick(page, '年报助手数据.json', Buffer.from(JSON.stringify(file)), 'application/json');
    await page.getByText('读到的报告：编辑页面').waitFor();
    assert.equal(await count(page, 'read'), Object.keys(PRIOR_2022).length);
    assert.ok((await count(page, 'missing')) > 100, 'the cells the export does not hold are listed as missing');
    const saved = await saveAndRead(page);
    const key = reportKey('127.0.0.1', body, 2022);
    assert.deepEqual(saved[key]?.values, PRIOR_2022);
    assert.deepEqual(page.pageErrors.map(String), []);
    await page.close();
  });

  test('from a saved published page (.html)', real, async () => {
    await clearStorage();
    const page = await openImport({ site: 'cms.sh.gov.cn', body: SH, year: '2020' });
    await pick(page, '2019年上海市人民政府办公厅政府信息公开工作年度报告.html', corpus('2019-shanghai-office-1.html'), 'text/html');
    await page.getByText('读到的报告：2019年上海市人民政府办公厅政府信息公开工作年度报告').waitFor();
    assert.ok((await count(page, 'read')) > 50);
    const values = (await saveAndRead(page))[`report:cms.sh.gov.cn|${encodeURIComponent(SH)}|2019`]?.values;
    // typed from the published table
    assert.equal(values?.['apply.new.natural'], 821);
    assert.equal(values?.['apply.carryForward.total'], 72);
    await page.close();
  });

  for (const name of ['report-2023.pdf', 'report-2023.docx']) {
    test(`from the ${name.endsWith('pdf') ? 'PDF it was published as' : 'Word file it was drafted in'} (${name})`, async () => {
      await clearStorage();
      const body = '示例县人民政府办公室';
      const page = await openImport({ site: '127.0.0.1', body, year: '2024' });
      await pick(page, name, readFileSync(new URL(`../fixtures/read/${name}`, import.meta.url)));
      await page.locator('article.candidate, section[aria-label="读取结果"] [role="alert"]').first().waitFor({ timeout: 30_000 });
      assert.equal(await count(page, 'missing'), 0);
      assert.equal(await count(page, 'error'), 0);
      const values = (await saveAndRead(page))[reportKey('127.0.0.1', body, 2023)]?.values;
      // figures typed in test/fixtures/read/make-fixtures.mts
      assert.equal(values?.['apply.new.total'], 11);
      assert.equal(values?.['apply.carryForward.natural'], 2);
      assert.equal(values?.['active.fee.amount'], 1.5);
      assert.deepEqual(page.pageErrors.map(String), []);
      await page.close();
    });
  }

  test('from a PDF of the published report (printed by Chromium)', async () => {
    await clearStorage();
    const printer = await browser.context.newPage();
    await printer.goto(server.url + REPORT_PATH);
    const pdf = await printer.pdf({ format: 'A4' });
    await printer.close();
    const page = await openImport({ site: '127.0.0.1', body: BJ, year: String(REPORT_YEAR + 1) });
    await pick(page, `${REPORT_TITLE}.pdf`, pdf, 'application/pdf');
    await page.locator('article.candidate, section[aria-label="读取结果"] [role="alert"]').first().waitFor({ timeout: 30_000 });
    const values = (await saveAndRead(page))[reportKey('127.0.0.1', BJ, REPORT_YEAR)]?.values;
    for (const id of ['apply.new.natural', 'apply.new.total', 'apply.carryForward.natural', 'apply.carryForward.total', 'active.normative.inForce', 'appeal.review.total'])
      assert.equal(values?.[id], Number(VALUES[id]), id);
    await page.close();
  });

  test('from text copied out of a PDF and pasted', real, async () => {
    await clearStorage();
    const page = await openImport({ site: 'cms.sh.gov.cn', body: SH, year: '2026' });
    await page.getByLabel(/粘贴到这里/).fill(corpus('2025-shanghai-office-1.txt', 'utf8'));
    await page.getByRole('button', { name: '读取粘贴的文字' }).click();
    await page.getByText(/读到的报告：/).waitFor();
    const values = (await saveAndRead(page))[`report:cms.sh.gov.cn|${encodeURIComponent(SH)}|2025`]?.values;
    assert.equal(values?.['apply.new.total'], 1295);
    assert.equal(values?.['apply.carryForward.total'], 293);
    await page.close();
  });

  test('bad input: wrong type, corrupt JSON, same year, another body — a message and nothing stored', real, async () => {
    await clearStorage();
    const page = await openImport({ site: 'cms.sh.gov.cn', body: SH, year: '2019' });
    const alert = page.locator('section[aria-label="读取结果"] [role="alert"]').first();
    await pick(page, '年报.xlsx', Buffer.from('PK\u0003\u0004'));
    await alert.getByText(/Excel 文件无法直接读取/).waitFor();
    await pick(page, '数据.json', Buffer.from('{"app":"nianbao-zhushou","reports":['), 'application/json');
    await alert.getByText(/JSON 文件无法读取：文件内容不完整或已损坏/).waitFor();
    await pick(page, '2019年报.html', corpus('2019-shanghai-office-1.html'), 'text/html');
    await page.getByText(/这是 2019 年的报告，与本年相同/).waitFor();
    assert.equal(await page.getByRole('button', { name: '保存为上年数据' }).isDisabled(), true);
    await page.close();
    const other = await openImport({ site: 'cms.sh.gov.cn', body: '某区统计局', year: '2020' });
    await pick(other, '2019年报.html', corpus('2019-shanghai-office-1.html'), 'text/html');
    await other.getByText(/属于「上海市人民政府办公厅」，不是本单位「某区统计局」/).waitFor();
    await other.close();
    assert.deepEqual(await storage(), {});
  });
});
