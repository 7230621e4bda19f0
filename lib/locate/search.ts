import type { Values } from '../report';
import { EPS, admissible, holds, residual, residualOf, tidy, type LinearSystem } from './system';
import type { Fix } from './types';

/**
 * Fellegi–Holt minimal change as an exact search over one block of failing equalities.
 * `res[i]` is the residual of equality i (NaN: not assessable); `failing` are the indices of the
 * block's failing equalities.
 */
export interface Failure {
  sys: LinearSystem;
  values: Values;
  res: Float64Array;
  failing: readonly number[];
}

/**
 * Every single-cell change that satisfies all rules: the cell is in every failing rule, every
 * assessable rule containing it fails, the corrections implied by those rules agree, and the new
 * value is admissible for the cell's kind.
 */
export function singleFixes({ sys, values, res, failing }: Failure): Fix[] {
  const out: Fix[] = [];
  for (const cell of sys.equalities[failing[0]!]!.cells) {
    const current = values[cell];
    if (typeof current !== 'number') continue;
    let delta: number | undefined;
    let count = 0;
    let ok = true;
    for (const { rule, coef } of sys.byCell.get(cell)!) {
      const r = res[rule]!;
      if (Number.isNaN(r)) continue;
      if (Math.abs(r) <= EPS) {
        ok = false;
        break;
      }
      const d = -r / coef;
      if (delta === undefined) delta = d;
      else if (Math.abs(d - delta) > EPS) {
        ok = false;
        break;
      }
      count++;
    }
    if (!ok || delta === undefined || count !== failing.length) continue;
    const fix = makeFix(sys, cell, current, delta);
    if (fix && inequalitiesHold(sys, values, [fix])) out.push(fix);
  }
  return out;
}

/** Failing rules beyond this count are not searched in pairs: too many errors to localise. */
const MAX_FAILING = 30;

/**
 * Every pair of cells whose change satisfies all rules (when no single cell does): together they
 * touch every failing rule, and the 2-unknown linear system of the rules touching them has one
 * solution that satisfies every one of those rules. null when the block has too many failures.
 */
export function pairFixes(f: Failure): Fix[][] | null {
  const { sys, values, failing } = f;
  if (failing.length > MAX_FAILING) return null;
  const bit = new Map<number, number>(failing.map((rule, i) => [rule, 1 << i]));
  const full = (1 << failing.length) - 1;
  const maskOf = (cell: string): number => {
    let m = 0;
    for (const { rule } of sys.byCell.get(cell) ?? []) m |= bit.get(rule) ?? 0;
    return m;
  };
  const seen = new Set<string>();
  for (const rule of failing) {
    for (const c of sys.equalities[rule]!.cells) if (typeof values[c] === 'number') seen.add(c);
  }
  // Cells covering the most failing rules first: once a cell and the best partner cannot cover
  // every failing rule together, no later cell can.
  const inFailing = [...seen].map((c) => ({ c, m: maskOf(c) })).map((x) => ({ ...x, n: bits(x.m) }));
  inFailing.sort((x, y) => y.n - x.n);
  const best = inFailing[0]?.n ?? 0;
  const masks = new Map(inFailing.map((x) => [x.c, x.m]));
  const out: Fix[][] = [];
  for (let ai = 0; ai < inFailing.length; ai++) {
    const { c: a, m: ma, n: na } = inFailing[ai]!;
    if (na + best < failing.length) break;
    const partners: string[] = [];
    for (let bi = ai + 1; bi < inFailing.length && na + inFailing[bi]!.n >= failing.length; bi++) partners.push(inFailing[bi]!.c);
    // A partner outside the failing rules can only repair what changing `a` breaks.
    if (ma === full) {
      for (const { rule } of sys.byCell.get(a)!) {
        for (const c of sys.equalities[rule]!.cells) {
          if (!masks.has(c) && typeof values[c] === 'number' && !partners.includes(c)) partners.push(c);
        }
      }
    }
    for (const b of partners) {
      if ((ma | (masks.get(b) ?? 0)) !== full) continue;
      const pair = solvePair(f, a, b);
      if (pair) out.push(pair);
    }
  }
  return out;
}

function bits(m: number): number {
  let n = 0;
  for (; m; m &= m - 1) n++;
  return n;
}

function solvePair({ sys, values, res }: Failure, a: string, b: string): Fix[] | null {
  // Each assessable rule touching a or b: ca·da + cb·db = −residual.
  const eqs = new Map<number, [number, number, number]>();
  for (const { rule, coef } of sys.byCell.get(a)!) {
    const r = res[rule]!;
    if (!Number.isNaN(r)) eqs.set(rule, [coef, 0, -r]);
  }
  for (const { rule, coef } of sys.byCell.get(b)!) {
    const r = res[rule]!;
    if (Number.isNaN(r)) continue;
    const e = eqs.get(rule);
    if (e) e[1] = coef;
    else eqs.set(rule, [0, coef, -r]);
  }
  const list = [...eqs.values()];
  const e1 = list[0];
  if (!e1) return null;
  let da = NaN;
  let db = NaN;
  for (const e2 of list) {
    const det = e1[0] * e2[1] - e1[1] * e2[0];
    if (Math.abs(det) <= EPS) continue;
    da = (e1[2] * e2[1] - e1[1] * e2[2]) / det;
    db = (e1[0] * e2[2] - e1[2] * e2[0]) / det;
    break;
  }
  // Rank < 2: the rules do not pin the two values down (e.g. two cells of one 5-cell sum).
  if (Number.isNaN(da) || Math.abs(da) <= EPS || Math.abs(db) <= EPS) return null;
  for (const [ca, cb, rhs] of list) if (Math.abs(ca * da + cb * db - rhs) > EPS) return null;
  const fa = makeFix(sys, a, values[a] as number, da);
  const fb = makeFix(sys, b, values[b] as number, db);
  if (!fa || !fb || !inequalitiesHold(sys, values, [fa, fb])) return null;
  return [fa, fb];
}

function makeFix(sys: LinearSystem, cell: string, current: number, delta: number): Fix | null {
  const kind = sys.kindOf(cell);
  const value = current + delta;
  if (!admissible(kind, value)) return null;
  return { cell, value: tidy(kind, value), current };
}

/** A fix must not break a hard inequality (其中 ≤ 合计) that holds now. */
function inequalitiesHold(sys: LinearSystem, values: Values, fixes: readonly Fix[]): boolean {
  if (sys.inequalities.length === 0) return true;
  const touched = new Set<number>();
  for (const f of fixes) for (const { rule } of sys.ineqByCell.get(f.cell) ?? []) touched.add(rule);
  if (touched.size === 0) return true;
  const changed = (cell: string): number | null | undefined => {
    for (let i = fixes.length - 1; i >= 0; i--) if (fixes[i]!.cell === cell) return fixes[i]!.value;
    return values[cell];
  };
  for (const i of touched) {
    const rule = sys.inequalities[i]!;
    const before = residual(rule, values);
    if (Number.isNaN(before) || !holds(rule, before)) continue;
    if (!holds(rule, residualOf(rule, changed))) return false;
  }
  return true;
}
