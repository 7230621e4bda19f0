// `node test/bench/page-narrative.mjs`: the live narrative check (P-TEXT) in real Chromium with the built MV3
// extension (`npm run build` first, or NIANBAO_EXTENSION_DIR). The harness report's narrative is padded to
// ~5,000 characters of figures that agree with the table (a long real-world 总体情况), then it prints, for
// KindEditor and CKEditor 5:
//  1. typing in a table cell: input → badge update (the narrative check waits for a pause in typing);
//  2. typing in the narrative: input → sentence mark cleared when the figure is corrected, and input → new
//     mark minus the 800 ms pause.
// Target p95 < 16 ms. The keystroke/overlay probes are test/bench/probes.mjs, shared with page.mjs.
import {
  EXTENSION_DIR, editorFrame, launchWithExtension, openCmsPage, reportHtml, setContent, startServer, typeInCell, VALUES, waitForTables,
} from '../e2e/harness.mjs';
import { fmt, installProbes, lastLatency } from './probes.mjs';
import { overlayOf } from '../e2e/overlay-root.mjs';

const EXT = process.env.NIANBAO_EXTENSION_DIR ?? EXTENSION_DIR;
const PAUSE = 800; // lib/page/live.ts
const ROUNDS = Number(process.env.ROUNDS ?? 15);
const PAGES = (process.env.PAGES ?? 'kindeditor,ckeditor5').split(',');
const FIRST = '2023年，本机关共收到政府信息公开申请50件';
const FILLER =
  '<p>全年制发行政规范性文件4件，废止1件，现行有效27件。本机关共收到政府信息公开申请50件，上年结转3件，办结50件。' +
  '发生政府信息公开行政复议3件、行政诉讼2件。本年度继续加强政策解读，在门户网站及时发布各类信息，回应社会关切。</p>';

function paddedReport() {
  const html = reportHtml();
  const at = html.indexOf('<p>二、主动公开政府信息情况</p>');
  if (at < 0) throw new Error('report layout changed');
  return html.slice(0, at) + FILLER.repeat(40) + html.slice(at);
}

const present = (page, sel, want, timeout = 3000) =>
  overlayOf(page).waitFor((root, [s, w]) => !!root?.querySelector(s) === w, [sel, want], { timeout, polling: 10 });

/** Click right after the first sentence's two-digit figure (…申请50), select it (Shift+←, twice) and type `figure` over it. */
async function retypeFigure(page, frame, figure) {
  const box = await frame.evaluate((first) => {
    const root = window.top.__cms.editorRoot();
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.nodeValue.search(/本机关共收到政府信息公开申请\d+件，上年结转/);
      if (i < 0) continue;
      const end = n.nodeValue.indexOf('件', i);
      n.parentElement.scrollIntoView({ block: 'center' });
      const r = document.createRange();
      r.setStart(n, end - 1);
      r.setEnd(n, end);
      const b = r.getBoundingClientRect();
      let x = b.right - 1;
      let y = (b.top + b.bottom) / 2;
      for (let w = window; w !== window.top; w = w.parent) {
        const fr = w.frameElement.getBoundingClientRect();
        x += fr.left + w.frameElement.clientLeft;
        y += fr.top + w.frameElement.clientTop;
      }
      return { x, y };
    }
    throw new Error(`no ${first}`);
  }, FIRST);
  await page.mouse.click(box.x, box.y);
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.type(figure, { delay: 0 });
}

async function measure(context, server, name) {
  const page = await openCmsPage(context, server, name);
  await waitForTables(page, 1);
  await setContent(page, paddedReport());
  await page.waitForTimeout(500);
  const frame = await editorFrame(page);
  const chars = await frame.evaluate(() => window.top.__cms.editorRoot().textContent.length);
  await installProbes(page, frame);
  const out = { cellUpdate: [], markCleared: [], markAppears: [] };
  const cell = 'apply.new.natural';
  const badge = `button[data-cell="${cell}"]:not([data-kind])`;
  const mark = 'button[data-kind="sentence"][data-cell]:not([hidden])';
  for (let i = 0; i < ROUNDS; i++) {
    await typeInCell(page, cell, String(50 + i), { delay: 0 });
    await present(page, badge, true);
    await typeInCell(page, cell, String(80 + i), { delay: 0 });
    await page.waitForTimeout(100);
    const upd = await lastLatency(page);
    if (upd !== null) out.cellUpdate.push(upd);
    await typeInCell(page, cell, VALUES[cell], { delay: 0 });
    await present(page, badge, false);

    await retypeFigure(page, frame, String(60 + i));
    await present(page, mark, true);
    const appear = await lastLatency(page);
    if (appear !== null) out.markAppears.push(appear - PAUSE);
    await retypeFigure(page, frame, '50');
    await present(page, mark, false);
    const clr = await lastLatency(page);
    if (clr !== null) out.markCleared.push(clr);
  }
  await page.close();
  return { chars, out };
}

const server = await startServer();
const browser = await launchWithExtension({ extensionDir: EXT });
try {
  for (const name of PAGES) {
    const { chars, out } = await measure(browser.context, server, name);
    console.log(`${name} (editor text ${chars} characters):`);
    console.log(`  typing in a cell → badge update (narrative deferred): ${fmt(out.cellUpdate)}`);
    console.log(`  typing in the narrative → sentence mark cleared:        ${fmt(out.markCleared)}`);
    console.log(`  typing in the narrative → new mark, minus the pause:    ${fmt(out.markAppears)}`);
  }
} finally {
  await browser.close();
  await server.close();
}
