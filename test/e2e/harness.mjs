// Real-browser test harness: loopback server with CMS-like backend pages holding real editors, Debian
// Chromium with the MV3 build loaded, and helpers to reach and type into a report cell like a person.
//
//   const server = await startServer();
//   const browser = await launchWithExtension();            // { context, extensionId, close() }
//   const page = await openCmsPage(browser.context, server, 'kindeditor');
//   await typeInCell(page, 'apply.new.natural', '42');
//   const saved = await savedOutput(page);
//   await browser.close(); await server.close();
import { chromium } from 'playwright-core';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tableGrid } from './grid.mjs';
import { CELLS } from './report.mjs';

export { startServer } from './server.mjs';
export {
  BLANK_SHAPES, CELLS, VALUES, PRIOR_2022, REPORT_PATH, REPORT_TITLE, REPORT_YEAR, blankCellsHtml, reportHtml, reportWithBlanks,
} from './report.mjs';
export { tableGrid } from './grid.mjs';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const EXTENSION_DIR = resolve(process.env.EXTENSION_DIR ?? resolve(ROOT, '.output/chrome-mv3'));
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run',
];

/**
 * The backend pages: { name, path, editor, holder: 'iframe'|'contenteditable'|'form', note }.
 * Every page exposes window.__cms (see pages/cms.js) once its editor is ready.
 */
export const PAGES = JSON.parse(readFileSync(new URL('./pages/pages.json', import.meta.url), 'utf8'));

/**
 * Launch Chromium (headless by default) with a fresh profile and, unless withExtension is false, the built
 * extension. Returns { context, extensionId (null without extension), userDataDir, close() }. With a given
 * userDataDir the browser runs on that profile and close() keeps it (its owner removes it).
 */
export async function launchWithExtension({
  withExtension = true, extensionDir = EXTENSION_DIR, headless = true, args = [], viewport = { width: 1280, height: 900 },
  userDataDir: given,
} = {}) {
  const ext = resolve(extensionDir);
  if (withExtension && !existsSync(join(ext, 'manifest.json'))) {
    throw new Error(`no extension build at ${ext}: run \`npm run build\` first`);
  }
  const userDataDir = given ?? await mkdtemp(join(tmpdir(), 'nianbao-e2e-'));
  const removeProfile = () => (given ? undefined : rm(userDataDir, { recursive: true, force: true }));
  let context;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless,
      viewport,
      args: [
        ...CHROMIUM_ARGS,
        ...(withExtension ? [`--disable-extensions-except=${ext}`, `--load-extension=${ext}`] : []),
        ...args,
      ],
    });
  } catch (e) {
    await removeProfile();
    throw e;
  }
  const extensionId = withExtension ? await getExtensionId(context) : null;
  return {
    context,
    extensionId,
    userDataDir,
    close: async () => {
      await context.close().catch(() => {});
      await removeProfile();
    },
  };
}

/** The id of the loaded MV3 extension, from its service worker's URL. */
export async function getExtensionId(context, timeout = 10_000) {
  const sw = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'))
    ?? (await context.waitForEvent('serviceworker', {
      timeout, predicate: (w) => w.url().startsWith('chrome-extension://'),
    }));
  return new URL(sw.url()).host;
}

/** The extension's service worker (for evaluating chrome.* calls in tests). */
export async function getServiceWorker(context, timeout = 10_000) {
  return context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'))
    ?? context.waitForEvent('serviceworker', { timeout });
}

/** Find a page definition by name (throws for an unknown name). */
export function pageDef(name) {
  const def = PAGES.find((p) => p.name === name);
  if (!def) throw new Error(`unknown page ${name}; known: ${PAGES.map((p) => p.name).join(', ')}`);
  return def;
}

/**
 * Open a backend page in a new tab and wait until its editor holds the report (window.__cms.ready).
 * `which` is a page name or a PAGES entry. Page errors are collected in page.pageErrors.
 */
export async function openCmsPage(context, server, which, { timeout = 20_000 } = {}) {
  const def = typeof which === 'string' ? pageDef(which) : which;
  const page = await context.newPage();
  page.pageErrors = [];
  page.on('pageerror', (e) => page.pageErrors.push(e));
  await page.goto(server.url + def.path);
  await page.waitForFunction(() => (window.__cms && window.__cms.ready) || window.__cmsError, null, { timeout });
  const failed = await page.evaluate(() => window.__cmsError);
  if (failed) throw new Error(`${def.name}: editor failed to load: ${failed}`);
  return page;
}

/** What the page's editor would save (getContent()/getData()/html()/getHtml(), or the form fields). */
export function savedOutput(page) {
  return page.evaluate(() => window.__cms.getSaved());
}

/** Replace the editor's content through the editor's own API (setContent/setData/html/setHtml). */
export function setContent(page, html) {
  return page.evaluate((h) => window.__cms.setContent(h), html);
}

/** The Playwright Frame whose document holds the editor's tables (the top frame for contenteditable/form). */
export async function editorFrame(page) {
  for (const frame of page.frames()) {
    const mine = await frame
      .evaluate(() => {
        try {
          const root = window.top.__cms.editorRoot();
          return root.ownerDocument === document;
        } catch {
          return false;
        }
      })
      .catch(() => false);
    if (mine) return frame;
  }
  throw new Error('editor document not found among the page frames');
}

/**
 * The <td> of a report cell in the live editor: `where` is a cell id of the fixture (see CELLS) or
 * { table, row, col } in the logical grid (rowspan/colspan expanded) of the n-th <table> of the editor.
 * Returns { frame, handle } (handle: ElementHandle of the td, in `frame`).
 */
export async function cellAt(page, where) {
  const pos = typeof where === 'string' ? CELLS[where] : where;
  if (!pos) throw new Error(`unknown cell ${where}`);
  const frame = await editorFrame(page);
  const handle = await frame.evaluateHandle(
    ([gridSrc, p]) => {
      const grid = (0, eval)(`(${gridSrc})`);
      const table = window.top.__cms.editorRoot().querySelectorAll('table')[p.table];
      if (!table) throw new Error(`no table ${p.table}`);
      const td = grid(table)[p.row]?.[p.col];
      if (!td) throw new Error(`no cell at row ${p.row} col ${p.col} of table ${p.table}`);
      return td;
    },
    [tableGrid.toString(), pos],
  );
  const element = handle.asElement();
  if (!element) throw new Error('cell lookup did not return an element');
  return { frame, handle: element };
}

/** The text of a report cell as the page shows it (an <input>'s value in the form page). */
export async function cellText(page, where) {
  const { handle } = await cellAt(page, where);
  return handle.evaluate((td) => {
    const input = td.querySelector('input');
    return input ? input.value : td.textContent.replace(/\u00a0/g, ' ').trim();
  });
}

/**
 * Type into a report cell like a person: click it, select its current text (End, Shift+Home within the
 * cell's line; Ctrl+A in an <input>) and type `text` key by key, replacing it. Returns { frame, handle }.
 */
export async function typeInCell(page, where, text, { delay = 20 } = {}) {
  const cell = await cellAt(page, where);
  const input = await cell.handle.$('input');
  if (input) {
    await input.click();
    await page.keyboard.press('Control+A');
  } else {
    await cell.handle.scrollIntoViewIfNeeded();
    await cell.handle.click();
    await page.keyboard.press('End');
    await page.keyboard.press('Shift+Home');
  }
  await page.keyboard.type(text, { delay });
  return cell;
}

/**
 * How many report tables the extension says it found on the page, or null when it has not said.
 * Read from the content script's test-visible hook in the TOP document only (never the editor's document):
 * the `data-tables` attribute of the overlay host element <nianbao-overlay>, or, until it exists,
 * a `data-nianbao-tables` attribute on the top document's <html>.
 */
export function tablesFound(page) {
  return page.evaluate(() => {
    const host = document.querySelector('nianbao-overlay');
    const v = host?.getAttribute('data-tables') ?? document.documentElement.getAttribute('data-nianbao-tables');
    return v === null || v === undefined ? null : Number(v);
  });
}

/** Wait until tablesFound(page) reaches at least `count`; returns the number (throws after timeout). */
export async function waitForTables(page, count = 1, { timeout = 10_000 } = {}) {
  const handle = await page.waitForFunction(
    (n) => {
      const host = document.querySelector('nianbao-overlay');
      const v = host?.getAttribute('data-tables') ?? document.documentElement.getAttribute('data-nianbao-tables');
      return v !== null && v !== undefined && Number(v) >= n ? Number(v) : false;
    },
    count,
    { timeout },
  );
  return handle.jsonValue();
}

/**
 * A saved output without the styles the UEditor-style page's keypress adds to the cell typed in
 * (`word-break: break-all`, as real UEditor's table plugin does): for comparing tables a person typed in.
 */
export function withoutTypingStyles(html) {
  return html.replace(/ style="word-break: break-all;"/g, '');
}
