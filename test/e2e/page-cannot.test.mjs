// What a page's own scripts cannot do with the extension (issue 13 items 2 and 10):
// - press 改为 N: a script's click() or dispatched click on the badge's button changes nothing (the clerk's own
//   click does);
// - find the extension at a fixed address: the checker and the undo hook cannot be fetched or imported at
//   chrome-extension://<id>/…, and a page watching its DOM during a write sees no such address; the hook leaves
//   the page with the write.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cellAt, openCmsPage, savedOutput, typeInCell, VALUES, waitForTables } from './harness.mjs';
import { startSession } from './fixture.mjs';

let server, browser, session;
before(async () => ({ server, browser } = session = await startSession()));
after(() => session?.close());

const CELL = 'apply.new.natural';
const badgeSel = `nianbao-overlay button[data-cell="${CELL}"]`;

/** Type a wrong figure and wait for its badge with 改为 N. */
async function wrongFigure(page) {
  await waitForTables(page, 1);
  await typeInCell(page, CELL, '45');
  await page.locator(`${badgeSel} + [role=tooltip] button`).waitFor({ state: 'attached', timeout: 5000 });
  return savedOutput(page);
}

describe('a page script cannot press 改为 N', () => {
  for (const name of ['kindeditor', 'form']) {
    test(name, async () => {
      const page = await openCmsPage(browser.context, server, name);
      const typo = await wrongFigure(page);
      const pressed = await page.evaluate((c) => {
        const fix = document.querySelector('nianbao-overlay')?.shadowRoot?.querySelector(`button[data-cell="${c}"] + [role=tooltip] button`);
        if (!fix) return null;
        fix.click();
        fix.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
        fix.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
        fix.focus();
        fix.dispatchEvent(new PointerEvent('pointerup', { bubbles: true }));
        return fix.textContent;
      }, CELL);
      assert.equal(pressed, `改为 ${VALUES[CELL]}`, 'the page script reached the button');
      await page.waitForTimeout(800);
      assert.equal(await savedOutput(page), typo, 'the saved output is unchanged');

      // The clerk's own click writes it (so the check above could fail).
      await (await cellAt(page, CELL)).handle.evaluate((td) => td.scrollIntoView({ block: 'center' }));
      await page.locator(badgeSel).hover();
      await page.locator(`${badgeSel} + [role=tooltip] button`).click();
      await page.locator(badgeSel).waitFor({ state: 'detached', timeout: 4000 });
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
    await page.locator(badgeSel).hover();
    await page.locator(`${badgeSel} + [role=tooltip] button`).click();
    await page.locator(badgeSel).waitFor({ state: 'detached', timeout: 4000 });
    const seen = await page.evaluate(() => window.__seen);
    const scripts = seen.filter((h) => h.startsWith('<script'));
    assert.equal(scripts.length, 1, `the hook was loaded for the write: ${seen.join('\n')}`);
    assert.ok(!seen.some((h) => h.includes(browser.extensionId)), `no fixed address: ${scripts}`);
    const answers = await page.evaluate(() => !window.dispatchEvent(new CustomEvent('nianbao-undo-ping', { cancelable: true })));
    assert.equal(answers, false, 'nothing of the hook answers after the write');
    await page.close();
  });
});
