// The one set-up every Chromium e2e file shares: a loopback server, Chromium with the build, its id and
// service worker, storage helpers, and storage keys built by the store's own functions (lib/store/keys.ts).
//
//   let server, browser, worker, session;
//   before(async () => ({ server, browser, worker } = session = await startSession()));
//   after(() => session?.close());
//
// Options: { extension = true, extensionDir, plainFirst(context, server) } — plainFirst runs first in a
// browser WITHOUT the extension (for "saved output is byte-identical with and without" baselines), which is
// closed before the browser with the extension starts (one browser at a time on a 2-core machine).
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
 * context, extensionId, worker (the service worker; null without the extension), storage, close() }.
 * storage: { get(keys = null), set(items), remove(keys), clear() } on chrome.storage.local.
 */
export async function startSession({ extension = true, extensionDir = EXT_DIR, plainFirst } = {}) {
  const opened = [];
  const close = async () => {
    for (const c of opened.reverse()) await c.close().catch(() => {});
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
    const browser = await launchWithExtension(extension ? { extensionDir } : { withExtension: false });
    opened.push(browser);
    const worker = extension ? await getServiceWorker(browser.context) : null;
    const storage = {
      get: (k = null) => worker.evaluate((k) => chrome.storage.local.get(k), k),
      set: (items) => worker.evaluate((i) => chrome.storage.local.set(i), items),
      remove: (k) => worker.evaluate((k) => chrome.storage.local.remove(k), k),
      clear: () => worker.evaluate(() => chrome.storage.local.clear()),
    };
    return { server, browser, context: browser.context, extensionId: browser.extensionId, worker, storage, close };
  } catch (e) {
    await close();
    throw e;
  }
}
