import type { ReadProblem, ReportCell } from '../report';
import type { Tok } from './tokens';
import { t as say } from '../i18n';

/** A row whose cells ran together in crawled text: `申请总数件1295` (label, unit, then the digits of every column). */
const FUSED = /^(.*?[^\d.．])(?:件|条|個|个|项|項|次|人次|份)(\d{1,12})$/;

export function fusedRow(text: string): { label: string; digits: string } | null {
  const m = FUSED.exec(text.replace(/\s+/g, ''));
  return m ? { label: m[1]!, digits: m[2]! } : null;
}

/** Every way to cut `digits` into `k` numbers written without leading zeros. */
export function splits(digits: string, k: number): number[][] {
  if (k === 1) return digits.length > 1 && digits[0] === '0' ? [] : [[Number(digits)]];
  const out: number[][] = [];
  for (let i = 1; i < digits.length; i++) {
    const head = digits.slice(0, i);
    if (head.length > 1 && head[0] === '0') continue;
    for (const rest of splits(digits.slice(i), k - 1)) out.push([Number(head), ...rest]);
  }
  return out;
}

export interface Fused {
  /** Cell ids of the row's columns, in order (this year, then 历年累计). */
  ids: string[];
  digits: string;
  tok: Tok;
  label: string;
}

/** A relation the split cells must keep: Σ left op Σ right (a sum rule of the form, or this year ≤ 历年累计). */
export interface Relation {
  left: readonly string[];
  op: '=' | '<=' | '>=';
  right: readonly string[];
}

/** More ways to cut a row than this are not tried: the row stays unread. */
const MAX_SPLITS = 20_000;

function binomial(n: number, k: number): number {
  let c = 1;
  for (let i = 0; i < k; i++) c = (c * (n - i)) / (i + 1);
  return c;
}

/**
 * Splits fused rows only where exactly one split satisfies the form's relations (row sums,
 * column sums, this year ≤ 历年累计) as far as the other cells they name are known.
 * The split cells are marked `inferred`; a row with no or several possible splits stays unread.
 */
export function resolveFused(rows: readonly Fused[], cells: Record<string, ReportCell>, relations: readonly Relation[]): ReadProblem[] {
  const options = new Map<Fused, number[][]>();
  const owner = new Map<string, Fused>();
  for (const r of rows) {
    const n = r.digits.length;
    options.set(r, n < r.ids.length || binomial(n - 1, r.ids.length - 1) > MAX_SPLITS ? [] : splits(r.digits, r.ids.length));
    for (const id of r.ids) owner.set(id, r);
  }
  const names = (rel: Relation) => [...rel.left, ...rel.right];
  const touching = new Map<Fused, Relation[]>(rows.map((r) => [r, relations.filter((rel) => names(rel).some((id) => r.ids.includes(id)))]));
  const own = new Map<Fused, Relation[]>(rows.map((r) => [r, touching.get(r)!.filter((rel) => names(rel).every((id) => r.ids.includes(id)))]));
  const known = (id: string, r: Fused, s: readonly number[]): number | null => {
    const at = r.ids.indexOf(id);
    if (at >= 0) return s[at]!;
    const c = cells[id];
    if (c) return c.value;
    const other = owner.get(id);
    const o = other && options.get(other)!;
    return o && o.length === 1 ? o[0]![other.ids.indexOf(id)]! : null;
  };
  // a relation holds, or names a cell not known yet
  const holds = (rel: Relation, r: Fused, s: readonly number[]): boolean => {
    let left = 0;
    let right = 0;
    for (const id of rel.left) {
      const v = known(id, r, s);
      if (v === null) return true;
      left += v;
    }
    for (const id of rel.right) {
      const v = known(id, r, s);
      if (v === null) return true;
      right += v;
    }
    return rel.op === '=' ? Math.abs(left - right) < 1e-9 : rel.op === '<=' ? left <= right + 1e-9 : left + 1e-9 >= right;
  };
  const fits = (r: Fused, s: readonly number[]) => touching.get(r)!.every((rel) => holds(rel, r, s));
  // splits that break the row's own relations (its row sum, this year ≤ 历年累计) are never options
  for (const [r, o] of options) options.set(r, o.filter((s) => own.get(r)!.every((rel) => holds(rel, r, s))));
  for (let round = 0, changed = true; changed && round < 20; round++) {
    changed = false;
    for (const [r, o] of options) {
      if (o.length < 2) continue;
      const keep = o.filter((s) => fits(r, s));
      if (keep.length < o.length) {
        options.set(r, keep);
        changed = true;
      }
    }
  }
  // a split that only the order allows must still agree with the relations
  for (const [r, o] of options) if (o.length === 1 && !fits(r, o[0]!)) options.set(r, []);
  const problems: ReadProblem[] = [];
  for (const [r, o] of options) {
    if (o.length !== 1) {
      const why = o.length ? say('read.fused.ambiguous', { n: o.length }) : say('read.fused.none');
      problems.push({ code: 'fused-digits', message: say('read.fused.unread', { row: r.label, digits: r.digits, why }) });
      continue;
    }
    r.ids.forEach((id, i) => {
      cells[id] = { id, value: o[0]![i]!, raw: r.digits, loc: r.tok.loc, inferred: true };
    });
  }
  const split = rows.filter((r) => options.get(r)!.length === 1);
  if (split.length)
    problems.push({
      code: 'inferred',
      message: say('read.fused.split', {
        n: split.length,
        rows: split.map((r) => say('read.fused.splitRow', { row: r.label, digits: r.digits, values: options.get(r)![0]!.join(say('common.enumSeparator')) })).join(say('common.listSeparator')),
      }),
    });
  return problems;
}
