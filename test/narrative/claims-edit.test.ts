// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import type { FormatId } from '@/lib/formats';
import { extractClaims, forgetReadings } from '@/lib/narrative/claims';
import { compact, normalizeChars, sentences } from '@/lib/narrative/text';
import { htmlText } from '@/lib/read/html';
import type { Values } from '@/lib/report';
import * as before from './reference/claims';
import * as textBefore from './reference/text';
import { toSimplified as simplifiedBefore } from './reference/traditional';
import { toSimplified } from '@/lib/formats/traditional';
import { benchText } from '../bench/narrative-edit.bench';
import { HAVE_SHARED, SKIP_REASON, sharedPath } from '../real-reports';
import { HEAVY } from '../helpers/heavy';

/**
 * A clerk typing in a long narrative changes one sentence at a time, and the claims of the rest are kept from the
 * texts read before (lib/narrative/claims.ts). Whatever is typed, in whatever order, the claims are those the
 * reader as it was (test/narrative/reference, frozen, never keeping anything between texts) gives for the same
 * text, and those of a first reading with nothing kept.
 */

const read = (file: string) => {
  const raw = readFileSync(file, 'utf8');
  return file.endsWith('.html') ? htmlText(raw) : raw;
};

/** As traditional-character mirrors and full-width typing give it. */
const TRADITIONAL =
  '２０２２年，本機關共收到政府資訊公開申請５０件（含上年結轉３件）；予以公開１２件，部分公開３件。\n' +
  '﹝２０２２﹞　入口網站發佈資訊１２０條；制發規範性檔案４件，廢止１件；網路申請２０件。\n— 2 —\n全市累計受理申請1 200件，本機關辦結５０件。';

/** Real narratives: the real reports beside the clone when there, the page bench's long narrative, the fixture report. */
function narratives(): [string, string][] {
  const out: [string, string][] = [
    ['the page bench’s padded narrative', benchText()],
    ['the fixture report', read(new URL('../fixtures/read/report-2023.html', import.meta.url).pathname)],
    ['a narrative dense in scope words', DENSE],
    ['the same, repeated', DENSE.repeat(6)],
    ['the same, traditional and full-width', TRADITIONAL],
  ];
  if (!HAVE_SHARED) {
    console.warn(`[claims after edits] real reports ${SKIP_REASON}`);
    return out;
  }
  for (const dir of ['corpus', 'seeds'])
    for (const f of readdirSync(sharedPath(dir)).filter((f) => /\.(txt|html)$/.test(f)).sort()) out.push([`${dir}/${f}`, read(sharedPath(`${dir}/${f}`))]);
  return out;
}

/** What edits insert: sentence and clause marks, hard boundaries, digits, numerals, scope words, spaces, odd width. */
const PIECES = [
  '。', '；', ';', '|', '，', '、', '\n', '\n\n', ' ', '\u3000', '\u00a0', '0', '1', '5', '9', '１２', '一', '二', '十', '百', '两',
  '其中', '另有', '上年', '全市', '各部门', '同比', '2022年', '2023年', '件', '条', '万元', '申请', '收到政府信息公开申请', '予以公开',
  '不予公开', '制发规章', '行政规范性文件', '现行有效', '（含上年结转', '）', '《', '》', '〔', '〕', '開', '資訊', '— 3 —', '一、',
];

/** Where edits that change what a later clause means are made: at marks, scope words and years. */
const ANCHORS = ['；', '。', '，', '\n', '全市', '其中', '另有', '上年', '2022年', '2023年', '同比', '备案', '申请', '件', '0', '1', '5'];

/** An edit at a fraction of the text (0 = start, 1 = end), or at the n-th place of an anchor (on it or right after it). */
type Edit = { at: number; anchor: string | null; nth: number; after: boolean; remove: number; insert: string };
const editArb: fc.Arbitrary<Edit> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  anchor: fc.option(fc.constantFrom(...ANCHORS), { freq: 1 }),
  nth: fc.nat(),
  after: fc.boolean(),
  remove: fc.constantFrom(0, 0, 1, 1, 2, 5),
  insert: fc.oneof(fc.constant(''), fc.constantFrom(...PIECES), fc.array(fc.constantFrom(...PIECES), { maxLength: 3 }).map((p) => p.join(''))),
});

function place(text: string, e: Edit): number {
  if (e.anchor) {
    const found: number[] = [];
    for (let i = text.indexOf(e.anchor); i >= 0 && found.length <= e.nth; i = text.indexOf(e.anchor, i + 1)) found.push(i);
    if (found.length) return found[e.nth % found.length]! + (e.after ? e.anchor.length : 0);
  }
  return Math.min(text.length, Math.floor(e.at * (text.length + 1)));
}

function apply(text: string, e: Edit): string {
  const at = place(text, e);
  return text.slice(0, at) + e.insert + text.slice(at + e.remove);
}

/** A narrative dense in what the reading of a clause depends on before it: ；-clauses, scope words, years. */
const DENSE = [
  '全市共收到政府信息公开申请120件；本机关收到政府信息公开申请50件，予以公开12件；部分公开3件。',
  '2022年新收政府信息公开申请40件；2023年新收政府信息公开申请50件，其中予以公开20件；办结45件。',
  '本年度收到政府信息公开申请50件（含上年结转3件），另有上年结转2件；其中不予公开5件，无法提供4件；不予处理1件。',
  '全年制发规章2件，废止1件；现行有效27件，新增现行有效3件；制发行政规范性文件4件。',
  '同比增长10%；答复申请48件；被申请行政复议3件、行政诉讼2件；备案行政规范性文件2件；复议后起诉1件。',
  '办结 1191 件（含\n上年结转2件），予以公开5 3件，部分公开\u00a01\u00a0件；不予公开 2\n3 件。',
].join('\n');

const FORMATS: FormatId[] = ['gov2021', 'gov2019', 'gov2014'];
/** Values that change which cells a figure names (其他处理: the total cell or its rows). */
const VALUES: Values[] = [{}, { 'apply.new.total': 50, 'apply.other.total': 3 }];

describe('the claims of a narrative after edits', () => {
  beforeEach(() => forgetReadings());

  it('toSimplified gives what it gave before for every character of the Basic Multilingual Plane, after other text', () => {
    for (let code = 0; code < 0x10000; code++) {
      if (code >= 0xd800 && code < 0xe000) continue;
      const text = `申请${String.fromCharCode(code)}`;
      if (toSimplified(text) !== simplifiedBefore(text)) expect(toSimplified(text)).toBe(simplifiedBefore(text));
    }
  });

  it('the whole-text passes give exactly what they gave before they were made lean', () => {
    for (const [, text] of narratives()) {
      expect(toSimplified(text)).toBe(simplifiedBefore(text));
      expect(normalizeChars(text)).toBe(textBefore.normalizeChars(text));
      const c = compact(text);
      const was = textBefore.compact(text);
      expect(c.text).toBe(was.text);
      expect([...c.pos]).toEqual(was.pos);
      expect(sentences(c)).toEqual(textBefore.sentences(was));
    }
  });

  it('the whole-text passes give what they gave before on random texts of marks, spaces, digits, headings and page marks', HEAVY, () => {
    const piece = fc.oneof(fc.constantFrom(...PIECES, '\t', '\r\n', '\u200b', '（一）', '1.', '2、', '- 12 -', '＋', '﹝', '﹞'), fc.string({ maxLength: 4 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        const c = compact(text);
        const was = textBefore.compact(text);
        expect(c.text).toBe(was.text);
        expect([...c.pos]).toEqual(was.pos);
        expect(sentences(c)).toEqual(textBefore.sentences(was));
      }),
      { numRuns: 2000 },
    );
  });

  it('over real narratives and random edits, with the readings of earlier texts kept, are those of the reader before and of a first reading', HEAVY, () => {
    const texts = narratives();
    fc.assert(
      fc.property(
        fc.nat(texts.length - 1),
        fc.constantFrom(...FORMATS),
        fc.constantFrom(2022, 2023, null),
        fc.constantFrom(...VALUES),
        fc.array(editArb, { minLength: 1, maxLength: 8 }),
        (which, format, year, values, edits) => {
          let text = texts[which]![1];
          extractClaims(text, format, year, values); // warm
          for (const e of edits) {
            text = apply(text, e);
            const warm = extractClaims(text, format, year, values);
            expect(warm).toStrictEqual(before.extractClaims(text, format, year, values));
            // the answer kept for this very text is the same again
            expect(extractClaims(text, format, year, values)).toStrictEqual(warm);
          }
          const kept = extractClaims(text, format, year, values);
          forgetReadings();
          expect(extractClaims(text, format, year, values)).toStrictEqual(kept);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('across edits that go back and forth between texts (undo, redo) and between years and formats', HEAVY, () => {
    const texts = narratives();
    fc.assert(
      fc.property(fc.nat(texts.length - 1), fc.array(fc.tuple(editArb, fc.constantFrom(...FORMATS), fc.constantFrom(2022, 2023)), { minLength: 2, maxLength: 10 }), fc.nat(), (which, steps, pick) => {
        const seen = [texts[which]![1]];
        for (const [e, format, year] of steps) {
          const from = seen[pick++ % seen.length]!;
          const text = apply(from, e);
          seen.push(text);
          expect(extractClaims(text, format, year, {})).toStrictEqual(before.extractClaims(text, format, year, {}));
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('a sentence’s kept readings', () => {
  beforeEach(() => forgetReadings());
  const figures = (text: string, year: number | null = 2023) => extractClaims(text, 'gov2021', year, {}).map((c) => c.figure);

  it('depend on the clause before it in the same 。-sentence: a scope word there puts its figure out, and its removal back in', () => {
    const other = '全市共收到政府信息公开申请120件；本机关收到政府信息公开申请50件。';
    const own = '今年共收到政府信息公开申请120件；本机关收到政府信息公开申请50件。';
    expect(figures(other)).toEqual([]);
    expect(figures(own)).toEqual(['120件', '50件']);
    expect(figures(other)).toEqual([]);
    forgetReadings();
    expect(figures(own)).toEqual(['120件', '50件']);
    expect(figures(other)).toEqual([]);
  });

  it('depend on the year: a sentence naming another year is read again for it', () => {
    const text = '2022年新收政府信息公开申请12件。予以公开3件。';
    expect(figures(text, 2022)).toEqual(['12件', '3件']);
    expect(figures(`${text}部分公开1件。`, 2023)).toEqual(['3件', '1件']);
    expect(figures(`${text}部分公开2件。`, 2022)).toEqual(['12件', '3件', '2件']);
  });

  it('are placed where the sentence now is: moved by an edit before it, its spans and sentence move with it', () => {
    const text = '予以公开12件。部分公开3件。';
    const first = extractClaims(text, 'gov2021', 2023, {});
    const moved = `本年度，${text}`;
    const again = extractClaims(moved, 'gov2021', 2023, {});
    expect(again[1]!.span).toEqual({ start: moved.indexOf('3件'), end: moved.indexOf('3件') + 2 });
    expect(again[1]!.sentence).toEqual({ start: moved.indexOf('部分'), end: moved.indexOf('3件') + 2, text: '部分公开3件' });
    expect(again[1]!.span.start - first[1]!.span.start).toBe(4);
  });

  it('quote the sentence as the current text writes it, where the same words are written otherwise (traditional, spaced)', () => {
    expect(extractClaims('部分公开3件。', 'gov2021', 2023, {})[0]!.sentence.text).toBe('部分公开3件');
    const trad = extractClaims('部分公開 3件。', 'gov2021', 2023, {});
    expect(trad[0]!.sentence).toEqual({ start: 0, end: 7, text: '部分公開3件' });
    expect(trad[0]!.span).toEqual({ start: 5, end: 7 });
  });
});
