// The harness itself, without the extension: every backend page holds the full gov2021 report, cells are
// found by id in the live editor, typing replaces exactly one cell in what the editor saves, and
// setContent() replaces the content through the editor's API.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CELLS, cellText, openCmsPage, PAGES, reportHtml, savedOutput, setContent, typeInCell, VALUES, withoutTypingStyles,
} from './harness.mjs';
import { startSession } from './fixture.mjs';

let server, browser, session;
before(async () => ({ server, browser } = session = await startSession({ extension: false })));
after(() => session?.close());

test('the report fixture has every gov2021 cell of sections 二, 三, 四', () => {
  assert.equal(Object.keys(VALUES).length, 10 + 25 * 7 + 15);
  assert.deepEqual(Object.keys(CELLS), Object.keys(VALUES));
  assert.deepEqual(CELLS['apply.new.natural'], { table: 1, row: 3, col: 3 });
  assert.deepEqual(CELLS['appeal.suitAfterReview.total'], { table: 2, row: 3, col: 14 });
});

test('the server refuses paths outside its folders', async () => {
  for (const path of ['/../harness.mjs', '/vendor/../package.json', '/%2e%2e/harness.mjs']) {
    const res = await fetch(server.url + path);
    assert.equal(res.status, 404, path);
  }
  assert.equal((await fetch(`${server.url}/vendor/kindeditor/package.json`)).status, 200);
});

describe('every backend page', () => {
  for (const def of PAGES) {
    test(`${def.name}: cells by id, typing, setContent`, async () => {
      const page = await openCmsPage(browser.context, server, def);
      for (const id of ['active.license.decisions', 'apply.new.natural', 'apply.carryForward.total', 'appeal.review.total']) {
        assert.equal(await cellText(page, id), VALUES[id], id);
      }
      const before = await savedOutput(page);
      await typeInCell(page, 'apply.new.natural', '42');
      assert.equal(await cellText(page, 'apply.new.natural'), '42');
      assert.equal(await cellText(page, 'apply.new.commercial'), VALUES['apply.new.commercial']);
      const after = await savedOutput(page);
      assert.notEqual(after, before);
      // Exactly the typed figure changed: replacing it back gives the original saved output.
      assert.equal(withoutTypingStyles(after).replace(/(^|[^\d])42(?!\d)/, '$141'), before);

      await setContent(page, reportHtml().replace('<span>1286</span>', '<span>1300</span>'));
      assert.equal(await cellText(page, 'active.license.decisions'), '1300');
      assert.deepEqual(page.pageErrors.map(String), []);
      await page.close();
    });
  }
});
