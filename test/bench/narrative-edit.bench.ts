/**
 * `npm run bench` (or `npx tsx test/bench/narrative-edit.bench.ts`): extracting the claims of the long narrative of
 * `npm run bench:page` (the harness report padded to ~5,600 characters, test/bench/narrative-typing.mjs) cold, and
 * again after a one-character edit at its start, middle and end, as a clerk types. The narrative reader as it was
 * before (test/narrative/reference, frozen) reads the same texts in the same process. Figures: median ms and the
 * ratio cold / after an edit. Target: an edit re-extracted at least 5× faster than a cold read.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { mapNarrative } from '@/lib/read/dom';
import { parseHtmlDocument } from '@/lib/read/html';
import { extractClaims, forgetReadings } from '@/lib/narrative/claims';
import { compact, sentences } from '@/lib/narrative/text';
import * as before from '../narrative/reference/claims';
// @ts-expect-error plain JavaScript bench helper
import { paddedReport } from './narrative-typing.mjs';

const YEAR = 2023;
const FIGURE = '本机关共收到政府信息公开申请50件';

export function benchText(): string {
  return mapNarrative(parseHtmlDocument(paddedReport() as string).body).text;
}

function median(runs: number, fn: (i: number) => void): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn(i);
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[runs >> 1]!;
}

/** The text with its character at `at` replaced by one of a few digits (the i-th edit differs from the last few). */
const edited = (text: string, at: number, i: number) => text.slice(0, at) + String(i % 10) + text.slice(at + 1);

export default function main(): void {
  const text = benchText();
  const first = text.indexOf(FIGURE) + FIGURE.length - 2; // the figure's first digit, as the page bench retypes it
  const middle = text.indexOf('50件', text.length >> 1);
  const places: [string, number][] = [
    ['start (first sentence’s figure)', first],
    ['middle', middle],
    ['end', text.length - 1],
  ];
  const claims = extractClaims(text, 'gov2021', YEAR, {});
  console.log(`narrative: ${text.length} characters, ${sentences(compact(text)).length} sentences, ${claims.length} claims`);

  // warm up both readers' code
  for (let i = 0; i < 50; i++) {
    forgetReadings();
    extractClaims(edited(text, first, i), 'gov2021', YEAR, {});
    before.extractClaims(edited(text, first, i) + '\n'.repeat((i % 6) + 1), 'gov2021', YEAR, {});
  }
  const RUNS = 300;
  const cold = median(RUNS, (i) => {
    forgetReadings();
    extractClaims(edited(text, first, i), 'gov2021', YEAR, {});
  });
  const old = median(RUNS, (i) => before.extractClaims(edited(text, first, i) + '\n'.repeat((i % 6) + 1), 'gov2021', YEAR, {}));
  const passes = median(RUNS, (i) => sentences(compact(edited(text, first, i))));
  const ms = (x: number) => `${x.toFixed(3).padStart(7)} ms`;
  console.log(`cold read (nothing kept)                       median ${ms(cold)}`);
  console.log(`reader before (frozen reference), cold          median ${ms(old)}   (${(old / cold).toFixed(1)}× the cold read)`);
  console.log(`whole-text passes (normalise, compact, split)   median ${ms(passes)}   (${((100 * passes) / cold).toFixed(0)}% of the cold read)`);
  for (const [where, at] of places) {
    forgetReadings();
    extractClaims(text, 'gov2021', YEAR, {});
    let last = text;
    const again = median(RUNS, (i) => {
      last = edited(text, at, i);
      extractClaims(last, 'gov2021', YEAR, {});
    });
    console.log(`one-character edit at the ${where.padEnd(32)} median ${ms(again)}   cold / edit ${(cold / again).toFixed(1)}×`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
