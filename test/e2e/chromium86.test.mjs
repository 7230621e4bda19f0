// The MV2 build's code on a real Chromium 86 (HeadlessChrome 86.0.4240.0 from chrome-aws-lambda@5.3.1, a
// headless shell that cannot load extensions). What this proves: content.js and checker.js parse and run on
// Chromium 86's engine and DOM in the real editors' pages — tables found, a badge after a wrong figure,
// cleared on the fix, saved output byte-identical — and the popup and options pages render. What it does
// not prove: the manifest loading and the injection into frames by a real 360/QQ browser. The build is
// served on loopback; content.js runs in a separate script context (an isolated world, as a content script)
// with a small stand-in for the chrome.* calls it makes, and loads checker.js by real import().
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { ensureChromium86 } from '../../scripts/ensure-chromium86.mjs';
import { pageDef, ROOT, startServer, VALUES } from './harness.mjs';
import { badgeOf, tablesOf, typeInCell, until } from './pptr.mjs';

const BUILD = process.env.NIANBAO_MV2_DIR ?? join(ROOT, '.output/chrome-mv2');
// Not here: TinyMCE 8 (crypto.randomUUID is not a function) and CKEditor 5 44 (ClassicEditor is not defined)
// do not load on Chromium 86 with or without the extension.
const PAGES = ['kindeditor', 'ckeditor4', 'wangeditor', 'form', 'nested', 'ueditor-style'];
const CELL = 'apply.new.natural';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let server, buildServer, proc, browser;
const errors = [];

/** The stand-in for what content.js calls on chrome.*: runtime.getURL → the served build, an empty storage. */
const standIn = (base) => `(() => {
  const store = {};
  const listeners = { addListener() {}, removeListener() {} };
  const chrome = {
    runtime: { id: 'chromium86-code-run', getURL: (p) => ${JSON.stringify(base)} + '/' + p.replace(/^\\//, ''),
      sendMessage: (m, cb) => cb && cb(undefined), onMessage: listeners },
    tabs: { query: (q, cb) => cb([{ id: 1, active: true, windowId: 1 }]), sendMessage: (id, m, o, cb) => (cb ?? o)?.(undefined) },
    storage: { onChanged: listeners, local: {
      get: (k, cb) => cb(k === null ? { ...store } : Object.fromEntries([].concat(k).filter((x) => x in store).map((x) => [x, store[x]]))),
      set: (items, cb) => (Object.assign(store, items), cb && cb()),
      remove: (k, cb) => ([].concat(k).forEach((x) => delete store[x]), cb && cb()) } },
  };
  Object.defineProperty(globalThis, 'chrome', { value: chrome, configurable: true });
})();`;

async function openCms(name) {
  const page = await browser.newPage();
  page.on('pageerror', (e) => errors.push(`${name}: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && errors.push(`${name}: ${m.text()}`));
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(server.url + pageDef(name).path);
  await page.waitForFunction(() => (window.__cms && window.__cms.ready) || window.__cmsError, { timeout: 30_000 })
    .catch((e) => { throw new Error(`${name} did not load on Chromium 86: ${e.message}; ${errors.filter((x) => x.startsWith(name)).join(' | ')}`); });
  const failed = await page.evaluate(() => window.__cmsError);
  if (failed) throw new Error(`${name}: editor failed to load on Chromium 86: ${failed}`);
  return page;
}

/** Run the build's content.js in an isolated world of the page's top frame, as a content script runs. */
async function runContentScript(page) {
  const cdp = await page.target().createCDPSession();
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const { executionContextId } = await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'nianbao', grantUniveralAccess: true });
  const code = await (await fetch(`${buildServer.url}/content-scripts/content.js`)).text();
  const r = await cdp.send('Runtime.evaluate', { expression: standIn(buildServer.url) + '\n' + code, contextId: executionContextId });
  if (r.exceptionDetails) throw new Error(`content.js threw on Chromium 86: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
}

const saved = (page) => page.evaluate(() => window.__cms.getSaved());

before(async () => {
  const { executable, env } = ensureChromium86();
  server = await startServer();
  buildServer = await startServer({ mounts: { '/': BUILD } }); // its own origin: the popup's chunks are root paths
  proc = spawn(executable, ['--headless', '--no-sandbox', '--disable-gpu', '--no-zygote', '--remote-debugging-port=0', 'about:blank'], { env });
  const ws = await new Promise((ok, fail) => {
    let buf = '';
    proc.stderr.on('data', (d) => { buf += d; const m = buf.match(/ws:\/\/\S+/); if (m) ok(m[0]); });
    proc.on('exit', (c) => fail(new Error(`Chromium 86 exited (${c}): ${buf}`)));
  });
  browser = await puppeteer.connect({ browserWSEndpoint: ws, protocolTimeout: 60_000, defaultViewport: null });
});
after(async () => {
  await browser?.disconnect().catch(() => {});
  proc?.kill();
  await server?.close();
  await buildServer?.close();
});

describe('the MV2 build\'s code on Chromium 86', () => {
  test('the browser is Chromium 86', async () => {
    assert.match(await browser.version(), /Chrome\/86\./);
  });

  for (const name of PAGES) {
    test(`${name}: tables found, badge after a wrong figure, cleared on the fix, saved output untouched`, async () => {
      const plain = await openCms(name);
      await typeInCell(plain, CELL, '45');
      await sleep(1200);
      await typeInCell(plain, CELL, String(VALUES[CELL]));
      await sleep(1200);
      const without = await saved(plain);
      await plain.close();

      const page = await openCms(name);
      await runContentScript(page);
      await until(async () => (await tablesOf(page)) >= 3, 'three tables found', 20_000);
      await typeInCell(page, CELL, '45');
      const b = await until(() => badgeOf(page, CELL), `badge at ${CELL}`);
      assert.equal(b.severity, 'error');
      await typeInCell(page, CELL, String(VALUES[CELL]));
      await until(async () => (await badgeOf(page, CELL)) === null, 'badge cleared');
      await sleep(1200);
      assert.equal(await saved(page), without, 'saved output byte-identical with and without the code');
      await page.close();
    });
  }

  for (const which of ['popup', 'options']) {
    test(`${which}.html renders on Chromium 86`, async () => {
      const page = await browser.newPage();
      const pageErrors = [];
      page.on('pageerror', (e) => pageErrors.push(e.message));
      await page.evaluateOnNewDocument(standIn(buildServer.url));
      await page.goto(`${buildServer.url}/${which}.html`);
      const text = await until(() => page.evaluate(() => document.body.innerText.trim()), `${which} text`, 15_000)
        .catch((e) => { throw new Error(`${e.message}; page errors: ${pageErrors.join(' | ')}`); });
      assert.match(text, /年报助手|导入|保存|本页/);
      assert.deepEqual(pageErrors, []);
      await page.close();
    });
  }

  test('no error from the build in any console', () => {
    assert.deepEqual(errors.filter((e) => /mv2|nianbao|年报助手/.test(e)), []);
  });
});
