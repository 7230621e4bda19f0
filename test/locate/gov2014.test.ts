import { describe, expect, it } from 'vitest';
import { locate } from '@/lib/locate';
import type { CheckInput, Values } from '@/lib/report';
import { seed001 } from '../rules/seed001';

/** Seed 001's gov2014 table (typed by hand from ../shared/seeds/001_564ee96d51f4a710.txt), with changes. */
const report = (changes: Values = {}): CheckInput => ({ ...seed001, values: { ...seed001.values, ...changes } });

describe('locate on gov2014 (seed 001)', () => {
  it('is silent on the consistent table', () => {
    expect(locate(report())).toEqual({ kind: 'none' });
  });
  it('finds 政府网站 927 typed as 972', () => {
    expect(locate(report({ 'c.channels.website': 972 }))).toMatchObject({ kind: 'unique', cell: 'c.channels.website', value: 927 });
  });
  it('finds a subtotal that sits in two sums (17 typed as 71)', () => {
    const loc = locate(report({ 'c.response.channels.total': 71 }));
    expect(loc).toMatchObject({ kind: 'unique', cell: 'c.response.channels.total', value: 17, current: 71 });
    expect(loc.kind === 'unique' && loc.message).toContain('最可能是 统计表·');
  });
  it('lists the candidates when several one-digit slips explain a sum', () => {
    // 新闻发布会 1 typed as 0: 0→1, 0→1 (访谈), 14→15, 1→2, 1→2 all fit; the 其中 row 1 ≤ 访谈 0→1 too.
    const loc = locate(report({ 'c.response.channels.pressConf': 0 }));
    expect(loc.kind).toBe('ranked');
    expect(loc.kind === 'ranked' && loc.candidates.some((c) => c.cell === 'c.response.channels.pressConf' && c.value === 1)).toBe(true);
  });
  it('does nothing for formats or input it has no rules for', () => {
    expect(locate({ format: 'local', year: 2010, values: { a: 1 } })).toEqual({ kind: 'none' });
    expect(locate({ format: 'nope' as never, year: null, values: {} })).toEqual({ kind: 'none' });
    expect(locate(null as never)).toEqual({ kind: 'none' });
  });
});
