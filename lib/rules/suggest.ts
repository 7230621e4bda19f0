import type { CellKind } from '../formats';
import type { Values } from '../report';
import type { Compiled, CompiledRule } from './compile';

/**
 * Suggested values (finding.expected, localisation fixes, 「本格应为 N」) are decided here: computed
 * exactly in hundredths (counts are whole, 万元 amounts have at most 2 decimals), and offered only
 * when they fit the cell and every rule the cell takes part in.
 */

/** Figures beyond this magnitude are not computed with (no report counts a trillion of anything). */
export const LIMIT = 1e12;

/** x in hundredths, exactly; null when x has finer digits than 0.01 or is out of range. */
export function hundredths(x: number | null | undefined): number | null {
  if (typeof x !== 'number' || !Number.isFinite(x) || Math.abs(x) > LIMIT) return null;
  const h = Math.round(x * 100);
  return h / 100 === x ? h : null;
}

/** Whether v may be suggested for a cell of this kind: counts whole and ≥ 0, amounts ≥ 0 to 0.01, signed whole. */
export function inDomain(kind: CellKind, v: number): boolean {
  if (hundredths(v) === null) return false;
  if (kind === 'amount') return v >= 0;
  if (!Number.isInteger(v)) return false;
  return kind === 'signed' || v >= 0;
}

/** Σ left and Σ right of a rule's operand values, in hundredths; null when an operand cannot be computed with exactly. */
export function exactSides(r: CompiledRule, vals: readonly (number | null)[]): { left: number; right: number } | null {
  let left = 0;
  let right = 0;
  for (let k = 0; k < vals.length; k++) {
    const v = vals[k];
    if (v === null || v === undefined) continue;
    const h = hundredths(v);
    if (h === null) return null;
    if (r.right[k]) right += h;
    else left += h;
  }
  return { left, right };
}

/** The value operand k must take for the rule to hold, the other operands unchanged (blanks as 0); null when not exact. */
export function impliedValue(r: CompiledRule, vals: readonly (number | null)[], k: number): number | null {
  const s = exactSides(r, vals);
  const own = vals[k] === null || vals[k] === undefined ? 0 : hundredths(vals[k]);
  if (!s || own === null) return null;
  const d = s.left - s.right;
  return (r.right[k] ? own + d : own - d) / 100;
}

export interface Suggestion {
  cell: string;
  value: number;
}

/**
 * Whether the values may be suggested together: each in its cell's domain, and no error or warning
 * rule that any of these cells takes part in fails once they are in place (a blank operand stands
 * for any value ≥ 0, as in the engine). Info rules are hints about plausibility, not constraints.
 */
export function acceptable(c: Compiled, values: Values, prior: Values | undefined, fixes: readonly Suggestion[]): boolean {
  if (!fixes.length) return false;
  const patched = new Map<string, number>();
  for (const f of fixes) {
    if (!inDomain(c.kinds.get(f.cell) ?? 'count', f.value)) return false;
    patched.set(f.cell, f.value);
  }
  const value = (id: string) => (patched.has(id) ? patched.get(id) : values[id]);
  for (const cell of patched.keys()) {
    for (const i of c.rulesWith.get(cell) ?? []) {
      const r = c.rules[i]!;
      if (r.def.severity === 'info' || (r.cross && !prior)) continue;
      if (fails(r, value, prior)) return false;
    }
  }
  return true;
}

function fails(r: CompiledRule, value: (id: string) => number | null | undefined, prior: Values | undefined): boolean {
  const vals: (number | null)[] = [];
  let blankL = 0;
  let blankR = 0;
  for (let k = 0; k < r.ids.length; k++) {
    const x = r.prior[k] ? prior![r.ids[k]!] : value(r.ids[k]!);
    if (x === undefined) return false;
    if (typeof x !== 'number' || !Number.isFinite(x)) {
      if (r.prior[k]) return false;
      if (r.right[k]) blankR++;
      else blankL++;
      vals.push(null);
    } else vals.push(x);
  }
  const s = exactSides(r, vals);
  if (!s) return true;
  const d = s.left - s.right;
  const op = r.def.op;
  if (blankL + blankR === 0) return op === '=' ? d !== 0 : op === '<=' ? d > 0 : d < 0;
  if (op === '=') return (blankR === 0 && d > 0) || (blankL === 0 && d < 0);
  return op === '<=' ? blankR === 0 && d > 0 : blankL === 0 && d < 0;
}
