// The editor replaces its document in the ways staff trigger every day: CKEditor 4's source mode and back
// (the editing iframe is destroyed and re-created), and undo (Ctrl+Z) of a wrong number. Checking continues.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openCmsPage, typeInCell, VALUES, waitForTables } from './harness.mjs';
import { startSession } from './fixture.mjs';
import { overlayOf } from './overlay-root.mjs';

let server, browser, session;
before(async () => ({ server, browser } = session = await startSession()));
after(() => session?.close());

const tables = (page) => page.evaluate(() => Number(document.querySelector('nianbao-overlay')?.getAttribute('data-tables') ?? 0));
const waitBadge = (page, cell, present = true, timeout = 4000) =>
  overlayOf(page).waitFor(
    (root, [c, want]) => !!root?.querySelector(`button[data-cell="${c}"]:not([hidden])`) === want,
    [cell, present],
    { timeout, what: `badge ${cell} ${present ? 'shown' : 'gone'}` },
  );

test('CKEditor 4: source mode and back re-creates the editing iframe; checking continues', async () => {
  const page = await openCmsPage(browser.context, server, 'ckeditor4');
  await waitForTables(page, 3);
  const setMode = (mode) =>
    page.evaluate((m) => new Promise((done) => Object.values(CKEDITOR.instances)[0].setMode(m, done)), mode);
  await setMode('source');
  await page.waitForFunction(() => document.querySelector('nianbao-overlay')?.getAttribute('data-tables') === '0', null, { timeout: 4000 });
  await setMode('wysiwyg');
  await waitForTables(page, 3);
  await typeInCell(page, 'apply.new.natural', '45');
  await waitBadge(page, 'apply.new.natural');
  assert.equal(await tables(page), 3);
  await page.close();
});

for (const name of ['kindeditor', 'ckeditor5', 'tinymce']) {
  test(`${name}: undo (Ctrl+Z) of a wrong number clears its badge`, async () => {
    const page = await openCmsPage(browser.context, server, name);
    await waitForTables(page, 3);
    await typeInCell(page, 'apply.new.natural', '45');
    await waitBadge(page, 'apply.new.natural');
    // Undo until the cell holds the original number again (editors group keystrokes differently).
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Control+Z');
      await page.waitForTimeout(150);
    }
    await waitBadge(page, 'apply.new.natural', false, 2000);
    assert.match(await page.evaluate(() => window.__cms.getSaved()), new RegExp(`>${VALUES['apply.new.natural']}<`));
    await page.close();
  });
}
