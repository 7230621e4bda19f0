import { expect, it } from 'vitest';
import { checkReport } from '@/lib/rules';

it('L-SUM (local, loose): a parent differing from its numbered children is a warning', () => {
  const values = { 'local.1': 12, 'local.1.1': 5, 'local.1.2': 6, 'local.2': 3 };
  const fs = checkReport({ format: 'local', year: 2011, values });
  expect(fs.map((f) => [f.rule, f.severity, f.cells])).toEqual([['L-SUM', 'warning', ['local.1', 'local.1.1', 'local.1.2']]]);
  expect(fs[0]!.message).toBe('第1项(12)与其分项之和第1.1项(5)+第1.2项(6)=11不一致，相差1');
});

it('L-SUM passes when the children add up, or are too few or blank to judge', () => {
  expect(checkReport({ format: 'local', year: 2011, values: { 'local.1': 11, 'local.1.1': 5, 'local.1.2': 6 } })).toEqual([]);
  expect(checkReport({ format: 'local', year: 2011, values: { 'local.1': 11, 'local.1.1': 5 } })).toEqual([]);
  const blank = checkReport({ format: 'local', year: 2011, values: { 'local.1': 11, 'local.1.1': 5, 'local.1.2': null } });
  expect(blank.map((f) => f.rule)).toEqual(['DOM-BLANK']);
});

it('bad input never throws', () => {
  const junk = [
    { format: 'nope', year: 2020, values: {} },
    { format: 'gov2021', year: 2021 },
    { format: 'gov2021', year: 2021, values: { 'apply.new.natural': '5', 'apply.total.total': NaN, 'appeal.review.total': Infinity } },
  ] as unknown as Parameters<typeof checkReport>[0][];
  for (const j of junk) expect(() => checkReport(j, { format: 'gov2019', year: 2020 } as never)).not.toThrow();
  const fs = checkReport(junk[2]!);
  expect(fs.every((f) => f.severity !== 'error')).toBe(true);
});

it('local cells: decimals are allowed (万元 items carry no kind), negatives are not', () => {
  expect(checkReport({ format: 'local', year: 2011, values: { 'local.1': 0.5 } })).toEqual([]);
  const fs = checkReport({ format: 'local', year: 2011, values: { 'local.1': -1 } });
  expect(fs.map((f) => [f.rule, f.message])).toEqual([['DOM-INT', '第1项：-1不应为负数']]);
});
