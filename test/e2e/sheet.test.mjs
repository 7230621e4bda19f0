// The printable 审核单 in real Chromium with the MV3 build: opened for a saved report (as the options page's
// 「打印审核单」 link does) and for a popup handoff in storage.session; it shows the body, year, the three
// tables with the wrong cell marked, the problems and confirmations; print media hides the buttons; Chromium's
// own print to PDF gives one A4 page holding the body and year. A screenshot goes to /tmp/sheet.png.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PRIOR_2022, REPORT_YEAR, VALUES } from './harness.mjs';
import { reportKey, startSession } from './fixture.mjs';
import { describeProblems, plainChineseInPage } from '../helpers/plain-chinese.mjs';
import { ensureChineseFont } from '../../scripts/ensure-chromium.mjs';

const BODY = '滨江区人民政府办公室';
const SITE = '127.0.0.1';
const keyOf = (year) => reportKey(SITE, BODY, year);
const numbers = Object.fromEntries(Object.entries(VALUES).map(([k, v]) => [k, Number(v)]));
const record = (year, values) => ({ version: 2, site: SITE, body: BODY, year, format: 'gov2021', values, source: 'page', savedAt: '2024-01-15T02:00:00.000Z' });

// The fixture's figures with one mistyped cell (强制性), and last year's carry-forward differing from this
// year's 上年结转 for natural persons (核实性).
const WRONG = 'apply.granted.natural';
const typed = { ...numbers, [WRONG]: numbers[WRONG] + 10 };
const prior = { ...PRIOR_2022, 'apply.carryForward.natural': PRIOR_2022['apply.carryForward.natural'] + 1, 'apply.carryForward.total': PRIOR_2022['apply.carryForward.total'] + 1 };

let session;
before(async () => {
  // Without a Chinese font Chromium prints boxes, and the PDF's text cannot be read back.
  assert.ok(ensureChineseFont(), '没有中文字体：请以 root 身份运行测试（会安装 fonts-wqy-microhei），或先安装任一中文字体');
  session = await startSession();
});
after(() => session?.close());

async function openSheet(query) {
  const page = await session.openExtensionPage(`sheet.html?${query}`);
  await page.locator('main.sheet h1').waitFor({ timeout: 15_000 });
  return page;
}

async function pdfText(buffer) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(buffer), useSystemFonts: false, isEvalSupported: false }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    text += content.items.map((it) => it.str ?? '').join('') + '\n';
  }
  return { text, pages: doc.numPages };
}

describe('审核单 (printable check sheet)', () => {
  test('a saved report: body, year, tables with the wrong cell marked, problems, state; prints to one A4 PDF page', async () => {
    await session.storage.clear();
    await session.storage.set({ [keyOf(REPORT_YEAR)]: record(REPORT_YEAR, typed), [keyOf(REPORT_YEAR - 1)]: record(REPORT_YEAR - 1, prior) });
    const page = await openSheet(`key=${encodeURIComponent(keyOf(REPORT_YEAR))}`);

    assert.equal(await page.locator('[data-fact="body"]').textContent(), BODY);
    assert.equal(await page.locator('[data-fact="year"]').textContent(), `${REPORT_YEAR}年`);
    assert.match(await page.locator('[data-fact="time"]').textContent(), /^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
    // The three tables as typed, the mistyped value in its cell, the cell marked.
    assert.deepEqual(await page.locator('.official h3').allTextContents().then((t) => t.map((s) => s.slice(0, 1))), ['二', '三', '四']);
    const wrong = page.locator(`td[data-cell="${WRONG}"]`);
    assert.match(await wrong.textContent(), new RegExp(`^${typed[WRONG]}`));
    assert.match(await wrong.getAttribute('class'), /mark-error/);
    // Problems listed, and the state counts exactly the 强制性 ones listed.
    const errors = await page.locator('section.items.error li').count();
    assert.ok(errors >= 1, 'the mistyped cell is listed as a 强制性问题');
    assert.equal(await page.locator('[data-state] strong').textContent(), `强制性问题 ${errors} 个`);
    assert.ok((await page.locator('section.items.warning li').allTextContents()).some((t) => t.includes('上年结转')), 'the cross-year 核实性 warning is listed');
    assert.equal(await page.locator(`td[data-cell="apply.carried.natural"]`).getAttribute('class'), 'mark-warning');

    // Print: no buttons on paper; one A4 page holding the body and the year.
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.getByRole('button', { name: '打印审核单' }).isVisible(), false);
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    writeFileSync(join(tmpdir(), 'sheet.pdf'), pdf);
    const { text, pages } = await pdfText(pdf);
    const flat = text.replace(/\s+/g, '');
    assert.ok(flat.includes(BODY), 'the PDF holds the body');
    assert.ok(flat.includes(`${REPORT_YEAR}年`), 'the PDF holds the year');
    assert.ok(flat.includes(`强制性问题${errors}个`), 'the PDF holds the state');
    assert.equal(pages, 1, 'one A4 page');

    await page.screenshot({ path: join(tmpdir(), 'sheet.png'), fullPage: true });
    assert.equal(describeProblems(await plainChineseInPage(page)), '');
    assert.deepEqual(page.pageErrors.map(String), []);
    await page.close();
  });

  test('the options page\'s saved list opens the sheet of that year in a new tab', async () => {
    // The storage still holds the two years of the first test.
    const options = await session.openExtensionPage('options.html');
    const link = options.locator(`tr[data-key="${keyOf(REPORT_YEAR)}"]`).getByRole('link', { name: '打印审核单' });
    const [sheet] = await Promise.all([session.context.waitForEvent('page'), link.click()]);
    await sheet.locator('main.sheet h1').waitFor({ timeout: 15_000 });
    assert.equal(await sheet.locator('[data-fact="year"]').textContent(), `${REPORT_YEAR}年`);
    assert.equal(await sheet.locator(`td[data-cell="${WRONG}"]`).getAttribute('class'), 'mark-error');
    await sheet.close();
    await options.close();
  });

  test('the popup\'s handoff in storage.session, with a confirmed warning and its note', async () => {
    await session.storage.clear();
    const input = { format: 'gov2021', year: REPORT_YEAR, values: numbers, body: BODY };
    const priorInput = { format: 'gov2021', year: REPORT_YEAR - 1, values: prior };
    // The confirmation names the X-CARRY warning of natural persons as the engine reports it.
    const page0 = await openSheet(`session=probe`); // no handoff yet: a plain message
    assert.match(await page0.getByRole('alert').textContent(), /已过期/);
    await page0.close();
    const note = '上年结转的1件已于上年底撤回';
    await session.worker.evaluate(
      (h) => chrome.storage.session.set({ 'sheet:t1': h }),
      { input, prior: priorInput, confirmations: [{ rule: 'X-CARRY', cells: ['apply.carried.natural'], note, values: { 'apply.carried.natural': numbers['apply.carried.natural'] } }] },
    );
    const page = await openSheet('session=t1');
    assert.equal(await page.locator('[data-state] strong').textContent(), '未发现强制性问题');
    const confirmed = await page.locator('section.items.confirmed li').allTextContents();
    assert.equal(confirmed.length, 1);
    assert.ok(confirmed[0].includes(`核实说明：${note}`));
    assert.ok(!(await page.locator('section.items.warning li').allTextContents()).some((t) => t.includes('自然人')), 'the confirmed warning is not also open');
    assert.equal(await page.locator('td[data-cell="apply.carried.natural"]').getAttribute('class'), 'mark-confirmed');
    assert.deepEqual(page.pageErrors.map(String), []);
    await page.close();
  });
});
