// The narrative typed in the same editor is checked live (P-TEXT), in real Chromium with the built extension:
//  - a sentence quoting a figure that disagrees with the table gets an amber badge on the cell it names and a
//    mark over the sentence itself (boxes in the overlay over the sentence's lines, within a few px), with the
//    message on hover and focus; the mark follows the editor's scroll;
//  - correcting the figure by typing removes both, and no new mark flashes up while the figure is retyped;
//  - the editor's saved output is byte-identical after the same typing with and without the extension.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  editorFrame, openCmsPage, reportHtml, savedOutput, setContent, waitForTables,
} from './harness.mjs';
import { inTurn, startSession } from './fixture.mjs';
import { overlayOf } from './overlay-root.mjs';

const PAUSE = 800; // lib/page/live.ts default
const PAGES = ['kindeditor', 'ckeditor5'];
const CELL = 'apply.new.total'; // 本年新收·总计 = 50 in the harness report
const GOOD = '本机关共收到政府信息公开申请50件';
const WRONG = '本机关共收到政府信息公开申请60件';
// The sentence P-TEXT quotes (from 2023年 to the first 。), as the narrative check cuts it.
const SENTENCE = '2023年，本机关共收到政府信息公开申请60件，上年结转3件，办结50件，结转下年度继续办理3件';
const TOLERANCE = 3;

const wrongReport = () => {
  const html = reportHtml();
  assert.ok(html.includes(GOOD), 'the harness report quotes 50 received applications');
  return html.replace(GOOD, WRONG);
};

/** The overlay's view of one cell: its cell badge, its sentence marks (badge + line boxes), all in the top viewport. */
function overlayState(page, cell) {
  return overlayOf(page).evaluate((root, c) => {
    const box = (el) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    };
    const badge = root?.querySelector(`button[data-cell="${c}"]:not([data-kind])`);
    const marks = [...(root?.querySelectorAll(`button[data-kind="sentence"][data-cell="${c}"]`) ?? [])].map((b) => ({
      hidden: b.hidden,
      severity: b.dataset.severity,
      tip: b.nextElementSibling?.textContent ?? '',
      box: box(b),
      lines: [...b.parentElement.querySelectorAll('.m')].filter((m) => !m.hidden).map(box),
    }));
    return { badge: badge ? { hidden: badge.hidden, severity: badge.dataset.severity, tip: badge.nextElementSibling?.textContent ?? '' } : null, marks };
  }, cell);
}

/**
 * The client rects of `text` in the editor's document, in the top viewport (adding the border-box offsets of
 * every enclosing iframe). Reads the DOM only.
 */
async function textRects(page, text) {
  const frame = await editorFrame(page);
  return frame.evaluate((t) => {
    const root = window.top.__cms.editorRoot();
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes = [];
    let all = '';
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push([n, all.length]);
      all += n.nodeValue;
    }
    const at = all.indexOf(t);
    if (at < 0) return null;
    const find = (i, end) => {
      for (let k = nodes.length - 1; k >= 0; k--) {
        const [n, s] = nodes[k];
        if (end ? s < i : s <= i) return [n, i - s];
      }
      return null;
    };
    const range = document.createRange();
    range.setStart(...find(at, false));
    range.setEnd(...find(at + t.length, true));
    let x = 0;
    let y = 0;
    for (let w = window; w !== window.top; w = w.parent) {
      const fe = w.frameElement;
      const r = fe.getBoundingClientRect();
      x += r.left + fe.clientLeft;
      y += r.top + fe.clientTop;
    }
    return [...range.getClientRects()].filter((r) => r.width >= 1).map((r) => ({ left: r.left + x, top: r.top + y, right: r.right + x, bottom: r.bottom + y }));
  }, text);
}

const union = (rs) => ({
  left: Math.min(...rs.map((r) => r.left)),
  top: Math.min(...rs.map((r) => r.top)),
  right: Math.max(...rs.map((r) => r.right)),
  bottom: Math.max(...rs.map((r) => r.bottom)),
});

async function assertMarkOnSentence(page, what) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const want = union(await textRects(page, SENTENCE));
  const { marks } = await overlayState(page, CELL);
  assert.equal(marks.length, 1, `${what}: one sentence mark`);
  const got = union(marks[0].lines);
  for (const k of ['left', 'top', 'right', 'bottom'])
    assert.ok(Math.abs(got[k] - want[k]) <= TOLERANCE, `${what}: mark ${JSON.stringify(got)} vs sentence ${JSON.stringify(want)} (${k})`);
  // its badge sits above the end of the last line, off the characters that follow the sentence
  const last = marks[0].lines.at(-1);
  const b = marks[0].box;
  assert.ok(!marks[0].hidden && b.bottom <= last.top + 1 && Math.abs((b.left + b.right) / 2 - last.right) <= TOLERANCE, `${what}: badge ${JSON.stringify(b)} above the end of ${JSON.stringify(last)}`);
}

/** Scroll whatever holds the editor: its iframe's document, else the page. */
async function scrollEditor(page, dy) {
  const frame = await editorFrame(page);
  if (frame !== page.mainFrame()) await frame.evaluate((d) => document.scrollingElement.scrollBy(0, d), dy);
  else await page.evaluate((d) => window.scrollBy(0, d), dy);
}

/** Put the caret right after the wrong figure's "60" with a click, delete it and type 50, key by key. */
async function correctFigure(page) {
  const [r] = await textRects(page, '60件');
  const zero = await textRects(page, WRONG.slice(0, -1)); // ends with …60
  const end = zero.at(-1);
  await page.mouse.click(end.right - 1, (end.top + end.bottom) / 2);
  assert.ok(r, 'the wrong figure is on screen');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('50', { delay: 30 });
}

// The baselines without the extension are typed in a second browser while the tests run in this one.
let server, withExt, session, savedWithout;

before(async () => ({ server, browser: withExt } = session = await startSession({
  plainAlongside: (context, server) => {
    savedWithout = inTurn(PAGES, (name) => name, async (name) => {
      const page = await openCmsPage(context, server, name);
      await setContent(page, wrongReport());
      await page.waitForTimeout(300);
      await correctFigure(page);
      await page.waitForTimeout(300);
      const saved = await savedOutput(page);
      await page.close();
      return saved;
    });
    return Promise.all(savedWithout.values());
  },
})));

after(() => session?.close());

describe('in a contenteditable editor only the editor\'s text is the narrative', () => {
  for (const name of ['ckeditor5', 'wangeditor']) {
    test(`${name}: a wrong figure in the CMS page around the editor is not checked; the same sentence in the editor is`, async () => {
      const page = await openCmsPage(withExt.context, server, name);
      await waitForTables(page, 1);
      // The CMS's own help text above the editor, quoting a figure the table does not hold.
      await page.evaluate((w) => {
        const note = document.createElement('p');
        note.className = 'cms-help';
        note.textContent = `填写示例：2023年，${w}，上年结转3件。`;
        document.querySelector('.cms-field, form, main, body').before(note);
      }, WRONG);
      await setContent(page, reportHtml());
      await page.waitForTimeout(PAUSE + 900);
      assert.deepEqual(await overlayState(page, CELL), { badge: null, marks: [] }, 'no P-TEXT from the page around the editor');
      await setContent(page, wrongReport());
      await overlayOf(page).waitFor((root, c) => !!root?.querySelector(`button[data-cell="${c}"]`), CELL, { timeout: 5000 });
      const s = await overlayState(page, CELL);
      assert.match(s.badge?.tip ?? s.marks[0]?.tip ?? '', /申请60件|申请 60件/);
      assert.deepEqual(page.pageErrors.map(String), []);
      await page.close();
    });
  }
});

describe('the narrative is checked live in the editor', () => {
  for (const name of PAGES) {
    test(`${name}: a sentence disagreeing with the table is marked in the overlay and at its cell; typing the right figure clears both`, async (t) => {
      const page = await openCmsPage(withExt.context, server, name);
      await waitForTables(page, 1);
      assert.deepEqual(await overlayState(page, CELL), { badge: null, marks: [] }, 'the harness report agrees with itself');

      await setContent(page, wrongReport());
      await overlayOf(page).waitFor((root, c) => {
        return !!root?.querySelector(`button[data-kind="sentence"][data-cell="${c}"]:not([hidden])`) && !!root.querySelector(`button[data-cell="${c}"]:not([data-kind])`);
      }, CELL, { timeout: 5000 });
      const s = await overlayState(page, CELL);
      assert.equal(s.badge.severity, 'warning', 'P-TEXT is 核实性 (amber) at the cell (hidden while the cell is scrolled out of view)');
      assert.match(s.badge.tip, /正文“2023年，本机关共收到政府信息公开申请60件/);
      assert.equal(s.marks[0].severity, 'warning');
      assert.match(s.marks[0].tip, /核实性问题 · 正文与表三·一、本年新收政府信息公开申请数量·总计不一致/);
      assert.match(s.marks[0].tip, /申请 60件，与表格不一致：表三·一、本年新收政府信息公开申请数量·总计 50，相差 10/);
      await assertMarkOnSentence(page, 'after setContent');

      // Hovering and focusing the sentence's badge shows the message.
      const markBadge = overlayOf(page).locator(`button[data-kind="sentence"][data-cell="${CELL}"]`);
      const tipShown = () => markBadge.evaluate((b) => getComputedStyle(b.nextElementSibling).display !== 'none');
      assert.equal(await tipShown(), false);
      await markBadge.hover();
      assert.equal(await tipShown(), true, 'tooltip on hover');
      await page.mouse.move(0, 0);
      await markBadge.focus();
      assert.equal(await tipShown(), true, 'tooltip on focus');
      await markBadge.evaluate((b) => b.blur());
      assert.equal(await tipShown(), false);

      // The mark follows the editor's scroll.
      for (const dy of [30, -30]) {
        await scrollEditor(page, dy);
        await assertMarkOnSentence(page, `after scrolling by ${dy}px`);
      }

      // The clerk corrects the figure in the text: both go, and no mark flashes while 50 is typed.
      await overlayOf(page).evaluate((root) => {
        window.__marks = [];
        new MutationObserver(() => window.__marks.push(!!root.querySelector('[data-kind="sentence"][data-cell]'))).observe(root, { childList: true, subtree: true, attributes: true });
      });
      await correctFigure(page);
      const fixedAt = Date.now();
      await overlayOf(page).waitFor((root, c) => !root.querySelector(`[data-cell="${c}"]`), CELL, { timeout: PAUSE }).catch(async (e) => {
        const text = await (await editorFrame(page)).evaluate(() => window.top.__cms.editorRoot().textContent.slice(0, 200));
        throw new Error(`${e.message}\n${text}\n${JSON.stringify(await overlayState(page, CELL))}`);
      });
      t.diagnostic(`badge and sentence mark cleared ${Date.now() - fixedAt} ms after the last keystroke`);
      await page.waitForTimeout(PAUSE + 300);
      assert.deepEqual(await overlayState(page, CELL), { badge: null, marks: [] });
      const seen = await page.evaluate(() => window.__marks);
      assert.ok(seen.includes(false), 'the mark went');
      assert.ok(!seen.slice(seen.indexOf(false)).includes(true), `no mark came back while 50 was typed: ${seen}`);
      assert.deepEqual(page.pageErrors.map(String), []);
      await page.close();
    });

    test(`${name}: saved output is byte-identical after the same typing with and without the extension`, async () => {
      const page = await openCmsPage(withExt.context, server, name);
      await waitForTables(page, 1);
      await setContent(page, wrongReport());
      await page.waitForTimeout(300);
      await correctFigure(page);
      await page.waitForTimeout(300);
      const saved = await savedOutput(page);
      assert.ok(saved.includes(GOOD), 'the figure was corrected in the saved output');
      assert.equal(saved, await savedWithout.get(name));
      await page.close();
    });
  }
});
