import { PRIOR, type SumRule } from '../formats/rule-types';
import type { CellKind } from '../formats/types';
import type { Values } from '../report';

/** A hard rule as a sparse linear row: Σ coef·value  op  0 (left operands +1, right −1). */
export interface LinearRule {
  def: SumRule;
  cells: string[];
  coefs: number[];
  /** A 勾稽 identity: a sum balanced against a sum (新收+上年结转 = 总计+结转下年度), not total = Σ parts. */
  identity: boolean;
  /** Independent part of the form (cells shared only within it); −1 for inequalities. */
  block: number;
}

export interface Incidence {
  rule: number;
  coef: number;
}

/** Everything localisation precomputes once per rule set: rules, cell → rules, blocks. */
export interface LinearSystem {
  equalities: LinearRule[];
  inequalities: LinearRule[];
  /** cell → the equalities it appears in, with its coefficient. */
  byCell: Map<string, Incidence[]>;
  /** cell → the inequalities it appears in. */
  ineqByCell: Map<string, Incidence[]>;
  kindOf: (cell: string) => CellKind;
}

export const EPS = 1e-6;

/** The hard rules localisation searches over: error severity, this year's cells only. */
export function compile(rules: readonly SumRule[], kindOf: (cell: string) => CellKind): LinearSystem {
  const hard = rules.filter(
    (r) => r.severity === 'error' && ![...r.left, ...r.right].some((ref) => ref.startsWith(PRIOR)),
  );
  const equalities = hard.filter((r) => r.op === '=').map(linear);
  const inequalities = hard.filter((r) => r.op !== '=').map(linear);
  assignBlocks(equalities);
  return {
    equalities,
    inequalities,
    byCell: incidence(equalities),
    ineqByCell: incidence(inequalities),
    kindOf,
  };
}

function linear(def: SumRule): LinearRule {
  const coef = new Map<string, number>();
  for (const c of def.left) coef.set(c, (coef.get(c) ?? 0) + 1);
  for (const c of def.right) coef.set(c, (coef.get(c) ?? 0) - 1);
  const cells = [...coef.keys()].filter((c) => coef.get(c) !== 0);
  return {
    def,
    cells,
    coefs: cells.map((c) => coef.get(c)!),
    identity: def.left.length > 1 && def.right.length > 1,
    block: -1,
  };
}

function incidence(rules: LinearRule[]): Map<string, Incidence[]> {
  const out = new Map<string, Incidence[]>();
  rules.forEach((r, rule) =>
    r.cells.forEach((c, i) => {
      let list = out.get(c);
      if (!list) out.set(c, (list = []));
      list.push({ rule, coef: r.coefs[i]! });
    }),
  );
  return out;
}

/** Connected parts of the rule graph (rules linked by shared cells), numbered in rule order. */
function assignBlocks(rules: LinearRule[]): void {
  const parent = rules.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const owner = new Map<string, number>();
  rules.forEach((r, i) => {
    for (const c of r.cells) {
      const o = owner.get(c);
      if (o === undefined) owner.set(c, i);
      else parent[find(i)] = find(o);
    }
  });
  const number = new Map<number, number>();
  rules.forEach((r, i) => {
    const root = find(i);
    if (!number.has(root)) number.set(root, number.size);
    r.block = number.get(root)!;
  });
}

/** Σ coef·value, or NaN when the rule is not assessable (an operand absent or blank). */
export function residual(rule: LinearRule, values: Values): number {
  let sum = 0;
  for (let i = 0; i < rule.cells.length; i++) {
    const v = values[rule.cells[i]!];
    if (typeof v !== 'number') return NaN;
    sum += rule.coefs[i]! * v;
  }
  return sum;
}

/** `residual` with each value looked up by `value` (values with a few cells changed, without copying them). */
export function residualOf(rule: LinearRule, value: (cell: string) => number | null | undefined): number {
  let sum = 0;
  for (let i = 0; i < rule.cells.length; i++) {
    const v = value(rule.cells[i]!);
    if (typeof v !== 'number') return NaN;
    sum += rule.coefs[i]! * v;
  }
  return sum;
}

export function holds(rule: LinearRule, res: number): boolean {
  if (rule.def.op === '=') return Math.abs(res) <= EPS;
  return rule.def.op === '<=' ? res <= EPS : res >= -EPS;
}

/** Whether a cell of this kind may hold the value (counts: integers ≥ 0; amounts: ≥ 0). */
export function admissible(kind: CellKind, value: number): boolean {
  if (!Number.isFinite(value)) return false;
  if (kind === 'amount') return value >= -EPS;
  if (Math.abs(value - Math.round(value)) > EPS) return false;
  return kind === 'signed' || value >= 0;
}

/** Round away floating-point noise of the solved value (amounts to 0.01 万元, the precision suggestions have). */
export function tidy(kind: CellKind, value: number): number {
  return kind === 'amount' ? Math.round(value * 100) / 100 : Math.round(value);
}
