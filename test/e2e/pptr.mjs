// Helpers for the puppeteer-core sessions (Firefox ESR over BiDi, Chromium 86 over CDP): reach and type into
// a report cell like a person, and read the overlay's badges (data-cell, data-severity) and table count.
import { CELLS, tableGrid } from './harness.mjs';
import { overlayOf } from './overlay-root.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The frame whose document holds the editor's tables. */
export async function editorFrame(page) {
  for (const frame of page.frames()) {
    const mine = await frame.evaluate(() => {
      try {
        return window.top.__cms.editorRoot().ownerDocument === document;
      } catch {
        return false;
      }
    }).catch(() => false);
    if (mine) return frame;
  }
  throw new Error('editor document not found');
}

/** Click a report cell, select its text and type `text` key by key (an <input>: select all). */
export async function typeInCell(page, id, text) {
  const frame = await editorFrame(page);
  const td = await frame.evaluateHandle(([gridSrc, p]) => {
    const grid = (0, eval)(`(${gridSrc})`);
    return grid(window.top.__cms.editorRoot().querySelectorAll('table')[p.table])[p.row][p.col];
  }, [tableGrid.toString(), CELLS[id]]);
  const input = await td.$('input');
  if (input) {
    await input.click();
    await page.keyboard.down('Control');
    await page.keyboard.press('a');
    await page.keyboard.up('Control');
  } else {
    await td.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await td.click();
    await page.keyboard.press('End');
    await page.keyboard.down('Shift');
    await page.keyboard.press('Home');
    await page.keyboard.up('Shift');
  }
  await page.keyboard.type(text, { delay: 20 });
}

/** The overlay's table count in the top document (0 before it exists). */
export const tablesOf = (page) => page.evaluate(() => Number(document.querySelector('nianbao-overlay')?.getAttribute('data-tables') ?? 0));

/** The cell's badge ({ severity }) in the overlay, or null. */
export const badgeOf = (page, id) => overlayOf(page).evaluate((root, id) => {
  const b = root?.querySelector(`[data-cell="${id}"]:not([data-kind])`);
  return b ? { severity: b.getAttribute('data-severity') } : null;
}, id);

/** Poll fn until it returns something truthy (then return it); throw `timed out: what` after timeout ms. */
export async function until(fn, what, timeout = 8000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await sleep(100);
  }
}
