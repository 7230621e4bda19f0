/**
 * The figures of test/bench/narrative-edit.bench.ts, measured wherever this runs (Node, or bundled into a page by
 * narrative-edit-browser.ts): extracting a narrative's claims cold and after one-character edits.
 */
import { extractClaims, forgetReadings } from '@/lib/narrative/claims';
import { compact, sentences } from '@/lib/narrative/text';
import * as before from '../narrative/reference/claims';

const YEAR = 2023;
/** The figure the page bench retypes (test/bench/narrative-typing.mjs). */
const FIGURE = '本机关共收到政府信息公开申请50件';

export interface Figures {
  length: number;
  sentences: number;
  claims: number;
  /** Median ms per call. */
  cold: number;
  before: number;
  passes: number;
  edits: { where: string; ms: number }[];
}

/**
 * For each function, the median over `runs` samples of the mean of `batch` calls (a page's clock may tick in
 * 0.1 ms); the functions' samples are taken in turn, so that a busy machine or the optimiser favours none.
 */
function medians(runs: number, batch: number, fns: ((i: number) => void)[]): number[] {
  const times = fns.map((): number[] => []);
  for (let r = 0; r < runs; r++)
    fns.forEach((fn, k) => {
      const t0 = performance.now();
      for (let b = 0; b < batch; b++) fn(r * batch + b);
      times[k]!.push((performance.now() - t0) / batch);
    });
  return times.map((t) => t.sort((a, b) => a - b)[runs >> 1]!);
}

/** The text with its character at `at` replaced by a digit other than it (the i-th edit differs from the last few). */
function edited(text: string, at: number, i: number): string {
  const digit = String(i % 10) === text[at] ? String((i + 1) % 10) : String(i % 10);
  return text.slice(0, at) + digit + text.slice(at + 1);
}
/** A text the frozen reader has not kept (it keeps its last few whole texts). */
const fresh = (text: string, i: number) => text + '\n'.repeat((i % 6) + 1);

export function measure(text: string, { runs, batch, warmups }: { runs: number; batch: number; warmups: number }): Figures {
  const first = text.indexOf(FIGURE) + FIGURE.length - 2; // the figure's first digit
  const places: [string, number][] = [
    ['start', first < FIGURE.length ? 0 : first],
    ['middle', Math.max(0, text.indexOf('50件', text.length >> 1))],
    ['end', text.length - 1],
  ];
  const cold = (i: number) => {
    forgetReadings();
    extractClaims(edited(text, first, i), 'gov2021', YEAR, {});
  };
  const old = (i: number) => before.extractClaims(fresh(edited(text, first, i), i), 'gov2021', YEAR, {});
  for (let i = 0; i < warmups; i++) {
    cold(i);
    old(i);
  }
  const passes = (i: number) => sentences(compact(edited(text, first, i)));
  const [coldMs, beforeMs, passesMs] = medians(runs, batch, [cold, old, passes]);
  const figures: Figures = {
    length: text.length,
    sentences: sentences(compact(text)).length,
    claims: extractClaims(text, 'gov2021', YEAR, {}).length,
    cold: coldMs!,
    before: beforeMs!,
    passes: passesMs!,
    edits: [],
  };
  // The three places in turn, as a clerk's edits here and there: each text read differs from the ones before it in
  // the edited sentences only, and a busy machine slows the three alike.
  forgetReadings();
  extractClaims(text, 'gov2021', YEAR, {});
  const edits = places.map(([, at]) => (i: number) => extractClaims(edited(text, at, i), 'gov2021', YEAR, {}));
  for (let i = 0; i < warmups; i++) edits.forEach((edit) => edit(i)); // typing goes on: the steady state
  const ms = medians(runs, batch, edits);
  figures.edits = places.map(([where], k) => ({ where, ms: ms[k]! }));
  return figures;
}

export function print(where: string, f: Figures): void {
  const ms = (x: number) => `${x.toFixed(3).padStart(7)} ms`;
  const say = (what: string, x: number, note = '') => console.log(`${where.padEnd(12)} ${what.padEnd(50)} ${ms(x)}${note}`);
  say('cold read (nothing kept)', f.cold);
  say('the reader before (frozen), cold', f.before, `   ×${(f.before / f.cold).toFixed(1)} the cold read`);
  say('whole-text passes (normalise, compact, sentences)', f.passes, `   ${((100 * f.passes) / f.cold).toFixed(0)}% of the cold read`);
  for (const e of f.edits)
    say(`one-character edit at the ${e.where}`, e.ms, `   cold / edit ×${(f.cold / e.ms).toFixed(1)}, before / edit ×${(f.before / e.ms).toFixed(1)}`);
}
