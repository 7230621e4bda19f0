import { describe, expect, it } from 'vitest';
import { FORMATS } from '@/lib/formats';
import { applicable, rulesOf } from '@/lib/formats/rules';
import { checkReport, groupBySection } from '@/lib/rules';
import { consistent } from './gen';

const count = (format: 'gov2021' | 'gov2019' | 'gov2014', rule: string) => rulesOf(format).filter((r) => r.rule === rule).length;

describe('rule declarations (data for the engine and the localisation)', () => {
  it.each(['gov2021', 'gov2019'] as const)('%s: one rule per column, row and group', (format) => {
    expect(count(format, 'T3-BAL')).toBe(7);
    // the official row set, plus the other shape of （六） and the tolerated group subtotal rows
    // gov2021: both shapes of （六） and four group subtotals; gov2019: one shape, three subtotals
    expect(count(format, 'T3-TOT')).toBe(format === 'gov2021' ? 7 * 6 : 7 * 4);
    expect(count(format, 'T3-ROWSUM')).toBe(format === 'gov2021' ? 26 : 23);
    expect(count(format, 'T4-SUM')).toBe(3);
    expect(count(format, 'X-CARRY')).toBe(7);
    expect(rulesOf(format)).toBe(rulesOf(format));
    expect(Object.isFrozen(rulesOf(format)[0])).toBe(true);
  });

  it('every operand of every rule is a cell the engine can name and type', () => {
    for (const format of ['gov2021', 'gov2019', 'gov2014'] as const) {
      const known = new Set(FORMATS[format].cells.map((c) => c.id));
      for (const r of rulesOf(format)) {
        for (const ref of [...r.left, ...r.right]) {
          const id = ref.replace(/^prior:/, '');
          expect(known.has(id) || /^apply\.(withheld|unable|ignored|other)\.[a-zA-Z]+$/.test(id) || id.endsWith('.cumulative'), `${r.rule} ${id}`).toBe(true);
        }
      }
    }
  });

  it('exactly one shape of （六） applies to a complete report', () => {
    const g21 = consistent('gov2021', 1).input.values;
    const g19 = consistent('gov2019', 1).input.values;
    const tot = (f: 'gov2021' | 'gov2019', v: typeof g21) => rulesOf(f).filter((r) => r.rule === 'T3-TOT' && r.left[0]!.startsWith('apply.total.') && applicable(r, v));
    expect(tot('gov2021', g21).map((r) => r.right.length)).toEqual(Array(7).fill(21));
    expect(tot('gov2019', g19).map((r) => r.right.length)).toEqual(Array(7).fill(19));
  });
});

it('groupBySection: findings by table, report-wide first', () => {
  const { input } = consistent('gov2021', 4);
  const i = { ...input, year: 2021, values: { ...input.values } };
  i.values['appeal.review.total'] = (i.values['appeal.review.total'] as number) + 1;
  i.values['apply.granted.natural'] = (i.values['apply.granted.natural'] as number) + 1;
  i.values['active.penalty.decisions'] = null;
  const groups = groupBySection('gov2021', checkReport(i));
  expect(groups.map((g) => [g.section, g.findings.map((f) => f.rule)])).toEqual([
    ['表二 主动公开', ['DOM-BLANK']],
    ['表三 依申请公开', ['T3-TOT']],
    ['表四 复议诉讼', ['T4-SUM']],
  ]);
  const withFormat = groupBySection('gov2019', checkReport({ ...consistent('gov2019', 4).input, year: 2022 }));
  expect(withFormat.map((g) => g.section)).toEqual(['全表']);
});
