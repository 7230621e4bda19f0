import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inCellWords } from '@/components/shared/findings';
import { FORMATS, cellLabel, type FormatId } from '@/lib/formats';
import { rulesOf } from '@/lib/formats/rules';
import { setLocale } from '@/lib/i18n';
import { checkInput } from '@/lib/check';
import { locate } from '@/lib/locate';
import { unwrittenMessage } from '@/lib/page/write-message';
import { checkReport } from '@/lib/rules';
import type { CheckInput } from '@/lib/report';
import { edited, shanghai2025 } from '../locate/shanghai2025';

/** Everything the official forms print (cell titles, section names and topics, rule scopes): quotes, not UI words. */
const FORM_WORDS = (Object.keys(FORMATS) as FormatId[])
  .flatMap((f) => [
    ...FORMATS[f].cells.flatMap((c) => [cellLabel(f, c.id), cellLabel(f, `${c.id}.cumulative`)]),
    ...FORMATS[f].sections.flatMap((s) => [s.name, s.topic, s.title, ...(s.groups ?? []).map((g) => g.label)]),
    ...rulesOf(f).map((r) => r.scope),
  ])
  .concat(['统计表', '规章', '规范性文件'])
  .join('\n');

/** What the clerk typed, quoted back: the body's name and a cell's unreadable text. */
const TYPED = ['某某县教育局', '十二'];

/** The Chinese runs of a text that are not quotes of a form or of what was typed: what an English UI must not show. */
function chineseOutsideTheForm(text: string): string[] {
  const runs = text.match(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+/g) ?? [];
  return runs.filter((run) => !FORM_WORDS.includes(run) && !TYPED.includes(run));
}

const messagesOf = (input: CheckInput, prior?: CheckInput) => checkReport(input, prior).map((f) => f.message);

/** Inputs that raise every kind of problem text: value domains, blanks, sums, stock, plausibility, localisation. */
function problemTexts(): string[] {
  const single = edited({ 'apply.carryForward.natural': 209 });
  const pair = edited({ 'apply.unable.notHeld.natural': 448, 'apply.ignored.complaint.commercial': 7 });
  const several = edited({ 'apply.carryForward.natural': 209, 'appeal.suitDirect.pending': 8 });
  const identity = edited({ 'apply.granted.natural': 210, 'apply.granted.total': 215, 'apply.total.natural': 1148, 'apply.total.total': 1200 });
  const domain = edited({ 'apply.new.natural': -3, 'apply.new.commercial': 1.5, 'apply.carried.natural': 1e13 });
  const unreadable: CheckInput = { ...edited({ 'apply.new.research': null }), raw: { 'apply.new.research': '十二' } };
  const blanks = edited({ 'apply.new.natural': null, 'apply.granted.natural': null, 'appeal.review.upheld': null });
  const column = edited(Object.fromEntries(Object.keys(shanghai2025().values).filter((id) => id.endsWith('.research')).map((id) => [id, null])));
  const carrySize = edited({ 'apply.carryForward.total': 1000 });
  const stock: CheckInput = {
    format: 'gov2021',
    year: 2024,
    body: '某某县教育局',
    values: { 'active.regulation.issued': 2, 'active.regulation.repealed': 9, 'active.regulation.inForce': 5, 'active.normative.inForce': 3 },
  };
  const prior: CheckInput = { format: 'gov2021', year: 2023, values: { 'active.regulation.inForce': 1, 'active.normative.inForce': 40 } };
  return [
    ...[single, pair, several, identity, domain, unreadable, blanks, column, carrySize].flatMap((i) => messagesOf(i)),
    ...messagesOf(stock, prior),
    ...messagesOf(shanghai2025(), { ...shanghai2025(), year: 2024 }),
    ...[single, pair, several, identity].map((i) => (locate(i) as { message: string }).message),
    ...[single, several].map((i) => checkInput(i).suggestion?.message ?? ''),
    unwrittenMessage('表三·（一）予以公开·自然人', '5', { status: 'not-written', reason: 'gone' }),
    unwrittenMessage('表三·（一）予以公开·自然人', '', { status: 'not-written', reason: 'refused' }),
    unwrittenMessage('表三·（一）予以公开·自然人', '5', { status: 'reverted', reason: 'elsewhere', restored: true }),
    unwrittenMessage('表三·（一）予以公开·自然人', '5', { status: 'reverted', reason: 'not-as-written', restored: false }),
  ];
}

describe('problem texts in English', () => {
  beforeEach(() => setLocale('en'));
  afterEach(() => setLocale('zh'));

  it('every problem text is English around quotes of the form: no other Chinese, no unfilled placeholder', () => {
    const texts = problemTexts();
    expect(texts.length).toBeGreaterThan(25);
    const bad = texts.flatMap((text) => chineseOutsideTheForm(text).map((run) => `「${run}」 in: ${text}`));
    expect(bad).toEqual([]);
    for (const text of texts) expect(text, text).not.toMatch(/\{\w+\}|undefined|NaN/);
  });

  it('at its own cell, the cell is "this cell" and the value the button offers is not said again', () => {
    const label = cellLabel('gov2021', 'apply.carryForward.natural');
    const message = (locate(edited({ 'apply.carryForward.natural': 209 })) as { message: string }).message;
    const shown = inCellWords(message, label, 290);
    expect(shown).toMatch(/^Most likely this cell is mistyped: it is 209; it looks like two neighbouring digits were swapped \(/);
    expect(shown).not.toContain('290');
    expect(chineseOutsideTheForm(shown)).toEqual([]);
  });

  it('the same inputs in Chinese say the same problems in Chinese', () => {
    const en = problemTexts();
    setLocale('zh');
    const zh = problemTexts();
    expect(zh.length).toBe(en.length);
    zh.forEach((text, i) => {
      expect(text).not.toBe(en[i]);
      expect(/[a-z]{3}/.test(text.replace(/Ctrl\+Z/g, '')), text).toBe(false);
    });
  });
});
