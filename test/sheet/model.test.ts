import { describe, expect, test } from 'vitest';
import type { CheckInput } from '@/lib/report';
import { checkInput } from '@/lib/check';
import { buildSheet, chineseDateTime } from '@/lib/sheet/model';
import { zeroTable } from '../rules/helpers';

const findingsFor = (input: Parameters<typeof checkInput>[0], prior?: Parameters<typeof checkInput>[0]) =>
  checkInput(input, prior ? { prior } : {}).findings;

const AT = new Date(2024, 0, 15, 9, 5);

function table(): CheckInput {
  const t = zeroTable('gov2021', 2023);
  t.body = '滨江区人民政府办公室';
  for (const [id, v] of Object.entries({ 'apply.new.natural': 5, 'apply.new.total': 5, 'apply.total.natural': 5, 'apply.total.total': 5, 'apply.granted.natural': 5, 'apply.granted.total': 5 }))
    t.values[id] = v;
  return t;
}

/** Last year carried 2 forward for natural persons; this year's table says 0 were carried over. */
const prior: CheckInput = { format: 'gov2021', year: 2022, values: { 'apply.carryForward.natural': 2, 'apply.carryForward.total': 2 } };

const sheetOf = (input: CheckInput, p?: CheckInput, confirmations = []) =>
  buildSheet({ input, findings: findingsFor(input, p), confirmations, at: AT });

describe('审核单 model', () => {
  test('a consistent table says 未发现强制性问题 and lists nothing', () => {
    const m = sheetOf(table());
    expect(m.state).toBe('未发现强制性问题');
    expect(m.ok).toBe(true);
    expect([...m.errors, ...m.warnings, ...m.confirmed]).toEqual([]);
    expect(m.body).toBe('滨江区人民政府办公室');
    expect(m.year).toBe(2023);
    expect(m.formatName).toMatch(/^2021年版/);
  });

  test('a mistyped cell is one 强制性问题, named in the form\'s words and marked on its cell', () => {
    const t = table();
    t.values['apply.granted.natural'] = 6;
    const m = sheetOf(t);
    expect(m.state).toBe(`强制性问题 ${m.errors.length} 个`);
    expect(m.errors.length).toBeGreaterThan(0);
    expect(m.ok).toBe(false);
    expect(m.marks['apply.granted.natural']).toBe('error');
    for (const it of m.errors) expect(it.where).not.toMatch(/[a-z]/i);
  });

  test('a 核实性 warning is open until a confirmation with a note names its rule and cells', () => {
    const t = table();
    const open = sheetOf(t, prior);
    const carry = open.warnings.find((w) => w.cells.includes('apply.carried.natural'));
    expect(carry, 'X-CARRY warning on the carried-over cell').toBeDefined();
    expect(open.marks['apply.carried.natural']).toBe('warning');

    const findings = findingsFor(t, prior);
    const f = findings.find((x) => x.severity === 'warning' && x.cells.includes('apply.carried.natural'))!;
    const note = '上年结转的2件已于上年底撤回';
    const confirmation = { rule: f.rule, cells: f.cells, note, values: { 'apply.carried.natural': 0 } };
    const done = buildSheet({ input: t, findings, confirmations: [confirmation], at: AT });
    expect(done.warnings).toHaveLength(open.warnings.length - 1);
    expect(done.confirmed).toEqual([{ ...carry, note }]);
    expect(done.marks['apply.carried.natural']).toBe('confirmed');

    // The cell it names changed value since: the warning is open again.
    const changed = { ...t, values: { ...t.values, 'apply.carried.natural': 1 } };
    const again = buildSheet({ input: changed, findings: findingsFor(changed, prior), confirmations: [confirmation], at: AT });
    expect(again.confirmed).toEqual([]);
  });

  test('a 强制性 problem cannot be confirmed', () => {
    const t = table();
    t.values['apply.granted.natural'] = 6;
    const findings = findingsFor(t);
    const e = findings.find((x) => x.severity === 'error')!;
    const m = buildSheet({ input: t, findings, confirmations: [{ rule: e.rule, cells: e.cells, note: '已核实' }], at: AT });
    expect(m.confirmed).toEqual([]);
    expect(m.errors.length).toBe(findings.filter((x) => x.severity === 'error').length);
  });

  test('hints (what a blank total should be) are counted, not listed', () => {
    const t = table();
    t.values['apply.new.total'] = null;
    const m = sheetOf(t);
    expect(m.hints).toBeGreaterThan(0);
    expect(m.errors.length + m.warnings.length + m.hints).toBe(findingsFor(t).length);
  });

  test('the date and time are local, in Chinese', () => {
    expect(chineseDateTime(AT)).toBe('2024年1月15日 09:05');
    expect(sheetOf(table()).madeAt).toBe('2024年1月15日 09:05');
  });
});

describe('审核单 model: what the page shows beside the findings', () => {
  test('the save time is local, in Chinese; a bad one is left out', () => {
    const saved = new Date(2024, 0, 14, 18, 30);
    expect(buildSheet({ input: table(), findings: [], at: AT, savedAt: saved.toISOString() }).savedAt).toBe('2024年1月14日 18:30');
    expect(buildSheet({ input: table(), findings: [], at: AT, savedAt: 'yesterday' }).savedAt).toBeUndefined();
  });

  test('cells that are not numbers keep their text as typed', () => {
    const t = { ...table(), raw: { 'apply.new.natural': '约5' } };
    t.values = { ...t.values, 'apply.new.natural': null };
    expect(buildSheet({ input: t, findings: [], at: AT }).raw).toEqual({ 'apply.new.natural': '约5' });
  });
});
