// The one set-up every Chromium e2e file shares: a loopback server, Chromium with the build, its id and
// service worker, storage helpers, and storage keys built by the store's own functions (lib/store/keys.ts).
//
//   let server, browser, worker, session;
//   before(async () => ({ server, browser, worker } = session = await startSession()));
//   after(() => session?.close());
//
// Options: { extension = true, extensionDir, plainAlongside(context, server), plainFirst(context, server),
// userDataDir } — plainAlongside runs in a second browser WITHOUT the extension at the same time as the tests
// run in the browser with it (for "saved output is byte-identical with and without" baselines, which mostly wait
// on the editors' pauses); `session.alongside` is its promise and that browser closes when it settles.
// plainFirst runs the same kind of baseline before the browser with the extension starts (for baselines that
// must not overlap the tests). userDataDir runs the browser on a profile the caller owns and keeps, so that
// relaunch() can restart it on the same profile.
import { tsImport } from 'tsx/esm/api';
import { EXTENSION_DIR, getServiceWorker, launchWithExtension, startServer } from './harness.mjs';

const keys = await tsImport('../../lib/store/keys.ts', import.meta.url);
/** `report:<site>|<body>|<year>`, exactly as lib/store saves a report. */
export const reportKey = keys.reportKey;
/** `siteDisabled:<host>`, exactly as the content script and the popup read the per-site switch. */
export const { siteDisabledKey } = await tsImport('../../lib/store/site.ts', import.meta.url);

/** The build the e2e files load: $NIANBAO_EXTENSION_DIR, else $EXTENSION_DIR, else .output/chrome-mv3. */
export const EXT_DIR = process.env.NIANBAO_EXTENSION_DIR ?? EXTENSION_DIR;

/** A saved report record (schema version 2) for site 127.0.0.1, as lib/store writes it, under its key. */
export function savedReport({ body, year, values, site = '127.0.0.1', format = 'gov2021', source = 'test', savedAt = `${year + 1}-01-20T00:00:00.000Z` }) {
  return { [reportKey(site, body, year)]: { version: 2, site, body, year, format, values, source, savedAt } };
}

/**
 * Start the server and Chromium with the build. Returns { server, browser ({ context, extensionId, close }),
 * context, extensionId, worker (the service worker; null without the extension), storage, openExtensionPage,
 * relaunch(), close() }.
 * storage: { get(keys = null), set(items), remove(keys), clear() } on chrome.storage.local (of the current browser).
 * openExtensionPage(path): a new tab on chrome-extension://<id>/<path>, its page errors collected in page.pageErrors.
 * openBatch(): the 批量审核 page (batch.html) in a new tab, once its heading is there.
 * relaunch(): closes the browser and starts it again on the same profile (needs userDataDir); the session's
 * browser, context, extensionId and worker then name the new browser.
 */
export async function startSession({ extension = true, extensionDir = EXT_DIR, plainAlongside, plainFirst, userDataDir } = {}) {
  const opened = [];
  let alongside;
  const close = async () => {
    for (const c of opened.reverse()) await c.close().catch(() => {});
  };
  const launch = async () => {
    const browser = await launchWithExtension(extension ? { extensionDir, userDataDir } : { withExtension: false, userDataDir });
    const worker = extension ? await getServiceWorker(browser.context) : null;
    return { browser, context: browser.context, extensionId: browser.extensionId, worker };
  };
  try {
    const server = await startServer();
    opened.push(server);
    if (plainFirst) {
      const plain = await launchWithExtension({ withExtension: false });
      try {
        await plainFirst(plain.context, server);
      } finally {
        await plain.close();
      }
    }
    if (plainAlongside) {
      const plain = await launchWithExtension({ withExtension: false });
      opened.push(plain);
      alongside = (async () => {
        try {
          return await plainAlongside(plain.context, server);
        } finally {
          await plain.close();
        }
      })();
      alongside.catch(() => {}); // reported where a test awaits session.alongside
    }
    const session = { server, ...(await launch()), alongside, close };
    opened.push({ close: () => session.browser.close() });
    session.storage = {
      get: (k = null) => session.worker.evaluate((k) => chrome.storage.local.get(k), k),
      set: (items) => session.worker.evaluate((i) => chrome.storage.local.set(i), items),
      remove: (k) => session.worker.evaluate((k) => chrome.storage.local.remove(k), k),
      clear: () => session.worker.evaluate(() => chrome.storage.local.clear()),
    };
    session.openExtensionPage = async (path) => {
      const page = await session.context.newPage();
      page.pageErrors = [];
      page.on('pageerror', (e) => page.pageErrors.push(e));
      await page.goto(`chrome-extension://${session.extensionId}/${path}`);
      return page;
    };
    session.openBatch = async () => {
      const page = await session.openExtensionPage('batch.html');
      await page.locator('main.batch h1').waitFor({ timeout: 15_000 });
      return page;
    };
    session.relaunch = async () => {
      if (!userDataDir) throw new Error('relaunch() needs startSession({ userDataDir })');
      await session.browser.close();
      Object.assign(session, await launch());
    };
    return session;
  } catch (e) {
    await close();
    throw e;
  }
}

/**
 * Runs `fn(item)` for each item, one after another, and returns at once a Map key(item) → promise of its
 * result: a test can await its own item's result while the run goes on with the next ones.
 */
export function inTurn(items, key, fn) {
  let previous = Promise.resolve();
  return new Map(items.map((item) => {
    const result = previous.then(() => fn(item));
    previous = result.catch(() => {});
    result.catch(() => {}); // reported where it is awaited
    return [key(item), result];
  }));
}
