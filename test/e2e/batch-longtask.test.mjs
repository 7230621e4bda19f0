// The 批量审核 page stays responsive: while 100 reports (HTML as CMS pages hold them, some with a typo) are
// read and audited in the page's workers, a PerformanceObserver records the page's long tasks; the longest
// must stay under 100 ms. Long tasks are wall time: on a machine whose load is far above its cores (other
// test runs), every task stretches by the same factor, so there the figure is printed and not asserted.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { tsImport } from 'tsx/esm/api';
import { startSession } from './fixture.mjs';

const gen = await tsImport('../bench/batch-reports.ts', import.meta.url);

let session;
let dir;
before(async () => {
  session = await startSession();
});
after(async () => {
  await session?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('while 100 reports are audited the longest main-thread task stays under 100 ms', async (t) => {
  const t0 = Date.now();
  dir = mkdtempSync(join(tmpdir(), 'nb-batch-long-'));
  const many = join(dir, '一百份');
  mkdirSync(many, { recursive: true });
  for (let n = 0; n < 100; n++) writeFileSync(join(many, `${String(n).padStart(3, '0')}.html`), gen.reportHtml(gen.synthetic(200 + n, 2023, n % 9 === 4)));
  await session.storage.clear();
  const page = await session.openBatch();
  await page.evaluate(() => {
    window.__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
    }).observe({ type: 'longtask' });
  });
  await page.locator('input[data-input="folder"]').setInputFiles(many);
  await page.getByText('审核完成：共 100 份文件').waitFor({ timeout: 240_000 });
  await page.waitForTimeout(300);
  const longest = await page.evaluate(() => window.__longest);
  console.log(`# 100 reports: longest main-thread task ${Math.round(longest)} ms; ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  assert.match(await page.locator('.summary').textContent(), /绿：通过\s*\d+\s*份/);
  assert.equal(await page.locator('tr[data-row]').count(), 30, 'a page of 30 rows, the rest a click away');
  await page.getByRole('button', { name: '全部显示' }).click();
  assert.equal(await page.locator('tr[data-row]').count(), 100);
  const busy = loadavg()[0] / cpus().length;
  if (busy > 2) {
    t.diagnostic(`machine busy (load ${loadavg()[0].toFixed(1)} on ${cpus().length} cores): longest task ${Math.round(longest)} ms not asserted`);
    t.skip(`machine busy (load per core ${busy.toFixed(1)} > 2): the figure is printed above, not asserted`);
  } else assert.ok(longest < 100, `longest task ${longest} ms`);
  await page.close();
});
