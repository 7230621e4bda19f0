import { describe, expect, it } from 'vitest';
import { checkNarrative, forgetComparisons } from '@/lib/narrative';
import { forgetReadings } from '@/lib/narrative/claims';
import { mapNarrative, textOutsideTables } from '@/lib/read/dom';
import { htmlText, parseHtmlDocument } from '@/lib/read/html';
import type { CheckInput } from '@/lib/report';

/**
 * Narrative reading is linear in its input: text of the same length costs about the same whatever
 * it is made of. Timed as a ratio against ordinary prose of the same length read in the same
 * process (best of a few runs, CPU time), never as absolute milliseconds.
 */

const N = 100_000;
const PROSE = '本年度共收到政府信息公开申请50件，予以公开12件，部分公开3件，结转下年度继续办理4件。全年制发行政规范性文件4件，废止1件。';
const fill = (unit: string, n = N) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);

const input: CheckInput = {
  format: 'gov2021',
  year: 2023,
  values: { 'apply.new.total': 50, 'apply.granted.total': 12, 'apply.partial.total': 3, 'apply.carryForward.total': 4, 'active.normative.issued': 4, 'active.normative.repealed': 1 },
};

/** Texts as hostile or odd pages give them, about N characters each. */
const HOSTILE: Record<string, string> = {
  'a run of spaces between two figures': `收到申请5${' '.repeat(N - 20)}0件，予以公开1件。`,
  'a run of &nbsp; (U+00A0) next to a digit': `予以公开1${'\u00a0'.repeat(N - 10)}2件。`,
  'a run of ideographic spaces (U+3000)': `部分公开${'\u3000'.repeat(N - 10)}3件。`,
  'spaces, &nbsp; and U+3000 mixed with digits': fill('1 \u00a0\u3000 '),
  'one long Chinese sentence full of figures (no 。)': fill('予以公开12件，部分公开3件，'),
  'one long sentence, figures separated by ；': fill('予以公开12件；'),
  'long runs of spaces and &nbsp; around line breaks': fill(`${' \u00a0'.repeat(2000)}\n\u3000\u3000\n`),
  'figures inside a never-closed 《': `《${fill('予以公开12件，', N - 1)}`,
};

/** CPU time of this process (ms), so that other processes on a busy machine do not count. */
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

function best(fn: () => unknown, runs = 2): number {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = cpu();
    fn();
    min = Math.min(min, cpu() - t0);
  }
  return min;
}

let variant = 0;
/**
 * `t` with a short run of line breaks after it, different from the last few, and nothing kept: the narrative check
 * keeps the words of the last few texts it read and of their sentences (lib/narrative/claims.ts), and its comparisons
 * for the last values (lib/narrative/index.ts), and every timed
 * run must read its text anew.
 */
const fresh = (t: string) => {
  forgetReadings();
  forgetComparisons();
  return t + '\n'.repeat((variant++ % 8) + 1);
};

/** Reading `text` against reading `reference` (ordinary input of the same length). */
function ratio(read: (text: string) => unknown, text: string, reference: string): number {
  expect(Math.abs(reference.length - text.length)).toBeLessThan(PROSE.length);
  read(fresh(reference)); // warm up
  const base = best(() => read(fresh(reference)));
  return best(() => read(fresh(text))) / Math.max(base, 1);
}

describe('narrative reading is linear in its input (time relative to ordinary prose of the same length)', () => {
  it.each(Object.keys(HOSTILE))('the narrative check: %s', (name) => {
    const text = HOSTILE[name]!;
    expect(ratio((t) => checkNarrative(t, input), text, fill(PROSE, text.length))).toBeLessThan(5);
  }, 60_000);

  const html = (t: string) => `<p>${t.replace(/\u00a0/g, '&nbsp;')}</p><p>二、主动公开政府信息情况</p>`;
  it.each(Object.keys(HOSTILE))('the page narrative with its DOM map and the HTML text: %s', (name) => {
    const read = (page: string) => {
      const doc = parseHtmlDocument(page);
      mapNarrative(doc);
      textOutsideTables(doc);
      htmlText(page);
    };
    const page = html(HOSTILE[name]!);
    // ordinary prose in paragraphs, as long as the hostile page's markup
    const prose = fill(`${PROSE}</p><p>`, page.length);
    expect(ratio(read, page, `<p>${prose}</p>`)).toBeLessThan(5);
  }, 60_000);

  it('many short lines: four times the lines cost about four times the time, far from the sixteen of a quadratic read (a line costs more than a character of prose, so its own reference)', () => {
    const lines = (n: number) => fill('1\n', n);
    const read = (t: string) => {
      checkNarrative(t, input);
      mapNarrative(parseHtmlDocument(`<p>${t}</p>`));
    };
    read(fresh(lines(N / 4)));
    const quarter = best(() => read(fresh(lines(N / 4))), 3);
    expect(best(() => read(fresh(lines(N))), 3) / Math.max(quarter, 1)).toBeLessThan(8);
  }, 60_000);

  it('whitespace runs still read as one gap: figures on either side never merge', () => {
    expect(checkNarrative(HOSTILE['a run of &nbsp; (U+00A0) next to a digit']!, input)).toEqual([]);
    const wrong = checkNarrative(`予以公开${'\u00a0'.repeat(5000)}13件。`, input);
    expect(wrong.map((f) => f.cells)).toEqual([['apply.granted.total']]);
  });
});
