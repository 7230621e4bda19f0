import { describe, expect, it } from 'vitest';
import { extractClaims } from '@/lib/narrative';

/**
 * The words of an unchanged narrative are read once and kept (the live page checks the same text against every
 * new value of the table); each answer must still be the one for the text, format, year and values it is asked
 * about.
 */
describe('extractClaims, asked again', () => {
  const text = '本年度新收政府信息公开申请12件，其他处理3件。';

  it('decides the cells of a figure from the values of each call, not of the first', () => {
    const split = extractClaims(text, 'gov2021', 2023, { 'apply.new.total': 12 });
    const whole = extractClaims(text, 'gov2021', 2023, { 'apply.new.total': 12, 'apply.other.total': 3 });
    expect(split.map((c) => c.figure)).toEqual(['12件', '3件']);
    expect(split[1]!.cells).not.toContain('apply.other.total');
    expect(split[1]!.cells.every((id) => id.startsWith('apply.other.'))).toBe(true);
    expect(whole[1]!.cells).toEqual(['apply.other.total']);
    expect(extractClaims(text, 'gov2021', 2023, { 'apply.new.total': 12 })).toStrictEqual(split);
  });

  it('reads a changed text anew', () => {
    expect(extractClaims(text, 'gov2021', 2023, {}).map((c) => c.value)).toEqual([12, 3]);
    const edited = text.replace('12件', '13件');
    expect(extractClaims(edited, 'gov2021', 2023, {}).map((c) => c.value)).toEqual([13, 3]);
    expect(extractClaims(text, 'gov2021', 2023, {}).map((c) => c.value)).toEqual([12, 3]);
  });

  it('reads the same text anew for another year or format', () => {
    const dated = '2022年新收政府信息公开申请12件。';
    expect(extractClaims(dated, 'gov2021', 2022, {})).toHaveLength(1);
    expect(extractClaims(dated, 'gov2021', 2023, {})).toHaveLength(0); // a figure of another year
    expect(extractClaims(dated, 'gov2021', 2022, {})).toHaveLength(1);
    expect(extractClaims(dated, 'local', 2022, {})).toHaveLength(0); // no topics
  });

  it('gives claims of their own: changing one leaves the next answer as it was', () => {
    const first = extractClaims(text, 'gov2021', 2023, { 'apply.other.total': 3 });
    first[0]!.sentence.text = '改过';
    first[0]!.span.start = 99;
    first[1]!.alts.push(['x']);
    const again = extractClaims(text, 'gov2021', 2023, { 'apply.other.total': 3 });
    expect(again[0]!.sentence.text).toBe('本年度新收政府信息公开申请12件，其他处理3件');
    expect(again[0]!.span.start).toBe(text.indexOf('12'));
    expect(again[1]!.alts).not.toContainEqual(['x']);
  });
});
