import { describe, expect, it } from 'vitest';
import { checkReport } from '@/lib/rules';
import { byRule, clone, errors, zeroTable } from './helpers';
import { consistent } from './gen';
import { seed001 } from './seed001';

describe('domains', () => {
  it.each(['gov2021', 'gov2019', 'gov2014'] as const)('DOM-INT on %s: counts are integers ≥ 0', (format) => {
    const base = consistent(format, 3).input;
    expect(byRule(checkReport(base), 'DOM-INT')).toEqual([]);
    const id = format === 'gov2014' ? 'c.complaints' : 'appeal.review.total';
    const i = clone(base);
    i.values[id] = 1.5;
    const fs = byRule(checkReport(i), 'DOM-INT');
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ severity: 'error', cells: [id], actual: 1.5 });
    expect(fs[0]!.message).toMatch(/1\.5应为不小于0的整数$/);
    i.values[id] = -2;
    expect(byRule(checkReport(i), 'DOM-INT')[0]!.message).toContain('-2应为不小于0的整数');
  });

  it('DOM-INT on local', () => {
    expect(checkReport({ format: 'local', year: 2010, values: { 'local.1': 3 } })).toEqual([]);
    expect(byRule(checkReport({ format: 'local', year: 2010, values: { 'local.1': -3 } }), 'DOM-INT')).toHaveLength(1);
  });

  it('DOM-SIGNED on gov2019: 本年增/减 may be negative but not fractional', () => {
    const i = clone(consistent('gov2019', 3).input);
    i.values['active.license.delta'] = -417;
    expect(byRule(checkReport(i), 'DOM-SIGNED')).toEqual([]);
    i.values['active.license.delta'] = 2.5;
    expect(byRule(checkReport(i), 'DOM-SIGNED').map((f) => f.cells)).toEqual([['active.license.delta']]);
  });

  it('DOM-AMT on gov2021 and gov2014: 万元 amounts are decimals ≥ 0', () => {
    const g21 = clone(consistent('gov2021', 3).input);
    g21.values['active.fee.amount'] = 12.35;
    expect(checkReport(g21)).toEqual([]);
    g21.values['active.fee.amount'] = -1;
    expect(byRule(checkReport(g21), 'DOM-AMT').map((f) => f.cells)).toEqual([['active.fee.amount']]);
    const g14 = clone(seed001);
    g14.values['c.org.budget'] = 0.75;
    expect(checkReport(g14)).toEqual([]);
    g14.values['c.org.budget'] = -0.5;
    expect(byRule(checkReport(g14), 'DOM-AMT').map((f) => f.cells)).toEqual([['c.org.budget']]);
  });

  it('unreadable cell text is a domain error naming the text; placeholders are blanks', () => {
    const i = clone(consistent('gov2021', 3).input);
    i.values['appeal.review.upheld'] = null;
    i.raw = { 'appeal.review.upheld': '约20' };
    const fs = checkReport(i);
    expect(byRule(fs, 'DOM-INT').map((f) => f.message)).toEqual(['表四·行政复议·结果维持：「约20」不是可识别的数字，应填不小于0的整数']);
    expect(byRule(fs, 'DOM-BLANK')).toEqual([]);
    i.raw = { 'appeal.review.upheld': '—' };
    const blank = checkReport(i);
    expect(byRule(blank, 'DOM-INT')).toEqual([]);
    expect(byRule(blank, 'DOM-BLANK')).toHaveLength(1);
  });

  it.each(['暂无', '空', 'N/A', '－ －', '　／　'])('「%s」 is a blank as the reader reads it, not an unreadable number', (raw) => {
    const i = clone(consistent('gov2021', 3).input);
    i.values['appeal.review.upheld'] = null;
    i.raw = { 'appeal.review.upheld': raw };
    const fs = checkReport(i);
    expect(byRule(fs, 'DOM-INT')).toEqual([]);
    expect(byRule(fs, 'DOM-BLANK')).toHaveLength(1);
  });

  it.each(['gov2021', 'gov2019', 'gov2014'] as const)('DOM-BLANK on %s: a blank cell is a warning, and a blank table says so once per section', (format) => {
    const full = consistent(format, 4).input;
    expect(byRule(checkReport(full), 'DOM-BLANK')).toEqual([]);
    const one = clone(full);
    const id = format === 'gov2014' ? 'c.complaints' : 'active.penalty.decisions';
    one.values[id] = null;
    const fs = checkReport(one);
    expect(fs.map((f) => [f.rule, f.severity, f.cells])).toEqual([['DOM-BLANK', 'warning', [id]]]);

    const empty = zeroTable(format, full.year!);
    for (const k in empty.values) empty.values[k] = null;
    const all = checkReport(empty);
    const sections = format === 'gov2014' ? 1 : 3;
    expect(all.map((f) => f.rule)).toEqual(Array(sections).fill('DOM-BLANK'));
    expect(all[0]!.message).toMatch(/尚未填写（\d+格空白）/);
    expect(errors(all)).toEqual([]);
  });

  it('DOM-BLANK on local', () => {
    const fs = checkReport({ format: 'local', year: 2010, values: { 'local.1': 2, 'local.2': null } });
    expect(fs.map((f) => [f.rule, f.cells])).toEqual([['DOM-BLANK', ['local.2']]]);
  });
});
