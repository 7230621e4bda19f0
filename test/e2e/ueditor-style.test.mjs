// The UEditor-style page reproduces the traits of the real Baidu UEditor 1.4.3 that the extension must live
// with (no extension loaded here: this checks the stand-in itself).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cellAt, cellText, editorFrame, openCmsPage, reportWithBlanks, savedOutput, setContent } from './harness.mjs';
import { startSession } from './fixture.mjs';

let session, page, frame;
before(async () => {
  session = await startSession({ extension: false });
  page = await openCmsPage(session.context, session.server, 'ueditor-style');
  frame = await editorFrame(page);
});
after(() => session?.close());

describe('UEditor-style page: traits of real UEditor 1.4.3', () => {
  test('its iframe is made by a javascript: URL that document.write()s the editable page', async () => {
    const src = await page.evaluate(() => document.getElementById('ueditor_0').getAttribute('src'));
    assert.match(src, /^javascript:.*document\.write\(/);
    assert.equal(await page.evaluate(() => UE.instants.ueditorInstant0.document === document.getElementById('ueditor_0').contentDocument), true);
  });

  test('autoHeight: the iframe grows with its content and never scrolls inside', async () => {
    const m = await page.evaluate(() => {
      const f = document.getElementById('ueditor_0');
      const d = f.contentDocument;
      return { frame: f.getBoundingClientRect().height, content: d.body.offsetHeight, inner: d.documentElement.scrollHeight, view: d.documentElement.clientHeight };
    });
    assert.ok(m.frame >= m.content, JSON.stringify(m));
    assert.ok(m.inner <= m.view + 1, `nothing to scroll inside: ${JSON.stringify(m)}`);
    assert.ok(m.frame > 900, 'the report makes the frame taller than the window');
  });

  test('autoFloat: scrolled past, the toolbar sticks to the window top; back up, it returns', async () => {
    await page.evaluate(() => window.scrollTo(0, 1200));
    await page.waitForTimeout(50);
    const floated = await page.evaluate(() => {
      const box = document.getElementById('edui1_toolbarbox');
      return { position: getComputedStyle(box).position, top: box.getBoundingClientRect().top };
    });
    assert.deepEqual(floated, { position: 'fixed', top: 0 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(50);
    assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById('edui1_toolbarbox')).position), 'static');
  });

  test('a key typed in a table cell sets word-break: break-all on that cell', async () => {
    const { handle } = await cellAt(page, 'apply.granted.natural');
    await handle.click();
    await page.keyboard.press('End');
    await page.keyboard.type('1');
    assert.equal(await handle.evaluate((td) => td.style.wordBreak), 'break-all');
    assert.match(await savedOutput(page), /style="word-break: break-all;"/);
  });

  test('its own undo: scenes saved on saveScene and after typing, Ctrl+Z restores them (not the browser\'s)', async () => {
    await setContent(page, reportWithBlanks({}));
    const start = await savedOutput(page);
    const { handle } = await cellAt(page, 'apply.partial.natural');
    await handle.click();
    await page.keyboard.press('End');
    await page.keyboard.type('9');
    await page.waitForTimeout(300); // a scene is saved 200 ms after typing stops
    assert.notEqual(await savedOutput(page), start);
    await page.keyboard.press('Control+Z');
    assert.equal(await savedOutput(page), start);
    const scenes = await page.evaluate(() => {
      const ed = UE.instants.ueditorInstant0;
      const n = ed.undoManger.list.length;
      ed.body.querySelector('td').append('x');
      ed.fireEvent('saveScene');
      return [n, ed.undoManger.list.length];
    });
    assert.equal(scenes[1], scenes[0], 'a new scene replaces the redo branch (same length after one undo)');
  });

  test('a caret in an empty zero-height <span> (a Word blank cell): the typed key lands in the NEXT cell', async () => {
    await setContent(page, reportWithBlanks({ 'apply.carried.natural': 'emptySpan' }));
    const { handle } = await cellAt(page, 'apply.carried.natural');
    await frame.evaluate((td) => {
      const span = td.querySelector('span');
      document.body.focus();
      document.getSelection().collapse(span, 0);
    }, handle);
    await page.keyboard.type('7');
    assert.equal(await cellText(page, 'apply.carried.natural'), '', 'nothing went into the blank cell');
    assert.equal(await cellText(page, 'apply.carried.commercial'), '71', 'the key went into the next cell');
  });
});
