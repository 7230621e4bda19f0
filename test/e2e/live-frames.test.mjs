// Finding report tables wherever the page puts them, in real Chromium with the built extension: a frame added
// later and filled with document.write, the same frame rewritten with document.open() (which drops listeners),
// a frame navigated to a real page, a srcdoc frame nested inside it, a table pasted into an empty
// contenteditable, a cross-origin frame (its own instance), and the per-site switch. Child-frame instances
// that the top frame reaches stay idle: the only overlay is the top document's.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { REPORT_PATH, reportHtml } from './harness.mjs';
import { siteDisabledKey, startSession } from './fixture.mjs';
import { overlayOf } from './overlay-root.mjs';

const DOC = (body) => `<!doctype html><html><head><meta charset="utf-8"><title>编辑</title></head><body>${body}</body></html>`;
const SHELL = DOC('<h1>文章编辑</h1><div id="pasteHere" contenteditable="true"><p>在此粘贴</p></div><div id="frames"></div>');

let server, browser, worker, page, session;
before(async () => {
  ({ server, browser, worker } = session = await startSession());
  await browser.context.route(`${server.url}/__live/shell.html`, (r) => r.fulfill({ body: SHELL, contentType: 'text/html; charset=utf-8' }));
  page = await browser.context.newPage();
  page.pageErrors = [];
  page.on('pageerror', (e) => page.pageErrors.push(e));
  await page.goto(`${server.url}/__live/shell.html`);
});
after(() => session?.close());

const tables = () => page.evaluate(() => Number(document.querySelector('nianbao-overlay')?.getAttribute('data-tables') ?? 0));
const badgeCells = () =>
  overlayOf(page).evaluate((root) => [...(root?.querySelectorAll('button') ?? [])].map((b) => b.dataset.cell));
async function waitTables(n, timeout = 5000) {
  await page
    .waitForFunction((k) => Number(document.querySelector('nianbao-overlay')?.getAttribute('data-tables') ?? 0) === k, n, { timeout })
    .catch(async () => assert.fail(`expected ${n} report tables, the overlay says ${await tables()}`));
}
async function waitBadge(cell, present = true) {
  await overlayOf(page)
    .waitFor((root, [c, want]) => !!root?.querySelector(`button[data-cell="${c}"]`) === want, [cell, present], { timeout: 5000 })
    .catch(async () => assert.fail(`badge ${cell} ${present ? 'missing' : 'still there'}; badges: ${await badgeCells()}`));
}

/** The report with one number changed (予以公开·自然人 18 → 19), as text. */
function wrongReport() {
  const html = reportHtml().replace(/(（一）予以公开[\s\S]*?<span>)18(<\/span>)/, '$119$2');
  assert.notEqual(html, reportHtml());
  return html;
}

describe('finding tables as the page changes', () => {
  test('nothing on a page without report tables', async () => {
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => document.querySelector('nianbao-overlay')), null);
  });

  test('an editor frame added later and filled with document.write', async () => {
    await page.evaluate((html) => {
      const f = document.createElement('iframe');
      f.id = 'ed';
      f.style.cssText = 'width:900px;height:500px';
      document.getElementById('frames').append(f);
      const d = f.contentDocument;
      d.open();
      d.write(html);
      d.close();
      d.designMode = 'on';
    }, DOC(reportHtml()));
    await waitTables(3);
  });

  test('the same frame rewritten with document.open(): checking continues', async () => {
    await page.evaluate((html) => {
      const d = document.getElementById('ed').contentDocument;
      d.open();
      d.write(html);
      d.close();
    }, DOC(wrongReport()));
    await waitBadge('apply.granted.natural');
    // Typing in the rewritten document is seen (listeners were re-attached): fix the number back.
    const frame = page.frames().find((f) => f.parentFrame() === page.mainFrame() && f !== page.mainFrame());
    await frame.evaluate(() => {
      const p = [...document.querySelectorAll('td p')].find((x) => x.textContent === '19');
      const r = document.createRange();
      r.selectNodeContents(p);
      getSelection().removeAllRanges();
      getSelection().addRange(r);
      document.execCommand('insertText', false, '18');
    });
    await waitBadge('apply.granted.natural', false);
  });

  test('the frame navigated to a real page, then a srcdoc frame nested inside it', async () => {
    await page.evaluate(
      (src) =>
        new Promise((loaded) => {
          const f = document.getElementById('ed');
          f.addEventListener('load', loaded, { once: true });
          f.src = src;
        }),
      REPORT_PATH,
    );
    await waitTables(3);
    await page.evaluate((html) => {
      const d = document.getElementById('ed').contentDocument;
      const inner = d.createElement('iframe');
      inner.srcdoc = html;
      d.body.append(inner);
    }, DOC(wrongReport()));
    await waitTables(6);
    await waitBadge('apply.granted.natural');
  });

  test('a table pasted into an empty contenteditable', async () => {
    await page.evaluate((html) => {
      const el = document.getElementById('pasteHere');
      el.focus();
      getSelection().selectAllChildren(el);
      document.execCommand('insertHTML', false, html);
    }, reportHtml());
    await waitTables(9);
  });

  test('frames removed: their tables and badges go', async () => {
    await page.evaluate(() => document.getElementById('ed').remove());
    await waitTables(3);
    await waitBadge('apply.granted.natural', false);
  });

  test('one overlay, in the top document only: child-frame instances stay idle', async () => {
    await page.evaluate((html) => {
      const f = document.createElement('iframe');
      f.srcdoc = html;
      document.getElementById('frames').append(f);
    }, DOC(reportHtml()));
    await waitTables(6);
    for (const f of page.frames()) {
      const n = await f.evaluate(() => document.querySelectorAll('nianbao-overlay').length);
      assert.equal(n, f === page.mainFrame() ? 1 : 0, `overlays in ${f.url()}`);
    }
  });

  test('a cross-origin frame runs its own instance', async () => {
    // Another origin, served by the test itself (the loopback server answers on 127.0.0.1 only).
    const other = 'http://other-origin.test';
    await browser.context.route(`${other}/**`, (r) => r.fulfill({ body: DOC(reportHtml()), contentType: 'text/html; charset=utf-8' }));
    await page.evaluate((src) => {
      const f = document.createElement('iframe');
      f.id = 'xo';
      f.src = src;
      document.getElementById('frames').append(f);
    }, `${other}${REPORT_PATH}`);
    const frame = await (await page.waitForSelector('#xo')).contentFrame();
    // Poll by timer: Chromium throttles requestAnimationFrame (Playwright's default polling) in an
    // out-of-process iframe scrolled out of view, which the earlier tests' frames push this one into.
    await frame.waitForFunction(() => Number(document.querySelector('nianbao-overlay')?.getAttribute('data-tables')) === 3, null, { timeout: 5000, polling: 100 });
    assert.equal(await tables(), 6, 'the top frame cannot reach it and does not count it');
  });

  test('switched off for the site and back on', async () => {
    await session.storage.set({ [siteDisabledKey('127.0.0.1')]: true });
    await page.waitForFunction(() => !document.querySelector('nianbao-overlay'), null, { timeout: 5000 });
    await session.storage.remove(siteDisabledKey('127.0.0.1'));
    await waitTables(6);
    assert.deepEqual(page.pageErrors.map(String), []);
  });
});
