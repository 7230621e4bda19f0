import { describe, expect, it } from 'vitest';
import type { SumRule } from '@/lib/formats/rule-types';
import type { CellKind } from '@/lib/formats/types';
import { compile, locateIn } from '@/lib/locate';
import type { Values } from '@/lib/report';

/** The search on small hand-made rule sets (cells named by their ids, as no format knows them). */
const sum = (rule: string, left: string[], right: string[], extra: Partial<SumRule> = {}): SumRule => ({
  rule,
  kind: 'total',
  severity: 'error',
  scope: rule,
  left,
  op: '=',
  right,
  ...extra,
});
const run = (rules: SumRule[], values: Values, kinds: Record<string, CellKind> = {}) =>
  locateIn(compile(rules, (c) => kinds[c] ?? 'count'), 'gov2021', values);

describe('single-cell search', () => {
  it('Scholtus’ example: turnover − costs = profit, 353 − 283 ≠ 115, costs 238 with swapped digits', () => {
    const loc = run([sum('P', ['turnover'], ['costs', 'profit'])], { turnover: 353, costs: 283, profit: 115 });
    expect(loc).toMatchObject({ kind: 'unique', cell: 'costs', value: 238, current: 283 });
  });

  it('requires the corrections implied by the failing rules to agree', () => {
    // x in both a=x+y and b=x+z; a is 2 off, b is 3 off: x cannot fix both, so pairs are searched.
    const rules = [sum('A', ['a'], ['x', 'y']), sum('B', ['b'], ['x', 'z'])];
    const loc = run(rules, { a: 12, b: 13, x: 0, y: 10, z: 10 });
    expect(loc.kind).not.toBe('unique');
  });

  it('never proposes a negative count, and does not touch cells of rules that hold', () => {
    // t = a + b + c with t 5 short: a, b or c would have to fall below 0; only t qualifies.
    expect(run([sum('S', ['t'], ['a', 'b', 'c'])], { t: 1, a: 2, b: 2, c: 2 })).toMatchObject({
      kind: 'unique',
      cell: 't',
      value: 6,
    });
    // b also sits in a rule that holds: changing it would break that rule.
    const rules = [sum('S', ['t'], ['a', 'b']), sum('U', ['u'], ['b', 'c'])];
    expect(run(rules, { t: 9, a: 3, b: 4, u: 5, c: 1 })).toMatchObject({ kind: 'ranked' });
    const loc = run(rules, { t: 9, a: 3, b: 4, u: 5, c: 1 });
    expect(loc.kind === 'ranked' && loc.candidates.map((c) => c.cell).sort()).toEqual(['a', 't']);
  });

  it('allows negative values only in signed cells, and decimals in amount cells', () => {
    const rules = [sum('D', ['now'], ['before', 'delta'])];
    expect(run(rules, { now: 5, before: 8, delta: 3 }, { delta: 'signed', now: 'signed', before: 'signed' })).toMatchObject({
      kind: 'ranked',
    });
    const loc = run(rules, { now: 5, before: 8, delta: 3 }, { delta: 'signed' });
    expect(loc.kind === 'ranked' && loc.candidates.some((c) => c.cell === 'delta' && c.value === -3)).toBe(true);
    // 1.25 ≠ 0.5 + 0.57: only 0.57 → 0.75 is a slip (swapped digits).
    const fee = run([sum('F', ['fee'], ['x', 'y'])], { fee: 1.25, x: 0.5, y: 0.57 }, { fee: 'amount', x: 'amount', y: 'amount' });
    expect(fee).toMatchObject({ kind: 'unique', cell: 'y', value: 0.75 });
  });

  it('rejects a fix that breaks a hard inequality (其中 ≤ 合计)', () => {
    // t = a + b: 17 ≠ 3 + 41. b 41→14 (swapped digits) would fit, but 其中 of = 20 must stay ≤ b.
    const rules = [sum('S', ['t'], ['a', 'b'])];
    expect(run(rules, { t: 17, a: 3, b: 41, of: 20 })).toMatchObject({ kind: 'unique', cell: 'b', value: 14 });
    const withLimit = [...rules, sum('LE', ['of'], ['b'], { op: '<=' })];
    expect(run(withLimit, { t: 17, a: 3, b: 41, of: 20 })).toMatchObject({ kind: 'unique', cell: 't', value: 44 });
  });

  it('ignores warnings, cross-year rules and rules on cells the report does not have', () => {
    const rules = [
      sum('W', ['a'], ['b'], { severity: 'warning' }),
      sum('X', ['a'], ['prior:a']),
      sum('Absent', ['a'], ['missing']),
    ];
    expect(run(rules, { a: 1, b: 2 })).toEqual({ kind: 'none' });
  });
});

describe('pair search', () => {
  it('solves the two-unknown system and checks every rule touching the pair', () => {
    // A 2×2 table with row and column totals; two leaves mistyped.
    const rules = [
      sum('R1', ['r1'], ['a', 'b']),
      sum('R2', ['r2'], ['c', 'd']),
      sum('C1', ['c1'], ['a', 'c']),
      sum('C2', ['c2'], ['b', 'd']),
      sum('T', ['t'], ['r1', 'r2']),
      sum('T2', ['t'], ['c1', 'c2']),
    ];
    const good = { a: 12, b: 30, c: 5, d: 7, r1: 42, r2: 12, c1: 17, c2: 37, t: 54 };
    const loc = run(rules, { ...good, a: 21, d: 1 });
    expect(loc).toMatchObject({ kind: 'unique' });
    expect(loc.kind === 'unique' && loc.fixes).toEqual([
      { cell: 'a', value: 12, current: 21 },
      { cell: 'd', value: 7, current: 1 },
    ]);
  });

  it('states where to look when no one or two cells explain the failures', () => {
    const rules = [sum('A', ['a'], ['x']), sum('B', ['b'], ['y']), sum('C', ['c'], ['z'])];
    const loc = run(rules, { a: 1, x: 2, b: 1, y: 2, c: 1, z: 2 });
    // Three independent rules are three blocks, each with its own tie.
    expect(loc.kind).toBe('several');
    const joined = [sum('A', ['a'], ['x', 'y']), sum('B', ['b'], ['y', 'z']), sum('C', ['c'], ['z', 'x']), sum('D', ['d'], ['a', 'b', 'c'])];
    const many = run(joined, { a: 9, b: 9, c: 9, d: 1, x: 1, y: 1, z: 1 });
    expect(many.kind).toBe('identity');
    expect(many.kind === 'identity' && many.message).toContain('无法推断是哪几格输错');
  });
});
