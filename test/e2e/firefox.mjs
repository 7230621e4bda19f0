// Debian's Firefox ESR driven over WebDriver BiDi by puppeteer-core, for the Firefox build (.output/firefox-mv2).
// Facts this relies on (issue 16): the build installs as a temporary add-on through BiDi webExtension.install;
// moz-extension:// pages open only with --remote-allow-system-access and their load is never reported as
// finished (start the navigation, then poll); headless Firefox gives a tab no focus until the window is
// brought to the front; setViewport is missing on ESR 140, so the window is sized instead.
import puppeteer from 'puppeteer-core';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { FIREFOX } from '../../scripts/ensure-firefox.mjs';
import { ROOT } from './harness.mjs';

export const FIREFOX_BUILD = resolve(process.env.NIANBAO_FIREFOX_DIR ?? join(ROOT, '.output/firefox-mv2'));
export const ADDON_ID = 'nianbao-zhushou@nianbao.local';
/** A fixed moz-extension:// host for the add-on (pref extensions.webextensions.uuids), so tests know its pages. */
export const ADDON_UUID = '6b1c2a4e-0d1f-4c55-9e0a-2f5b8a7d3c01';
export const ADDON_BASE = `moz-extension://${ADDON_UUID}`;

/** Firefox ESR, headless, fresh profile, no add-on yet. Returns { browser, install(), close() }. */
export async function launchFirefox() {
  const profile = await mkdtemp(join(tmpdir(), 'nianbao-ff-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: profile,
    args: ['--remote-allow-system-access', '--width=1280', '--height=900'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
      'datareporting.policy.dataSubmissionEnabled': false,
    },
  });
  return {
    browser,
    /** Install the build as a temporary add-on (BiDi webExtension.install); resolves to the add-on's id. */
    async install(dir = FIREFOX_BUILD) {
      if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`no Firefox build at ${dir}: run \`npm run build\` first`);
      return browser.installExtension(dir);
    },
    close: async () => {
      await browser.close().catch(() => {});
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Open an add-on page (popup.html, options.html): start the navigation without waiting, then poll. */
export async function openExtensionPage(browser, url, ready, timeout = 15_000) {
  const page = await browser.newPage();
  page.goto(url).catch(() => {});
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if (await page.evaluate(ready).catch(() => false)) return page;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${url} did not become ready`);
}
