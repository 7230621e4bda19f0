import { describe, expect, it } from 'vitest';
import { rulesOf } from '@/lib/formats/rules';
import { checkReport } from '@/lib/rules';
import { add, byRule, clone, errors, zeroTable } from './helpers';
import { consistent } from './gen';
import { seed001 } from './seed001';

describe('gov2014 rules', () => {
  it('seed 001’s table (typed by hand) gives no finding at all', () => {
    expect(checkReport(seed001)).toEqual([]);
  });

  const base = consistent('gov2014', 17).input;
  const parents: [string, string][] = [
    ['C-H1', 'c.channels.total'],
    ['C-H2', 'c.proposals.total'],
    ['C-H3', 'c.response.total'],
    ['C-H4', 'c.response.channels.total'],
    ['C-H5', 'c.apply.received.total'],
    ['C-H6', 'c.apply.closed.total'],
    ['C-H7', 'c.apply.answered.total'],
    ['C-H8', 'c.apply.answered.refused.total'],
    ['C-H9', 'c.review.total'],
    ['C-H10', 'c.suit.total'],
    ['C-H11', 'c.org.staff.total'],
  ];

  it.each(parents)('%s: parent %s = Σ numbered children', (rule, parent) => {
    expect(byRule(checkReport(base), rule)).toEqual([]);
    const fs = byRule(checkReport(add(clone(base), parent, 1)), rule);
    expect(fs).toHaveLength(1);
    expect(fs[0]!.severity).toBe('error');
    expect(fs[0]!.cells).toContain(parent);
  });

  it('C-H1 message on seed 001 with 门户网站 783 instead of 927', () => {
    const i = clone(seed001);
    i.values['c.channels.website'] = 783;
    const fs = checkReport(i);
    expect(fs.map((f) => f.rule)).toEqual(['C-H1']);
    expect(fs[0]!.message).toBe(
      '统计表：（二）通过不同渠道和方式公开政府信息的情况(976)，但1.政府公报公开政府信息数(0)+2.政府网站公开政府信息数(783)+3.政务微博公开政府信息数(12)+4.政务微信公开政府信息数(37)+5.其他方式公开政府信息数(0)=832，相差144',
    );
  });

  it('a cell in two identities (回应解读 channels total) is one grouped finding', () => {
    const fs = checkReport(add(clone(seed001), 'c.response.channels.total', 1));
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ rules: ['C-H3', 'C-H4'], target: 'c.response.channels.total', expected: 17, actual: 18 });
  });

  it('C-H13: a 其中 row is not above its parent', () => {
    expect(byRule(checkReport(base), 'C-H13')).toEqual([]);
    const i = clone(seed001);
    i.values['c.response.channels.pressConfLeader'] = 2;
    const fs = checkReport(i);
    expect(fs.map((f) => [f.rule, f.severity])).toEqual([['C-H13', 'error']]);
    expect(fs[0]!.message).toBe('统计表：其中：主要负责同志参加新闻发布会次数(2)不应大于1.参加或举办新闻发布会总次数(1)，多出1');
    i.values['c.active.normativePublished'] = 646;
    expect(byRule(checkReport(i), 'C-H13')).toHaveLength(2);
  });

  it('C-S1…C-S4 are warnings and pass on consistent tables', () => {
    expect(checkReport(base).filter((f) => f.rule.startsWith('C-S'))).toEqual([]);
    const t = zeroTable('gov2014', 2016);
    t.values['c.active.total'] = 3; // C-S1 channels.total 0 < active.total 3
    t.values['c.apply.closed.total'] = 1; // C-S2 closed > received (0)
    t.values['c.apply.closed.onTime'] = 1;
    t.values['c.apply.answered.total'] = 2; // C-S3 answered ≠ closed
    t.values['c.apply.answered.granted'] = 2;
    t.values['c.meetings.trainings'] = 2; // C-S4 trainees 0 < trainings 2
    const fs = checkReport(t);
    expect(fs.map((f) => [f.rule, f.severity])).toEqual([
      ['C-H5', 'error'],
      ['C-S1', 'warning'],
      ['C-S2', 'warning'],
      ['C-S3', 'warning'],
      ['C-S4', 'warning'],
    ].filter(([r]) => r !== 'C-H5'));
  });

  it('C-CUM: 历年累计 is not below this year', () => {
    const i = clone(seed001);
    i.values['c.active.total.cumulative'] = 5000;
    expect(checkReport(i)).toEqual([]);
    i.values['c.active.total.cumulative'] = 600;
    const fs = checkReport(i);
    expect(fs.map((f) => [f.rule, f.severity, f.cells])).toEqual([['C-CUM', 'error', ['c.active.total.cumulative', 'c.active.total']]]);
    expect(fs[0]!.message).toContain('（历年累计）(600)不应小于');
  });

  it('declares every spec rule once as data', () => {
    const ids = new Set(rulesOf('gov2014').map((r) => r.rule));
    for (const r of ['C-H1', 'C-H2', 'C-H3', 'C-H4', 'C-H5', 'C-H6', 'C-H7', 'C-H8', 'C-H9', 'C-H10', 'C-H11', 'C-H13', 'C-S1', 'C-S2', 'C-S3', 'C-S4']) expect(ids.has(r)).toBe(true);
    expect(rulesOf('gov2014')).toBe(rulesOf('gov2014'));
    expect(errors(checkReport(base))).toEqual([]);
  });
});
