// Typing in a long narrative and in a table cell beside it, on the live editor pages (kindeditor, ckeditor5): shared
// by bench:page (test/bench/page.mjs, at each CPU rate) and test/bench/page-narrative.mjs. The harness report's
// narrative is padded to ~5,000 characters of figures that agree with the table (a long real-world 总体情况).
// Latencies: input → overlay changed (test/bench/probes.mjs); a new mark minus the 800 ms typing pause.
import { editorFrame, openCmsPage, reportHtml, setContent, typeInCell, VALUES, waitForTables } from '../e2e/harness.mjs';
import { installProbes, lastLatency } from './probes.mjs';
import { overlayOf } from '../e2e/overlay-root.mjs';

const PAUSE = 800; // lib/page/live.ts
const FIRST = '2023年，本机关共收到政府信息公开申请50件';
const FILLER =
  '<p>全年制发行政规范性文件4件，废止1件，现行有效27件。本机关共收到政府信息公开申请50件，上年结转3件，办结50件。' +
  '发生政府信息公开行政复议3件、行政诉讼2件。本年度继续加强政策解读，在门户网站及时发布各类信息，回应社会关切。</p>';

/** The harness report with its narrative padded (also read by test/bench/narrative-edit.ts). */
export function paddedReport() {
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

/**
 * Typing on `name`'s page with the padded report, `rounds` times: in a cell (badge update; the narrative check
 * waits for a pause), then in the narrative (a sentence mark appears after the pause, and clears on the fix).
 * `rate`: the page's CPU slow-down (DevTools Emulation.setCPUThrottlingRate), 1 = none.
 */
export async function narrativeTyping(context, server, name, { rounds = 15, rate = 1 } = {}) {
  const page = await openCmsPage(context, server, name);
  if (rate !== 1) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate });
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
  for (let i = 0; i < rounds; i++) {
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

