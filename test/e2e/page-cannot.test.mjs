// What a page's own scripts cannot do with the extension (issue 13 items 1, 2 and 10):
// - reach the overlay: its shadow root is closed (host.shadowRoot is null; the page's own attachShadow is not the
//   content script's), so no script of the page finds a badge, a tooltip or a figure in it;
// - press 改为 N: a script's click() or dispatched events on the overlay's host, at the badge's spot, or on the
//   button itself when the test hands it to the page's world, change nothing (the clerk's own click does);
// - read last year's saved figures: a page on another host, titled with a saved body's name and holding its
//   report table, finds no saved figure in anything it can read (DOM, attributes, styles, console, mutations);
// - find the extension at a fixed address: the checker and the undo hook cannot be fetched or imported at
//   chrome-extension://<id>/…, and a page watching its DOM during a write sees no such address; the hook leaves
//   the page with the write.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cellAt, openCmsPage, PRIOR_2022, REPORT_TITLE, reportHtml, savedOutput, typeInCell, VALUES, waitForTables } from './harness.mjs';
import { savedReport, startSession } from './fixture.mjs';
import { overlayOf } from './overlay-root.mjs';

let server, browser, session;
before(async () => ({ server, browser } = session = await startSession()));
after(() => session?.close());

const CELL = 'apply.new.natural';
const badgeSel = `button[data-cell="${CELL}"]`;

/** Type a wrong figure and wait for its badge with 改为 N. */
async function wrongFigure(page) {
  await waitForTables(page, 1);
  await typeInCell(page, CELL, '45');
  await overlayOf(page).locator(`${badgeSel} + [role=tooltip] button`).waitFor({ state: 'attached', timeout: 5000 });
  return savedOutput(page);
}

describe('a page script cannot press 改为 N', () => {
  for (const name of ['kindeditor', 'form']) {
    test(name, async () => {
      const page = await openCmsPage(browser.context, server, name);
      const typo = await wrongFigure(page);
      const ov = overlayOf(page);
      await (await cellAt(page, CELL)).handle.evaluate((td) => td.scrollIntoView({ block: 'center' }));
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))); // placed after the scroll
      await ov.locator(badgeSel).waitFor();
      const spot = await ov.locator(badgeSel).boundingBox();
      assert.ok(spot, 'the badge is drawn');
      // All the page's own scripts can do: the host is all they find, closed, and pressing it or what is at the
      // badge's spot does nothing.
      const own = await page.evaluate(({ x, y }) => {
        const host = document.querySelector('nianbao-overlay');
        const at = document.elementFromPoint(x, y);
        for (const el of [host, at]) {
          el.click();
          el.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, clientX: x, clientY: y }));
          el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
          el.dispatchEvent(new PointerEvent('pointerup', { bubbles: true, composed: true, clientX: x, clientY: y }));
        }
        return { shadowRoot: host.shadowRoot, at: at === host ? 'host' : at.tagName };
      }, { x: spot.x + spot.width / 2, y: spot.y + spot.height / 2 });
      assert.deepEqual(own, { shadowRoot: null, at: 'host' }, 'the page reads a closed host at the badge');
      // Even handed the button itself (which no page script can reach), a scripted click is not the clerk's.
      const pressed = await ov.evaluate((root, c) => {
        const fix = root.querySelector(`button[data-cell="${c}"] + [role=tooltip] button`);
        fix.click();
        fix.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
        fix.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
        fix.focus();
        fix.dispatchEvent(new PointerEvent('pointerup', { bubbles: true }));
        return fix.textContent;
      }, CELL);
      assert.equal(pressed, `改为 ${VALUES[CELL]}`, 'the scripted presses reached the button');
      await page.waitForTimeout(800);
      assert.equal(await savedOutput(page), typo, 'the saved output is unchanged');

      // The clerk's own click writes it (so the checks above could fail).
      await ov.locator(badgeSel).hover();
      await ov.locator(`${badgeSel} + [role=tooltip] button`).click();
      await ov.locator(badgeSel).waitFor({ state: 'detached', timeout: 4000 });
      assert.notEqual(await savedOutput(page), typo);
      assert.deepEqual(page.pageErrors.map(String), []);
      await page.close();
    });
  }
});

describe('a page cannot find the extension at a fixed address', () => {
  test('the checker and the hook are not served at chrome-extension://<id>/, yet the checker runs', async () => {
    const page = await openCmsPage(browser.context, server, 'kindeditor');
    await waitForTables(page, 1); // the content script imported the checker
    const base = `chrome-extension://${browser.extensionId}`;
    const probes = await page.evaluate(async (base) => {
      const out = {};
      for (const file of ['checker.js', 'page-hook.js']) {
        const url = `${base}/${file}`;
        out[`fetch ${file}`] = await fetch(url).then((r) => `status ${r.status}`, () => 'refused');
        out[`import ${file}`] = await import(url).then(() => 'imported', () => 'refused');
        out[`script ${file}`] = await new Promise((ok) => {
          const s = document.createElement('script');
          s.src = url;
          s.onload = () => ok('loaded');
          s.onerror = () => ok('refused');
          document.head.append(s);
        });
      }
      return out;
    }, base);
    for (const [probe, result] of Object.entries(probes)) assert.equal(result, 'refused', `${probe}: ${result}`);
    await page.close();
  });

  test('a page watching its DOM during 改为 N sees no fixed extension address, and the hook leaves with the write', async () => {
    const page = await openCmsPage(browser.context, server, 'kindeditor');
    await wrongFigure(page);
    await page.evaluate(() => {
      window.__seen = [];
      new MutationObserver((rs) => {
        for (const r of rs) for (const n of r.addedNodes) if (n.nodeType === 1) window.__seen.push(n.outerHTML.slice(0, 300));
      }).observe(document, { childList: true, subtree: true, attributes: true });
    });
    await (await cellAt(page, CELL)).handle.evaluate((td) => td.scrollIntoView({ block: 'center' }));
    await overlayOf(page).locator(badgeSel).hover();
    await overlayOf(page).locator(`${badgeSel} + [role=tooltip] button`).click();
    await overlayOf(page).locator(badgeSel).waitFor({ state: 'detached', timeout: 4000 });
    const seen = await page.evaluate(() => window.__seen);
    const scripts = seen.filter((h) => h.startsWith('<script'));
    assert.equal(scripts.length, 1, `the hook was loaded for the write: ${seen.join('\n')}`);
    assert.ok(!seen.some((h) => h.includes(browser.extensionId)), `no fixed address: ${scripts}`);
    const answers = await page.evaluate(() => !window.dispatchEvent(new CustomEvent('nianbao-undo-ping', { cancelable: true })));
    assert.equal(answers, false, 'nothing of the hook answers after the write');
    await page.close();
  });
});

describe("a hostile page cannot read last year's saved figures", () => {
  const BODY = '滨江区人民政府办公室';
  // Saved figures no page of the test writes: finding one where the page can read it is a leak.
  const SAVED = { ...PRIOR_2022, 'apply.carryForward.natural': 9430, 'apply.carryForward.commercial': 1, 'apply.carryForward.total': 9431, 'active.normative.inForce': 777 };
  const SECRETS = ['777', '9430', '9431'];
  // The page's own probe: installed before anything of the extension runs (its attachShadow and console are
  // replaced at once; its MutationObserver starts when its own document is parsed).
  const PROBE = `(() => {
    const leak = (window.__leak = { mutations: [], console: [], stolen: 0 });
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init) { leak.stolen++; return attach.call(this, init); };
    for (const k of ['log', 'info', 'warn', 'error', 'debug']) {
      const f = console[k];
      console[k] = function (...a) { leak.console.push(a.map(String).join(' ')); return f.apply(this, a); };
    }
    const text = (n) => n.nodeType === 1 ? n.outerHTML : n.textContent;
    document.addEventListener('DOMContentLoaded', () => new MutationObserver((rs) => {
      for (const r of rs) leak.mutations.push([r.type, r.target.nodeName, r.attributeName, r.attributeName && r.target.getAttribute(r.attributeName), r.oldValue,
        r.type === 'characterData' ? r.target.data : '', ...[...r.addedNodes].map(text), ...[...r.removedNodes].map(text)].join(' '));
    }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true, attributeOldValue: true, characterDataOldValue: true }));
    window.__dump = () => {
      const host = document.querySelector('nianbao-overlay');
      const all = [document.title];
      const walk = (n) => {
        for (const c of n.childNodes) {
          if (c.nodeType === 3 || c.nodeType === 8) all.push(c.data);
          if (c.nodeType !== 1) continue;
          for (const a of c.attributes) all.push(a.name + '=' + a.value);
          const cs = getComputedStyle(c);
          for (const pseudo of ['::before', '::after']) all.push(getComputedStyle(c, pseudo).content);
          if (c === host) all.push([...cs].map((p) => p + ':' + cs.getPropertyValue(p)).join(';'));
          walk(c);
          if (c.shadowRoot) walk(c.shadowRoot);
        }
      };
      walk(document);
      return {
        host: host ? { shadowRoot: host.shadowRoot, attrs: [...host.attributes].map((a) => a.name), text: host.textContent + host.innerHTML + host.innerText, aria: host.ariaLabel ?? null } : null,
        tables: host ? Number(host.getAttribute('data-tables')) : 0,
        stolen: leak.stolen,
        readable: all.join('\\n') + '\\n' + document.documentElement.innerText,
        mutations: leak.mutations,
        console: leak.console,
      };
    };
  })();`;
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>${BODY}</title><script>${PROBE}</script><script>window.__cms = { editorRoot: () => document.body };</script></head><body>${reportHtml()}</body></html>`;

  /** The probe page at `host` (served by the test, on the same port as the backend pages), with the page's console. */
  async function openProbe(host) {
    const url = `http://${host}:${server.port}/hostile/report.html`;
    await browser.context.route(url, (r) => r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
    const page = await browser.context.newPage();
    page.pageErrors = [];
    page.on('pageerror', (e) => page.pageErrors.push(e));
    const consoleSeen = [];
    page.on('console', (m) => consoleSeen.push(m.text()));
    await page.goto(url);
    await waitForTables(page, 1);
    return { page, consoleSeen };
  }

  /** Everything the page could read, checked for saved figures and (outside its own text) the body's name. */
  async function assertNothingLeaks(page, consoleSeen, where) {
    const d = await page.evaluate(() => window.__dump());
    assert.ok(d.host, `${where}: the extension is at work on the page (the check could fail)`);
    assert.ok(d.tables >= 1, `${where}: it found the report table`);
    assert.deepEqual({ shadowRoot: d.host.shadowRoot, attrs: d.host.attrs, text: d.host.text, aria: d.host.aria, stolen: d.stolen }, { shadowRoot: null, attrs: ['data-tables'], text: '', aria: null, stolen: 0 }, `${where}: the host is closed and bare`);
    for (const s of SECRETS) {
      assert.ok(!d.readable.includes(s), `${where}: ${s} readable in the document`);
      assert.ok(!d.mutations.some((m) => m.includes(s)), `${where}: ${s} in a mutation record`);
      assert.ok(!d.console.concat(consoleSeen).some((m) => m.includes(s)), `${where}: ${s} in the console`);
    }
    for (const m of d.mutations.concat(d.console, consoleSeen)) assert.ok(!m.includes(BODY), `${where}: the body's name in ${m.slice(0, 200)}`);
    assert.deepEqual(page.pageErrors.map(String), []);
  }

  /** Everything in the overlay's closed root (read from the test side): text and attributes. */
  const overlayText = (page) => overlayOf(page).evaluate((root) => {
    const out = [];
    for (const el of root.querySelectorAll('*')) {
      for (const a of el.attributes) out.push(a.value);
      for (const n of el.childNodes) if (n.nodeType === 3) out.push(n.data);
    }
    return out.join('\n');
  });

  test('the same page on the site the report was saved for shows the figures in the closed overlay only; on another host, nowhere', async () => {
    for (const s of SECRETS) assert.ok(!html.includes(s), `the page itself does not write ${s}`);
    await session.storage.set({ ...savedReport({ body: BODY, year: 2022, values: SAVED }), ...savedReport({ body: BODY, year: 2022, values: SAVED, site: '' }) });
    try {
      // Site A (127.0.0.1, where the report was saved): last year's 777 is in the overlay, and still nowhere the page reads.
      const own = await openProbe('127.0.0.1');
      await overlayOf(own.page).waitFor((root) => !!root?.querySelector('[data-ref-cell]') && root.textContent.includes('上年 777'), null, { timeout: 8000, what: 'last year\'s 777 in the overlay' });
      const seenAfter = Date.now();
      const cell = (await cellAt(own.page, 'active.normative.inForce')).handle;
      await cell.click(); // the tag shows beside the focused cell
      await overlayOf(own.page).waitFor((root) => !!root.querySelector('[data-ref-cell="active.normative.inForce"]:not([hidden])'), null, { timeout: 3000 });
      await assertNothingLeaks(own.page, own.consoleSeen, '127.0.0.1');
      await own.page.close();

      // Site B (localhost: another host), same title, same table, same time to look it up: no saved figure anywhere.
      const started = Date.now();
      const other = await openProbe('localhost');
      await other.page.waitForTimeout(Math.max(1500, seenAfter - started));
      await (await cellAt(other.page, 'active.normative.inForce')).handle.click();
      await other.page.waitForTimeout(300);
      const inOverlay = await overlayText(other.page);
      for (const s of SECRETS) assert.ok(!inOverlay.includes(s), `localhost: ${s} in the overlay itself`);
      assert.equal(await overlayOf(other.page).evaluate((root) => root.querySelectorAll('[data-ref-cell]').length), 0, 'no reference tags on another site');
      await assertNothingLeaks(other.page, other.consoleSeen, 'localhost');
      await other.page.close();
    } finally {
      await session.storage.clear();
    }
  });
});
