import { describe, expect, it } from 'vitest';
import { resultRowIds, APPLY_COL_IDS } from '@/lib/formats/apply-sections';
import { checkReport } from '@/lib/rules';
import { add, byRule, clone, errors } from './helpers';
import { consistent } from './gen';

describe('gov2021 section 二 and format variants', () => {
  const base = consistent('gov2021', 21);

  it('X-STOCK: 现行有效件数 = last year’s + 本年制发 − 本年废止', () => {
    expect(byRule(checkReport(base.input, base.prior), 'X-STOCK')).toEqual([]);
    const prior = add(clone(base.prior), 'active.normative.inForce', -2);
    const fs = checkReport(base.input, prior);
    expect(fs.map((f) => [f.rule, f.severity, f.target])).toEqual([['X-STOCK', 'warning', 'active.normative.inForce']]);
    const v = base.input.values;
    const want = (prior.values['active.normative.inForce'] as number) + (v['active.normative.issued'] as number) - (v['active.normative.repealed'] as number);
    expect(fs[0]!.expected).toBe(want);
    expect(fs[0]!.message).toBe(
      `表二 行政规范性文件：现行有效件数(${v['active.normative.inForce']})应为上年报告·现行有效件数(${prior.values['active.normative.inForce']})+本年制发件数(${v['active.normative.issued']})−本年废止件数(${v['active.normative.repealed']})=${want}，相差2`,
    );
  });

  it('gov2020 (gov2019 format) prior → gov2021 current: X-CARRY on every column, with no value that would unbalance 表三', () => {
    const g19 = consistent('gov2019', 5);
    const prior = { format: 'gov2019' as const, year: 2020, values: { ...g19.input.values } };
    for (const c of APPLY_COL_IDS) prior.values[`apply.carryForward.${c}`] = base.input.values[`apply.carried.${c}`]!;
    expect(checkReport(base.input, prior)).toEqual([]);
    add(prior, 'apply.carryForward.nonprofit', 1);
    const fs = checkReport(base.input, prior);
    expect(fs.map((f) => [f.rule, f.cells[0], f.target])).toEqual([['X-CARRY', 'apply.carried.nonprofit', undefined]]);
  });

  it('T3-TOT uses apply.other.<col> when （六） is one row', () => {
    const i = clone(base.input);
    for (const c of APPLY_COL_IDS) {
      let sum = 0;
      for (const r of resultRowIds(true).filter((r) => r.startsWith('other.'))) {
        sum += i.values[`apply.${r}.${c}`] as number;
        delete i.values[`apply.${r}.${c}`];
      }
      i.values[`apply.other.${c}`] = sum;
    }
    expect(checkReport(i)).toEqual([]);
    add(add(i, 'apply.other.natural', 1), 'apply.other.total', 1);
    const fs = checkReport(i);
    expect(fs.map((f) => f.rule)).toEqual(['T3-TOT', 'T3-TOT']);
    expect(fs[0]!.message).toContain('（六）其他处理(');
  });

  it('a （六） subtotal row kept beside the sub-rows must equal them', () => {
    const i = clone(base.input);
    const subs = resultRowIds(true).filter((r) => r.startsWith('other.'));
    for (const c of APPLY_COL_IDS) i.values[`apply.other.${c}`] = subs.reduce((a, r) => a + (i.values[`apply.${r}.${c}`] as number), 0);
    expect(checkReport(i)).toEqual([]);
    add(add(i, 'apply.other.legal', 4), 'apply.other.total', 4);
    const fs = errors(checkReport(i));
    expect(fs.length).toBeGreaterThan(0);
    expect(fs.every((f) => f.rule === 'T3-TOT')).toBe(true);
  });
});

describe('gov2019 section 二', () => {
  const base = consistent('gov2019', 8);

  it('X-ITEMS: 上一年项目数量 = last year’s 上一年项目数量 + 本年增/减', () => {
    expect(checkReport(base.input, base.prior)).toEqual([]);
    const prior = add(clone(base.prior), 'active.penalty.delta', 3);
    const fs = checkReport(base.input, prior);
    expect(fs.map((f) => [f.rule, f.severity, f.target])).toEqual([['X-ITEMS', 'warning', 'active.penalty.prevItems']]);
    expect(fs[0]!.expected).toBe((base.input.values['active.penalty.prevItems'] as number) + 3);
    expect(fs[0]!.message).toMatch(/^表二 行政处罚：上一年项目数量\(\d+\)，但上年报告·上一年项目数量\(\d+\)\+上年报告·本年增\/减\(-?\d+\)=\d+，相差3$/);
  });

  it('X-STOCK does not apply to gov2019', () => {
    expect(byRule(checkReport(base.input, base.prior), 'X-STOCK')).toEqual([]);
  });
});
