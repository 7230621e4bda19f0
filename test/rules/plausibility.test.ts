import { describe, expect, it } from 'vitest';
import { checkReport } from '@/lib/rules';
import { byRule, clone, errors } from './helpers';
import { consistent } from './gen';
import { seed001 } from './seed001';

describe('P-FORMAT', () => {
  const g19 = consistent('gov2019', 2).input;
  const g21 = consistent('gov2021', 2).input;
  it('gov2019 tables in a report for 2021 or later are an error', () => {
    const fs = checkReport({ ...g19, year: 2021 });
    expect(fs.map((f) => [f.rule, f.severity])).toEqual([['P-FORMAT', 'error']]);
    expect(fs[0]!.message).toBe('2021年度报告使用了已停用的2019年版统计表（国办公开办函〔2019〕60号），应使用2021年版统计表（国办公开办函〔2021〕30号）');
    expect(checkReport({ ...g19, year: 2020 })).toEqual([]);
  });
  it('gov2014 tables from 2020 are an error that names the format due that year', () => {
    expect(byRule(checkReport({ ...seed001, year: 2020 }), 'P-FORMAT')).toHaveLength(1);
    expect(byRule(checkReport({ ...seed001, year: 2023 }), 'P-FORMAT')[0]!.message).toBe(
      '2023年度报告使用了已停用的2014年版统计表（国办发〔2014〕32号），应使用2021年版统计表（国办公开办函〔2021〕30号）',
    );
    expect(byRule(checkReport({ ...seed001, year: 2019 }), 'P-FORMAT')).toEqual([]);
  });
  it('gov2021 is current; an unknown year is not judged', () => {
    expect(checkReport({ ...g21, year: 2025 })).toEqual([]);
    expect(checkReport({ ...g19, year: null })).toEqual([]);
  });
  it('a province\'s own table after 2013 is a warning at most, naming the national table of that year', () => {
    const [f] = byRule(checkReport({ format: 'local', year: 2017, values: { 'local.1': 1 } }), 'P-FORMAT');
    expect([f!.severity, f!.message]).toEqual([
      'warning',
      '2017年度报告使用的是地方统计表（无全国统一表式），当年全国统一格式为2014年版统计表（国办发〔2014〕32号），请核实是否经上级同意沿用本地表格',
    ]);
    expect(checkReport({ format: 'local', year: 2012, values: { 'local.1': 1 } })).toEqual([]);
  });
});

describe.each([
  ['gov2021', 'active.regulation.issued'],
  ['gov2019', 'active.regulation.made'],
] as const)('P-REG on %s', (format, cell) => {
  const base = clone(consistent(format, 9).input);
  base.values[cell] = 2;
  it('规章 not 0 for a district, county or department body is info', () => {
    for (const body of ['武汉市江岸区人民政府', '贾县西镇人民政府', '上海市生态环境局', '长春市建设委员会']) {
      const fs = checkReport({ ...base, body });
      expect(fs.map((f) => [f.rule, f.severity])).toEqual([['P-REG', 'info']]);
      expect(fs[0]!.cells).toContain(cell);
    }
  });
  it('passes for bodies with rule-making power or 规章 = 0', () => {
    for (const body of ['上海市人民政府办公厅', '湖北省人民政府', '武汉市人民政府', '教育部']) expect(checkReport({ ...base, body })).toEqual([]);
    const zero = clone(base);
    for (const id in zero.values) if (id.startsWith('active.regulation.')) zero.values[id] = 0;
    expect(checkReport({ ...zero, body: '某县交通运输局' })).toEqual([]);
  });
});

describe.each(['gov2021', 'gov2019', 'gov2014'] as const)('X-DUP on %s', (format) => {
  const base = consistent(format, 12).input;
  it('every value equal to last year’s is one warning', () => {
    const fs = checkReport(base, { ...base, year: (base.year ?? 0) - 1 });
    expect(byRule(fs, 'X-DUP').map((f) => f.severity)).toEqual(['warning']);
    expect(errors(fs)).toEqual([]);
  });
  it('a report that differs from last year passes', () => {
    expect(byRule(checkReport(base, consistent(format, 13).input), 'X-DUP')).toEqual([]);
  });
});

it('X-DUP on local', () => {
  const cur = { format: 'local' as const, year: 2012, values: { 'local.1': 4, 'local.2': 3, 'local.3': 1, 'local.4': 0, 'local.5': 7 } };
  expect(byRule(checkReport(cur, { ...cur, year: 2011 }), 'X-DUP')).toHaveLength(1);
  expect(byRule(checkReport(cur, { ...cur, year: 2011, values: { ...cur.values, 'local.5': 6 } }), 'X-DUP')).toEqual([]);
});
