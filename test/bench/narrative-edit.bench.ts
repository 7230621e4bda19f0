/**
 * `npm run bench` (or `npx tsx test/bench/narrative-edit.bench.ts`): extracting the claims of the long narrative of
 * `npm run bench:page` (the harness report padded with a filler paragraph ×40, test/bench/narrative-typing.mjs)
 * cold, and again after a one-character edit at its start, middle and end, as a clerk types in it; with the
 * narrative reader as it was before (test/narrative/reference, frozen) in the same process. Printed for Node, then
 * in Chromium unthrottled and with the CPU throttled 4× (an old office PC), each rate in a fresh page. Median ms per
 * call. Target: an edit re-extracted at least 5× faster than a cold read; under 3 ms at 4×.
 */
import { pathToFileURL } from 'node:url';
import { mapNarrative } from '@/lib/read/dom';
import { parseHtmlDocument } from '@/lib/read/html';
import { inChromium } from './in-chromium';
import { measure, print, type Figures } from './narrative-edit-measure';
// @ts-expect-error plain JavaScript bench helper
import { paddedReport } from './narrative-typing.mjs';

/** The narrative text the page reads from the padded report. */
export function benchText(): string {
  return mapNarrative(parseHtmlDocument(paddedReport() as string).body).text;
}

export default async function main(): Promise<void> {
  const text = benchText();
  const f = measure(text, { runs: 101, batch: 3, warmups: 50 });
  console.log(`the bench narrative: ${f.length} characters, ${f.sentences} sentences, ${f.claims} claims (median per call)`);
  print('node', f);
  await chromium(text);
}

async function chromium(text: string): Promise<void> {
  await inChromium('narrative-edit-browser.ts', async (open) => {
    for (const rate of [1, 4]) {
      const page = await open(rate);
      const figures = await page.evaluate(
        ([t, o]) => (globalThis as unknown as { nbNarrative: { measure(t: string, o: object): Figures } }).nbNarrative.measure(t, o),
        [text, { runs: 31, batch: 5, warmups: 10 }] as const,
      );
      print(rate === 1 ? 'chromium' : `chromium ${rate}×`, figures);
      await page.close();
    }
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
