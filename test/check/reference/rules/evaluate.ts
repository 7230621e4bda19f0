import type { Values } from '../report';
import type { Compiled, CompiledRule } from './compile';

/** Tolerance for sums of 万元 amounts with decimals. */
export const EPS = 1e-6;

export const NA = 0;
export const PASS = 1;
/** Violated whatever the blank operands hold (or no blank operand). */
export const FAIL = 2;
/** Not assessable: a blank operand could still make it hold. */
export const BLANK = 3;

/** What evaluating one rule found; built only for rules that do not pass. */
export interface Outcome {
  index: number;
  rule: CompiledRule;
  status: typeof FAIL | typeof BLANK;
  /** Operand values (null = blank), in operand order. */
  vals: (number | null)[];
  /** Σ of filled left and right operands. */
  left: number;
  right: number;
  /** Operand indexes that are blank. */
  blanks: number[];
  /**
   * For an equality with blanks on one side only: what those blanks must add up to.
   * Negative (with FAIL) means no value could balance it.
   */
  need?: number;
}

export interface Evaluation {
  /** Status per rule index (NA, PASS, FAIL, BLANK). */
  status: Uint8Array;
  outcomes: Outcome[];
}

const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/**
 * Evaluate every rule of the format. Absent operands (not in `values`, or prior values
 * missing/blank) make a rule not applicable; blank current operands make it not assessable
 * unless no value of theirs could make it hold.
 */
export function evaluate(c: Compiled, values: Values, prior: Values | undefined): Evaluation {
  const rules = c.rules;
  const status = new Uint8Array(rules.length);
  const outcomes: Outcome[] = [];
  for (let i = 0; i < rules.length; i++) {
    const r = rules[i]!;
    if (r.cross && !prior) continue;
    const ids = r.ids;
    let left = 0;
    let right = 0;
    let blankL = 0;
    let blankR = 0;
    let absent = false;
    for (let k = 0; k < ids.length; k++) {
      const x = r.prior[k] ? prior![ids[k]!] : values[ids[k]!];
      if (x === undefined) {
        absent = true;
        break;
      }
      if (!isNum(x)) {
        if (r.prior[k]) {
          absent = true;
          break;
        }
        if (r.right[k]) blankR++;
        else blankL++;
      } else if (r.right[k]) right += x;
      else left += x;
    }
    if (absent) continue;
    const op = r.def.op;
    if (blankL + blankR === 0) {
      const d = left - right;
      const ok = op === '=' ? Math.abs(d) < EPS : op === '<=' ? d < EPS : d > -EPS;
      if (ok) {
        status[i] = PASS;
        continue;
      }
      status[i] = FAIL;
      outcomes.push(outcome(i, r, FAIL, values, prior, left, right));
      continue;
    }
    // With blanks: a blank stands for an unknown value ≥ 0 on its side.
    let st: typeof FAIL | typeof BLANK = BLANK;
    let need: number | undefined;
    if (op === '=') {
      if (blankR === 0) need = right - left;
      else if (blankL === 0) need = left - right;
      if (need !== undefined && need < -EPS) st = FAIL;
    } else {
      // L ≤ R cannot be rescued when only L has blanks and L already exceeds R (and mirrored).
      const over = op === '<=' ? left - right : right - left;
      const onlyGrowing = op === '<=' ? blankR === 0 : blankL === 0;
      if (onlyGrowing && over > EPS) st = FAIL;
    }
    if (st === BLANK && r.def.severity === 'info') continue;
    status[i] = st;
    const o = outcome(i, r, st, values, prior, left, right);
    if (need !== undefined) o.need = need;
    outcomes.push(o);
  }
  return { status, outcomes };
}

function outcome(
  index: number,
  rule: CompiledRule,
  status: typeof FAIL | typeof BLANK,
  values: Values,
  prior: Values | undefined,
  left: number,
  right: number,
): Outcome {
  const vals: (number | null)[] = [];
  const blanks: number[] = [];
  for (let k = 0; k < rule.ids.length; k++) {
    const x = rule.prior[k] ? prior![rule.ids[k]!] : values[rule.ids[k]!];
    if (isNum(x)) vals.push(x);
    else {
      vals.push(null);
      blanks.push(k);
    }
  }
  return { index, rule, status, vals, left, right, blanks };
}
