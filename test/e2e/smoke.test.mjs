// Smoke test in real Chromium with the MV3 build: in every backend page the content script reaches the
// report tables (seen through the overlay in the TOP document, never through the editor's document), the
// editor's saved output is byte-identical with and without the extension, and the popup opens.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openCmsPage, PAGES, savedOutput, waitForTables } from './harness.mjs';
import { inTurn, startSession } from './fixture.mjs';

// The baselines without the extension are read in a second browser while the tests run in this one.
let server, withExt, session, savedWithout;

before(async () => ({ server, browser: withExt } = session = await startSession({
  plainAlongside: (context, server) => {
    savedWithout = inTurn(PAGES, (def) => def.name, async (def) => {
      const page = await openCmsPage(context, server, def);
      const saved = await savedOutput(page);
      await page.close();
      return saved;
    });
    return Promise.all(savedWithout.values());
  },
})));

after(() => session?.close());

describe('with the extension loaded', () => {
  for (const def of PAGES) {
    test(`${def.name} (${def.editor}): tables found, saved output untouched`, async (t) => {
      const page = await openCmsPage(withExt.context, server, def);
      // The report has three tables (sections 二, 三, 四); all of them must be reached.
      const tables = await waitForTables(page, 3);
      assert.equal(tables, 3, `overlay reports ${tables} tables`);
      t.diagnostic(`${tables} report tables found`);
      // Give the content script time to do everything it does on load before comparing.
      await page.waitForTimeout(300);
      assert.equal(await savedOutput(page), await savedWithout.get(def.name), 'saved output differs with the extension');
      assert.deepEqual(page.pageErrors.map(String), []);
      await page.close();
    });
  }

  test('the popup opens and shows 年报助手', async () => {
    const page = await withExt.context.newPage();
    await page.goto(`chrome-extension://${withExt.extensionId}/popup.html`);
    await page.getByText('年报助手').first().waitFor({ timeout: 5000 });
    assert.equal(await page.title(), '年报助手');
    await page.close();
  });

  test('the options page opens', async () => {
    const page = await withExt.context.newPage();
    await page.goto(`chrome-extension://${withExt.extensionId}/options.html`);
    await page.getByText('年报助手').first().waitFor({ timeout: 5000 });
    await page.close();
  });
});
