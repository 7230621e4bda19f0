import { describe, expect, it } from 'vitest';
import { checkReport } from '@/lib/rules';
import { add, byRule, clone, errors, zeroTable } from './helpers';
import { consistent } from './gen';

/** Section 三/四 rules, for both formats that have them. */
describe.each(['gov2021', 'gov2019'] as const)('%s sections 三 and 四', (format) => {
  const year = format === 'gov2021' ? 2023 : 2020;
  const base = consistent(format, 11);

  it('a consistent report with its prior year has no finding', () => {
    expect(checkReport(base.input, base.prior)).toEqual([]);
  });

  it('T3-BAL fails with both sides and the difference in the form words', () => {
    const t = zeroTable(format, year);
    for (const col of ['natural', 'total']) {
      t.values[`apply.new.${col}`] = 8;
      t.values[`apply.granted.${col}`] = 7;
      t.values[`apply.total.${col}`] = 7;
    }
    const fs = checkReport(t);
    expect(fs.map((f) => f.rule)).toEqual(['T3-BAL', 'T3-BAL']);
    expect(fs[0]!.severity).toBe('error');
    expect(fs[0]!.message).toBe('表三 自然人列：本年新收(8)+上年结转(0)=8，但办理结果总计(7)+结转下年度(0)=7，相差1');
    expect(fs[1]!.message).toBe('表三 总计列：本年新收(8)+上年结转(0)=8，但办理结果总计(7)+结转下年度(0)=7，相差1');
    expect(fs[0]!.cells).toEqual(['apply.new.natural', 'apply.carried.natural', 'apply.total.natural', 'apply.carryForward.natural']);
  });

  it('T3-BAL passes when both sides agree', () => {
    const t = zeroTable(format, year);
    for (const col of ['natural', 'total']) {
      t.values[`apply.new.${col}`] = 5;
      t.values[`apply.carried.${col}`] = 3;
      t.values[`apply.granted.${col}`] = 7;
      t.values[`apply.total.${col}`] = 7;
      t.values[`apply.carryForward.${col}`] = 1;
    }
    expect(checkReport(t)).toEqual([]);
  });

  it('T3-TOT fails when a result row changes together with its row total', () => {
    const i = add(add(clone(base.input), 'apply.granted.natural', 2), 'apply.granted.total', 2);
    const fs = checkReport(i);
    expect(fs.map((f) => f.rule)).toEqual(['T3-TOT', 'T3-TOT']);
    expect(fs[0]!.message).toMatch(/^表三 自然人列：办理结果总计\(\d+\)，但（一）予以公开\(\d+\)\+.*，相差2$/);
    expect(byRule(checkReport(base.input), 'T3-TOT')).toEqual([]);
  });

  it('T3-ROWSUM fails when two cells of a column trade places', () => {
    const i = clone(base.input);
    add(add(i, 'apply.new.commercial', 1), 'apply.total.commercial', 1);
    add(add(i, 'apply.granted.commercial', 1), 'apply.carryForward.commercial', 0);
    // new.commercial +1 and granted.commercial +1 with total.commercial +1: the column holds,
    // the rows 本年新收 and （七）总计 and （一）予以公开 do not.
    const fs = checkReport(i);
    expect(byRule(fs, 'T3-ROWSUM').length).toBeGreaterThan(0);
    expect(byRule(fs, 'T3-ROWSUM')[0]!.message).toMatch(/行：总计\(\d+\)，但自然人\(\d+\)\+商业企业\(\d+\)/);
    expect(byRule(checkReport(base.input), 'T3-ROWSUM')).toEqual([]);
  });

  it('one wrong leaf cell gives one grouped finding with its correction', () => {
    const before = base.input.values['apply.partial.research'] as number;
    const fs = checkReport(add(clone(base.input), 'apply.partial.research', 9));
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({
      rule: 'T3-TOT',
      rules: ['T3-TOT', 'T3-ROWSUM'],
      severity: 'error',
      target: 'apply.partial.research',
      expected: before,
      actual: before + 9,
    });
    expect(fs[0]!.message).toContain(`表三·（二）部分公开·科研机构可能填错：当前${before + 9}，按以下2条关系都应为${before}`);
  });

  it('a wrong 总计 cell groups its three identities', () => {
    const fs = checkReport(add(clone(base.input), 'apply.total.natural', -1));
    expect(errors(fs)).toHaveLength(1);
    expect(fs[0]!.rules).toEqual(['T3-BAL', 'T3-TOT', 'T3-ROWSUM']);
    expect(fs[0]!.target).toBe('apply.total.natural');
  });

  it('T4-SUM fails per group and passes when the group adds up', () => {
    const fs = checkReport(add(clone(base.input), 'appeal.suitDirect.pending', 1));
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ rule: 'T4-SUM', severity: 'error' });
    expect(fs[0]!.message).toMatch(/^表四 行政诉讼·未经复议直接起诉：总计\(\d+\)，但结果维持\(\d+\)\+结果纠正\(\d+\)\+其他结果\(\d+\)\+尚未审结\(\d+\)=\d+，相差1$/);
    expect(byRule(checkReport(base.input), 'T4-SUM')).toEqual([]);
  });

  it('X-CARRY: every column against last year’s 结转下年度, offering no value that would unbalance this year’s 表三', () => {
    const prior = clone(base.prior);
    add(prior, 'apply.carryForward.legal', 3);
    add(prior, 'apply.carryForward.total', 3);
    const fs = checkReport(base.input, prior);
    expect(fs.map((f) => [f.rule, f.severity, f.cells[0], f.target, f.expected])).toEqual([
      ['X-CARRY', 'warning', 'apply.carried.legal', undefined, undefined],
      ['X-CARRY', 'warning', 'apply.carried.total', undefined, undefined],
    ]);
    expect(fs[0]!.message).toMatch(/^表三 法律服务机构列：上年结转\(\d+\)，但上年报告·结转下年度\(\d+\)，相差3$/);
    expect(checkReport(base.input, base.prior)).toEqual([]);
    // Without a prior year the rule does not run.
    expect(byRule(checkReport(base.input), 'X-CARRY')).toEqual([]);
  });

  it('X-CARRY: a blank 上年结转 is offered last year’s figure', () => {
    const i = clone(base.input);
    i.values['apply.carried.natural'] = null;
    const all = checkReport(i, base.prior);
    expect(errors(all)).toEqual([]);
    const fs = byRule(all, 'X-CARRY');
    expect(fs).toHaveLength(1);
    // The same blank also balances T3-BAL and T3-ROWSUM: one finding for the one cell.
    expect(fs[0]).toMatchObject({ severity: 'info', target: 'apply.carried.natural', expected: base.prior.values['apply.carryForward.natural'] });
    expect(fs[0]!.rules).toEqual(['T3-BAL', 'T3-ROWSUM', 'X-CARRY']);
    expect(fs[0]!.message).toMatch(/^表三·二、上年结转政府信息公开申请数量·自然人未填写，本格应为\d+：/);
  });

  it('P-CARRYSIZE (info) when more than half is carried forward', () => {
    const t = zeroTable(format, year);
    for (const col of ['natural', 'total']) {
      t.values[`apply.new.${col}`] = 10;
      t.values[`apply.granted.${col}`] = 4;
      t.values[`apply.total.${col}`] = 4;
      t.values[`apply.carryForward.${col}`] = 6;
    }
    const fs = checkReport(t);
    expect(fs.map((f) => [f.rule, f.severity])).toEqual([['P-CARRYSIZE', 'info']]);
    expect(fs[0]!.message).toBe('表三 总计列：结转下年度(6)超过本年新收与上年结转之和(10)的一半，请核实是否属实');
    t.values['apply.carryForward.total'] = 5;
    t.values['apply.carryForward.natural'] = 5;
    t.values['apply.total.total'] = 5;
    t.values['apply.total.natural'] = 5;
    t.values['apply.granted.total'] = 5;
    t.values['apply.granted.natural'] = 5;
    expect(checkReport(t)).toEqual([]);
  });

  it('absent cells make rules silently not applicable (partial report)', () => {
    const partial = { ...base.input, values: Object.fromEntries(Object.entries(base.input.values).filter(([k]) => k.startsWith('appeal.') || k.startsWith('apply.new.'))) };
    add(partial, 'apply.new.total', 5);
    const fs = checkReport(partial);
    expect(fs.map((f) => f.rule)).toEqual(['T3-ROWSUM']);
  });
});
