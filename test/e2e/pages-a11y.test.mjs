// The 说明, 审核单 and options pages in real Chromium with the MV3 build: axe-core (from npm) finds no serious or
// critical accessibility violation on any, and none shows a Latin word or an id; the 说明 page shows its four drawings and the rule families
// in plain Chinese. A screenshot of the 说明 page goes to /tmp/help.png.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCmsPage, PRIOR_2022, REPORT_YEAR, typeInCell, VALUES, waitForTables } from './harness.mjs';
import { reportKey, savedReport, startSession } from './fixture.mjs';
import { ALLOWED_LATIN, describeProblems, plainChineseInPage, plainChineseProblems, plainTextProblems } from '../helpers/plain-chinese.mjs';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const BODY = '滨江区人民政府办公室';
const KEY = reportKey('127.0.0.1', BODY, REPORT_YEAR);
const values = Object.fromEntries(Object.entries(VALUES).map(([k, v]) => [k, Number(v)]));
values['apply.granted.natural'] += 10;

let session;
before(async () => (session = await startSession()));
after(() => session?.close());

async function open(path, ready) {
  const page = await session.openExtensionPage(path);
  await page.locator(ready).first().waitFor({ timeout: 15_000 });
  return page;
}

/** axe-core's serious and critical violations, one line each. Evaluated through the debugger, so the page's CSP does not apply. */
async function seriousViolations(page, context = null) {
  if (!(await page.evaluate(() => !!window.axe))) await page.evaluate(AXE);
  const violations = await page.evaluate(async (context) => (await window.axe.run(context ?? document, { resultTypes: ['violations'] })).violations
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })), context);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * Lets the page's own scripts (axe, the plain-Chinese walker) see the overlay's shadow root even when it is closed:
 * the debugger finds the root (DOM.getDocument with pierce) and the test defines `host.shadowRoot` in the page's
 * world only (the extension's isolated world never sees it). Returns false when there is no overlay.
 */
async function exposeOverlayRoot(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const find = (n) => (n.nodeName === 'NIANBAO-OVERLAY' ? n : [...(n.children ?? []), ...(n.shadowRoots ?? [])].map(find).find(Boolean));
    const host = find(root);
    if (!host?.shadowRoots?.length) return false;
    const { object: h } = await cdp.send('DOM.resolveNode', { backendNodeId: host.backendNodeId });
    const { object: r } = await cdp.send('DOM.resolveNode', { backendNodeId: host.shadowRoots[0].backendNodeId });
    await cdp.send('Runtime.callFunctionOn', {
      objectId: h.objectId, arguments: [{ objectId: r.objectId }],
      functionDeclaration: 'function (root) { if (this.shadowRoot !== root) Object.defineProperty(this, "shadowRoot", { value: root, configurable: true }); }',
    });
    return true;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** The plain-Chinese problems of the overlay alone (the test page's own words are not the extension's). */
async function overlayWords(page) {
  return page.evaluate(`(() => { ${plainTextProblems.toString()}; const host = document.querySelector('nianbao-overlay');
    return host ? (${plainChineseProblems.toString()})(host, ${JSON.stringify({ allow: ALLOWED_LATIN })}) : [{ text: '', word: '', where: 'no overlay' }]; })()`);
}

describe('accessibility and plain Chinese of the 说明, 审核单 and options pages', () => {
  test('说明: four drawings, the rule families, plain Chinese, no serious axe violation', async () => {
    const page = await open('help.html', 'main.help h1');
    assert.equal(await page.locator('main.help svg[role="img"]').count(), 4);
    for (const id of ['T3-BAL', 'T3-ROWSUM', 'T4-SUM', 'X-CARRY', 'C-H', 'C-S', 'P-TEXT']) {
      assert.equal(await page.locator(`tr[data-family="${id}"]`).count(), 1, `family ${id} listed`);
    }
    assert.match(await page.locator('tr[data-family="X-CARRY"]').textContent(), /核实性/);
    assert.match(await page.locator('tr[data-family="T3-BAL"]').textContent(), /强制性/);
    assert.equal(describeProblems(await plainChineseInPage(page)), '');
    assert.deepEqual(await seriousViolations(page), []);
    await page.screenshot({ path: join(tmpdir(), 'help.png'), fullPage: true });
    assert.deepEqual(page.pageErrors.map(String), []);
    await page.close();
  });

  test('审核单 with problems, and its message when the report is gone: no serious axe violation', async () => {
    await session.storage.clear();
    await session.storage.set({ [KEY]: { version: 2, site: '127.0.0.1', body: BODY, year: REPORT_YEAR, format: 'gov2021', values, source: 'page', savedAt: '2024-01-15T02:00:00.000Z' } });
    const page = await open(`sheet.html?key=${encodeURIComponent(KEY)}`, 'section.items.error li');
    assert.deepEqual(await seriousViolations(page), []);
    await page.close();
    const gone = await open('sheet.html?key=report%3Anone', '[role="alert"]');
    assert.deepEqual(await seriousViolations(gone), []);
    assert.equal(describeProblems(await plainChineseInPage(gone)), '');
    await gone.close();
  });

  test('options: the saved list (its table shown, a damaged record) and the import page with a report read: plain Chinese, no serious axe violation', async () => {
    await session.storage.clear();
    const saved = { version: 2, site: '127.0.0.1', body: BODY, year: REPORT_YEAR, format: 'gov2021', values, source: 'page', savedAt: '2024-01-15T02:00:00.000Z' };
    await session.storage.set({ [KEY]: saved, [reportKey('127.0.0.1', BODY, REPORT_YEAR - 1)]: { version: 2, body: BODY, values: 'oops' } });
    const page = await open('options.html', 'table.list tbody tr');
    await page.getByRole('button', { name: '查看' }).first().click();
    await page.locator('.official table').first().waitFor();
    assert.match(await page.locator('main').textContent(), /已损坏、已另行保存的数据/);
    assert.match(await page.locator('table.list').textContent(), /编辑页面/);
    assert.equal(describeProblems(await plainChineseInPage(page)), '');
    assert.deepEqual(await seriousViolations(page), []);

    await page.goto(page.url().replace(/#.*$/, '') + '#import?site=127.0.0.1&year=2025');
    await page.locator('input[type=file]').setInputFiles({ name: '上年.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ app: 'nianbao-zhushou', kind: 'saved-reports', reports: [saved] })) });
    await page.locator('article.candidate').waitFor({ timeout: 15_000 });
    assert.match(await page.locator('article.candidate').textContent(), /表格式样：2021年版统计表/);
    assert.equal(describeProblems(await plainChineseInPage(page)), '');
    assert.deepEqual(await seriousViolations(page), []);
    assert.deepEqual(page.pageErrors.map(String), []);
    await page.close();
  });

  test('overlay (badge, open tooltip, off-screen count) and the popup for its tab: plain Chinese, no serious axe violation', async () => {
    await session.storage.clear();
    await session.storage.set(savedReport({ body: BODY, year: 2022, values: PRIOR_2022 }));
    const page = await openCmsPage(session.context, session.server, 'ueditor-style');
    await waitForTables(page, 3);
    await typeInCell(page, 'apply.new.natural', '42');
    await typeInCell(page, 'apply.carried.natural', '7');
    let exposed = false;
    for (let i = 0; i < 40 && !exposed; i++) (exposed = await exposeOverlayRoot(page)) || (await page.waitForTimeout(250));
    assert.ok(exposed, 'the overlay exists');
    const BADGE = 'button.b[data-cell="apply.new.natural"]:not([hidden])';
    await page.waitForFunction((sel) => !!document.querySelector('nianbao-overlay').shadowRoot.querySelector(sel), BADGE, { timeout: 15_000 });
    const box = await page.evaluate((sel) => {
      const r = document.querySelector('nianbao-overlay').shadowRoot.querySelector(sel).getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    }, BADGE);
    await page.mouse.move(box.x, box.y);
    await page.waitForFunction((sel) => getComputedStyle(document.querySelector('nianbao-overlay').shadowRoot.querySelector(sel).nextElementSibling).display !== 'none', BADGE, { timeout: 5000 });
    const overlay = { include: [['nianbao-overlay']] };
    assert.equal(describeProblems(await overlayWords(page)), '');
    assert.deepEqual(await seriousViolations(page, overlay), []);

    // the wrong cells scrolled out of view: the off-screen count says where they are
    await page.mouse.move(5, 5);
    // half a screen past the badge's cell, so that it sits above the window's top edge
    await page.evaluate((y) => window.scrollBy(0, y + innerHeight / 2), box.y);
    const OFF = '.o [data-offscreen]:not([hidden])';
    await page.waitForFunction((sel) => !!document.querySelector('nianbao-overlay').shadowRoot.querySelector(sel), OFF, { timeout: 10_000 });
    assert.match(await page.evaluate(() => document.querySelector('nianbao-overlay').shadowRoot.querySelector('.o').textContent), /上方还有 \d+ 个问题/);
    assert.equal(describeProblems(await overlayWords(page)), '');
    assert.deepEqual(await seriousViolations(page, overlay), []);

    const tabId = await session.worker.evaluate(async () => Math.max(...(await chrome.tabs.query({})).map((t) => t.id)));
    const popup = await open(`popup.html?tabId=${tabId}`, 'main.popup button.problem');
    assert.equal(describeProblems(await plainChineseInPage(popup)), '');
    assert.deepEqual(await seriousViolations(popup), []);
    assert.deepEqual(popup.pageErrors.map(String), []);
    await popup.close();
    await page.close();
  });
});
