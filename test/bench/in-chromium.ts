import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Run a bench in Debian's Chromium, headless: `entry` (a file beside this one) bundled into one script, and
 * `each(open)` given a way to open a fresh page at a CPU rate (1 = none) with `html` in its body and that script
 * loaded. Says so and does nothing when there is no Chromium.
 */
export async function inChromium(entry: string, each: (open: (rate: number, html?: string) => Promise<Page>) => Promise<void>): Promise<void> {
  if (!existsSync(CHROMIUM)) return console.log(`(no Chromium at ${CHROMIUM}: the in-browser figures are skipped)`);
  const { build } = await import('esbuild');
  const { chromium } = await import('playwright-core');
  const bundle = await build({ entryPoints: [resolve(import.meta.dirname, entry)], bundle: true, write: false, format: 'iife', target: 'chrome102' });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    await each(async (rate, html = '') => {
      const page = await browser.newPage();
      if (rate !== 1) await (await page.context().newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate });
      await page.setContent(`<!doctype html><html><head><meta charset="utf-8"></head><body>${html}</body></html>`);
      await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
      return page;
    });
  } finally {
    await browser.close();
  }
}
