// Import limits in real Chromium with the MV3 build: a .docx zip bomb (465 KB holding 150 MB of XML) and a
// 5,000-page PDF, both made here, get their plain messages within seconds, and the options page's heap
// stays bounded (the bomb is refused from its zip directory; the PDF is read to page 60 only).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startSession } from './fixture.mjs';
import { pdfOfPages, zipBombDocx } from '../make-files.mjs';

let session;
before(async () => (session = await startSession()));
after(() => session?.close());

async function openImport() {
  const page = await session.openExtensionPage('options.html#import?site=127.0.0.1&year=2024');
  await page.getByRole('heading', { name: '导入上年报告' }).waitFor();
  return page;
}

const heapMB = (page) => page.evaluate(() => performance.memory.usedJSHeapSize / 1048576);

async function importAndWait(page, name, bytes) {
  const started = Date.now();
  await page.getByLabel(/选择文件/).setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) });
  const alert = page.getByRole('alert');
  await alert.waitFor({ timeout: 30000 });
  return { text: await alert.textContent(), seconds: (Date.now() - started) / 1000 };
}

describe('import limits in the options page', () => {
  test('a .docx zip bomb is refused with a plain message, quickly, without inflating it', async () => {
    const page = await openImport();
    const before = await heapMB(page);
    const { text, seconds } = await importAndWait(page, '2023年报.docx', zipBombDocx(150));
    assert.match(text, /文件「2023年报\.docx」解压后文字部分有 150\.0 MB，远超一份年报的大小/);
    console.log(`zip bomb: refused in ${seconds.toFixed(2)} s, heap ${before.toFixed(1)} → ${(await heapMB(page)).toFixed(1)} MB`);
    // Inflating it took 150 s and 2.5 GB before the limit; the directory check is instant.
    assert.ok(seconds < 10, `took ${seconds} s`);
    assert.ok((await heapMB(page)) - before < 100, 'heap grew by more than 100 MB');
    await page.close();
  });

  test('a 5,000-page PDF is read only as far as a report can go and answered within seconds', async () => {
    const page = await openImport();
    const before = await heapMB(page);
    const { text, seconds } = await importAndWait(page, 'big.pdf', pdfOfPages(5000));
    assert.match(text, /没有在「big\.pdf」中找到政府信息公开年报统计表/);
    console.log(`5,000-page PDF: answered in ${seconds.toFixed(2)} s, heap ${before.toFixed(1)} → ${(await heapMB(page)).toFixed(1)} MB`);
    assert.ok(seconds < 20, `took ${seconds} s`);
    assert.ok((await heapMB(page)) - before < 200, 'heap grew by more than 200 MB');
    await page.close();
  });
});
