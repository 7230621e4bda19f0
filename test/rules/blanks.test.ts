import { describe, expect, it } from 'vitest';
import { checkReport } from '@/lib/rules';
import { byRule, clone, errors } from './helpers';
import { consistent } from './gen';
import { shanghai2019 } from './shanghai2019';

describe('blank operands', () => {
  it('Shanghai 2019: the blank 总计 column gives deduced values, not errors', () => {
    const fs = checkReport(shanghai2019);
    expect(errors(fs)).toEqual([]);
    const deduced = Object.fromEntries(fs.filter((f) => f.target).map((f) => [f.target, f.expected]));
    // Row sums of the published table (blank applicant cells count as 0).
    expect(deduced).toEqual({
      'apply.granted.total': 272,
      'apply.partial.total': 3,
      'apply.withheld.stateSecret.total': 14,
      'apply.withheld.internal.total': 5,
      'apply.withheld.process.total': 4,
      'apply.withheld.query.total': 12,
      'apply.unable.notHeld.total': 265,
      'apply.unable.needCreate.total': 47,
      'apply.unable.unclear.total': 25,
      'apply.ignored.complaint.total': 149,
      'apply.ignored.repeat.total': 9,
    });
    // …and they add up to the filled （七）总计 805.
    expect(Object.values(deduced).reduce<number>((a, b) => a + (b as number), 0)).toBe(805);
    const granted = fs.find((f) => f.target === 'apply.granted.total')!;
    expect(granted).toMatchObject({ rule: 'T3-ROWSUM', severity: 'info', missing: ['apply.granted.total'] });
    expect(granted.message).toBe(
      '表三·（一）予以公开·总计未填写，本格应为272（其余空白格按0计）：表三 （一）予以公开行：总计(空)，自然人(258)+商业企业(12)+科研机构(空)+社会公益组织(空)+法律服务机构(1)+其他(1)',
    );
    // The 总计 column's own identity is not assessable and says which cells are missing.
    const tot = fs.find((f) => f.rule === 'T3-TOT' && f.cells[0] === 'apply.total.total')!;
    expect(tot.severity).toBe('info');
    expect(tot.missing).toContain('apply.granted.total');
    expect(tot.message).toBe('表三 总计列：有空白格，暂无法核对；未填：（一）予以公开、（二）部分公开、（三）不予公开·1.属于国家秘密、（三）不予公开·2.其他法律行政法规禁止公开、（三）不予公开·3.危及“三安全一稳定”等19格（这些空格合计应为805）');
    // The blank cells themselves: a warning per blank column and one for the rest of the section.
    const blank = byRule(fs, 'DOM-BLANK');
    expect(blank.map((f) => f.message.split('：')[0])).toEqual(['表三 科研机构列未填写（23格空白）', '表三 社会公益组织列未填写（23格空白）', '表三有80格未填写', '表四 结果纠正列未填写（3格空白）', '表四 其他结果列未填写（3格空白）', '表四有3格未填写']);
  });

  it('exactly one blank operand: the value that balances it', () => {
    const { input } = consistent('gov2021', 31);
    const i = clone(input);
    i.values['appeal.review.upheld'] = 2;
    const was = 2 + ['corrected', 'other', 'pending'].reduce((a, k) => a + (i.values[`appeal.review.${k}`] as number), 0);
    i.values['appeal.review.total'] = null;
    const fs = checkReport(i).filter((f) => f.rule !== 'DOM-BLANK');
    expect(fs).toEqual([
      expect.objectContaining({ rule: 'T4-SUM', severity: 'info', target: 'appeal.review.total', expected: was, missing: ['appeal.review.total'] }),
    ]);
    expect(fs[0]!.message).toMatch(new RegExp(`^表四·行政复议·总计未填写，本格应为${was}：表四 行政复议：总计\\(空\\)，结果维持`));
  });

  it('rules disagreeing on a blank’s value offer no value', () => {
    const { input } = consistent('gov2021', 31);
    const i = clone(input);
    i.values['apply.total.natural'] = null;
    i.values['apply.granted.natural'] = (i.values['apply.granted.natural'] as number) + 1;
    const fs = checkReport(i);
    expect(errors(fs).map((f) => f.rule)).toEqual(['T3-ROWSUM']);
    expect(fs.filter((f) => f.target === 'apply.total.natural')).toEqual([]);
    const unassessable = fs.filter((f) => f.severity === 'info' && f.missing?.includes('apply.total.natural'));
    expect(unassessable.map((f) => f.rule)).toEqual(['T3-BAL', 'T3-TOT', 'T3-ROWSUM']);
  });

  it('a blank that no value could fill is still an error', () => {
    const { input } = consistent('gov2021', 31);
    const i = clone(input);
    i.values['appeal.review.upheld'] = null;
    i.values['appeal.review.total'] = 0;
    i.values['appeal.review.pending'] = 3;
    const fs = errors(checkReport(i));
    expect(fs.map((f) => f.rule)).toEqual(['T4-SUM']);
    expect(fs[0]!.missing).toEqual(['appeal.review.upheld']);
    expect(fs[0]!.message).toContain('空白格无论填什么都无法使两边相等');
  });

  it('blanks that can only be 0 say nothing beyond DOM-BLANK', () => {
    const { input } = consistent('gov2021', 31);
    const i = clone(input);
    i.values['appeal.review.upheld'] = 0;
    i.values['appeal.review.corrected'] = 0;
    i.values['appeal.review.other'] = 0;
    i.values['appeal.review.total'] = i.values['appeal.review.pending']!;
    i.values['appeal.review.upheld'] = null;
    i.values['appeal.review.corrected'] = null;
    expect(checkReport(i).map((f) => f.rule)).toEqual(['DOM-BLANK']);
  });
});
