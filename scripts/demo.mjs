// npm run demo: builds the Chrome MV3 extension, serves the CMS-like backend pages on loopback and opens
// Chromium with the extension on their index. Without a display (or with --headless) it instead visits
// every page, types a wrong figure into 表三 like a clerk would, opens the wrong cell's tooltip and saves a
// screenshot of each page with the popup for that tab beside it.
//   npm run demo                      window (needs DISPLAY)
//   npm run demo -- --headless        screenshots into demo-shots/ (default when there is no DISPLAY)
//   options: --out DIR, --no-build, --only PAGE (one page by name, e.g. ueditor-style)
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureChineseFont, ensureChromium } from './ensure-chromium.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const argv = process.argv.slice(2);
const headless = argv.includes('--headless') || !process.env.DISPLAY;
const outDir = resolve(ROOT, argv.includes('--out') ? argv[argv.indexOf('--out') + 1] : 'demo-shots');

try {
  ensureChromium();
} catch (e) {
  console.error(e.message);
  process.exit(1);
}
if (headless && !ensureChineseFont()) {
  console.log('注意：系统没有中文字体，截图中的汉字会显示为方框（apt-get install fonts-wqy-microhei）。');
}
if (!argv.includes('--no-build')) {
  console.log('▶ 构建扩展（Chrome MV3）…');
  const r = spawnSync(join(ROOT, 'node_modules/.bin/wxt'), ['build'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const { getServiceWorker, launchWithExtension, openCmsPage, PAGES, startServer, typeInCell, VALUES } = await import(
  '../test/e2e/harness.mjs'
);
const { besideShot, openTooltip, popupShot } = await import('./demo-shot.mjs');
const server = await startServer();
const browser = await launchWithExtension({ headless });

if (!headless) {
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto(`${server.url}/`);
  console.log(`\n演示已打开：${server.url}/ （扩展 id ${browser.extensionId}）。关闭浏览器窗口或按 Ctrl+C 结束。`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await browser.close();
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  browser.context.on('close', stop);
} else {
  mkdirSync(outDir, { recursive: true });
  const worker = await getServiceWorker(browser.context);
  const shots = [];
  const index = await browser.context.newPage();
  await index.goto(`${server.url}/`);
  await index.waitForSelector('#pages li');
  shots.push(join(outDir, '00-index.png'));
  await index.screenshot({ path: shots.at(-1) });

  // A clerk mistypes 自然人·本年新收: 41 → 47. The row total and the column balance no longer hold.
  const CELL = 'apply.new.natural';
  const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : null;
  for (const [i, def] of PAGES.entries()) {
    if (only && def.name !== only) continue;
    const file = join(outDir, `${String(i + 1).padStart(2, '0')}-${def.name}.png`);
    try {
      const page = await openCmsPage(browser.context, server, def);
      await typeInCell(page, CELL, '47');
      await page.waitForTimeout(1200);
      const tabId = await worker.evaluate(async () => Math.max(...(await chrome.tabs.query({})).map((t) => t.id)));
      const popup = await popupShot(browser.context, browser.extensionId, tabId);
      await page.bringToFront();
      const box = await openTooltip(page, CELL);
      if (box) await besideShot(browser.context, page, box, popup, file);
      else await page.screenshot({ path: file });
      shots.push(file);
      console.log(`${def.editor}: 表三 自然人·本年新收 ${VALUES[CELL]} → 47，${box ? '已出现提示（截图含打开的提示和弹出窗口）' : '未见提示'}`);
      await page.close();
    } catch (e) {
      console.log(`${def.editor}: 截图失败：${e.message.split('\n')[0]}`);
    }
  }
  await browser.close();
  await server.close();
  console.log('\n截图：');
  for (const s of shots) console.log(`  ${relative(process.cwd(), s)}`);
}
