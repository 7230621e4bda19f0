// The 批量审核 page in real Chromium with the MV3 build. A folder of 30 reports (HTML as CMS pages hold
// them, Word .docx, two PDFs printed by this Chromium; three broken files, four with a typo, a cross-year
// pair, a parent and its two towns) goes in through the page's folder input (Playwright's setInputFiles with
// the directory, as choosing a folder does; a real drag of a folder cannot be scripted). The table must say
// what the command line's batch audit says for the same files; coverage names the missing bodies; the
// detail marks the mistyped cell; the .xlsx export holds the same rows; the results survive a reload.
// (The long-task test of 100 reports is batch-longtask.test.mjs.)
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tsImport } from 'tsx/esm/api';
import readXlsxFile from 'read-excel-file/node';
import { startSession } from './fixture.mjs';
import { ensureChineseFont } from '../../scripts/ensure-chromium.mjs';

const gen = await tsImport('../bench/batch-reports.ts', import.meta.url);
const { expandInputs } = await tsImport('../../lib/cli/files.ts', import.meta.url);
const { readPath } = await tsImport('../../lib/cli/batch-worker.ts', import.meta.url);
const { auditBatch } = await tsImport('../../lib/batch/audit.ts', import.meta.url);
const { uniqueNames } = await tsImport('../../lib/batch/files.ts', import.meta.url);
const { parseParent } = await tsImport('../../lib/batch/parent.ts', import.meta.url);
const { resultRows, resultHead } = await tsImport('../../lib/batch/table.ts', import.meta.url);

const PARENT = '东湖区人民政府';
const TOWNS = [gen.bodyName(45), gen.bodyName(49)]; // 东湖区第1镇人民政府, 东湖区第2镇人民政府
const EXTRA = ['示例县审计局', '西山县第9镇人民政府'];
const PARENT_SPEC = `${PARENT}=${TOWNS.join('、')}`;

let session;
let dir;
const made = [];

/** The 30 files, written to a fresh folder: what each one is, for the assertions. */
async function makeFolder(page) {
  dir = mkdtempSync(join(tmpdir(), 'nb-batch-e2e-'));
  const folder = join(dir, '各单位年报');
  mkdirSync(join(folder, '乡镇'), { recursive: true });
  const put = (name, data) => {
    writeFileSync(join(folder, name), data);
    made.push(name);
  };
  for (let n = 0; n < 19; n++) {
    const s = gen.synthetic(n, 2023, n % 5 === 2);
    const name = String(n).padStart(2, '0');
    if (n === 3 || n === 8) {
      await page.setContent(gen.reportHtml(s));
      put(`${name}.pdf`, await page.pdf());
    } else if (n % 4 === 1) put(`${name}.docx`, await gen.reportWord(s));
    else put(`${name}.html`, gen.reportHtml(s));
  }
  // cross-year: last year's report of body 0
  put('00-2022.html', gen.reportHtml(gen.synthetic(0, 2022, false)));
  // a parent whose 表三 is its towns' sum, but for one cell
  const towns = [45, 49].map((n) => gen.synthetic(n, 2023, false));
  towns.forEach((t, k) => put(`乡镇/town-${k + 1}.html`, gen.reportHtml(t)));
  const sum = {};
  for (const id of Object.keys(towns[0].values)) {
    const a = towns[0].values[id];
    const b = towns[1].values[id];
    sum[id] = a === null && b === null ? null : (a ?? 0) + (b ?? 0);
  }
  sum['apply.new.natural'] += 5;
  sum['apply.new.total'] += 5;
  sum['apply.total.natural'] += 5;
  sum['apply.total.total'] += 5;
  sum['apply.granted.natural'] += 5;
  sum['apply.granted.total'] += 5;
  put('parent.html', gen.reportHtml({ body: PARENT, year: 2023, values: sum }));
  for (let n = 19; n < 23; n++) put(`${n}.html`, gen.reportHtml(gen.synthetic(n, 2023, false)));
  put('broken.pdf', 'not a pdf at all');
  put('broken.docx', 'PK not really a word file');
  put('empty.html', '<html><body><p>本单位今年没有统计表</p></body></html>');
  return folder;
}

/**
 * What the command line says for the same folder (and its 乡镇 sub-folder), with the parent option on: the
 * functions `check --batch` composes (lib/cli/files, lib/batch), run in this process rather than over worker
 * threads, which would each start TypeScript anew (a minute on a busy 2-core machine).
 */
async function commandLine(folder) {
  const items = await expandInputs([folder, join(folder, '乡镇')]);
  const read = [];
  for (const p of items) read.push(...(await readPath(p)));
  return { rows: auditBatch(uniqueNames(read), { parents: [parseParent(PARENT_SPEC)] }) };
}

before(async () => {
  assert.ok(ensureChineseFont(), '没有中文字体：打印 PDF 需要中文字体（fonts-wqy-microhei）');
  session = await startSession();
});
after(async () => {
  await session?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const rowsOf = (page) =>
  page.locator('tr[data-row]').evaluateAll((trs) =>
    trs.map((tr) => ({
      id: tr.getAttribute('data-row'),
      state: tr.getAttribute('data-state'),
      error: Number(tr.querySelector('[data-col="error"]').textContent),
      warning: Number(tr.querySelector('[data-col="warning"]').textContent),
    })),
  );

describe('批量审核 page', () => {
  test('a folder of 30 reports: progress to the end, the command line’s states and counts, coverage, detail, .xlsx', async () => {
    const t0 = Date.now();
    const maker = await session.context.newPage();
    const folder = await makeFolder(maker);
    await maker.close();
    assert.equal(made.length, 30);
    console.log(`# folder made: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const cli = await commandLine(folder);
    console.log(`# command line: ${((Date.now() - t0) / 1000).toFixed(1)} s`);

    await session.storage.clear();
    const page = await session.openBatch();
    await page.locator('input[data-input="folder"]').setInputFiles(folder);
    await page.locator('[data-progress]').filter({ hasText: '已审核 30 / 30' }).or(page.getByText('审核完成：共 30 份文件')).first().waitFor({ timeout: 120_000 });
    await page.getByText('审核完成：共 30 份文件').waitFor({ timeout: 60_000 });
    console.log(`# page audited: ${((Date.now() - t0) / 1000).toFixed(1)} s`);

    // the parent option, as the command line was run
    await page.locator('textarea[aria-label="本级与所属单位"]').fill(PARENT_SPEC);
    await page.getByLabel('核对「本级 = 所属单位合计」（表三）').check();
    await page.locator(`tr[data-row="parent.html"][data-state="yellow"], tr[data-row="parent.html"][data-state="red"]`).waitFor({ timeout: 30_000 });

    const shown = await rowsOf(page);
    const expected = cli.rows.map((r) => ({ id: r.id, state: r.state, error: r.counts.error, warning: r.counts.warning }));
    const byId = (a) => [...a].sort((x, y) => (x.id < y.id ? -1 : 1));
    assert.deepEqual(byId(shown), byId(expected), 'the page’s states and counts are the command line’s');
    const states = Object.fromEntries(['red', 'yellow', 'green', 'grey'].map((s) => [s, shown.filter((r) => r.state === s).length]));
    assert.equal(states.grey, 3, 'the three broken files are grey');
    assert.ok(states.red >= 4, `the four typos are red (${JSON.stringify(states)})`);
    for (const s of ['red', 'yellow', 'green', 'grey']) assert.match(await page.locator(`.summary [data-state="${s}"]`).textContent(), new RegExp(`${states[s]}\\s*份`));
    assert.match(await page.locator('tr[data-row="broken.pdf"] [data-col="reason"]').textContent(), /PDF/);
    const parentRow = cli.rows.find((r) => r.id === 'parent.html');
    assert.ok(parentRow.problems.some((p) => p.rule === 'B-PARENT' && p.severity === 'warning'), 'the command line finds the parent’s difference');

    // coverage: every body of the folder plus two that sent nothing
    const bodies = [...new Set(cli.rows.filter((r) => r.body && r.year === 2023).map((r) => r.body)), ...EXTRA];
    await page.locator('textarea[aria-label="所辖单位名单"]').fill(bodies.join('\n'));
    await page.getByRole('button', { name: '使用这份名单' }).click();
    assert.deepEqual(await page.locator('ul.missing li[data-body]').evaluateAll((li) => li.map((l) => l.getAttribute('data-body'))), EXTRA);

    // the detail of a report with a typo marks the mistyped cell
    const typoRow = cli.rows.find((r) => r.state === 'red' && r.problems.some((p) => p.target));
    const target = typoRow.problems.find((p) => p.target).target;
    await page.locator(`tr[data-row="${typoRow.id}"] button.link`).click();
    const detail = page.locator(`[data-detail="${typoRow.id}"]`);
    await detail.waitFor();
    assert.match(await detail.locator(`td[data-cell="${target}"]`).first().getAttribute('class'), /mark-error/);
    assert.ok(await detail.locator(`li[data-cell="${target}"]`).count(), 'the problem is listed on its cell');
    // last year's report beside this year's for the cross-year pair
    await page.locator(`tr[data-row="00.html"] button.link`).click();
    await page.locator('[data-detail="00.html"] .prior h3').filter({ hasText: '00-2022.html' }).waitFor();

    // .xlsx export: the same rows as the command line's results table
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel（.xlsx）' }).click()]);
    const file = join(dir, 'out.xlsx');
    await download.saveAs(file);
    const sheets = await readXlsxFile(file);
    const results = sheets.find((s) => s.sheet === '审核结果').data;
    assert.deepEqual(results[0], resultHead());
    const norm = (rows) => rows.map((r) => r.map((c) => (c === null || c === undefined ? '' : String(c)))).sort((a, b) => (a[0] < b[0] ? -1 : 1));
    assert.deepEqual(norm(results.slice(1)), norm(resultRows(cli.rows)));

    // results survive a reload
    await page.reload();
    await page.locator('tr[data-row]').first().waitFor({ timeout: 30_000 });
    assert.equal(await page.locator('tr[data-row]').count(), 30);
    assert.match(await page.locator('[data-notice]').textContent(), /已载入上次的审核结果/);
    assert.deepEqual(page.pageErrors, []);
    await page.close();
    console.log(`# 30-report folder: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  });
});
