import type { ReadProblem, ReportCell } from '../report';
import type { Tok } from './tokens';

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

/**
 * Splits fused rows of a local table only where exactly one split satisfies the form's rules:
 * this year ≤ 历年累计, and an item equals the sum of its numbered sub-items in each column.
 * The split cells are marked `inferred`; a row with no or several possible splits stays unread.
 */
export function resolveFused(rows: readonly Fused[], cells: Record<string, ReportCell>, family: (id: string) => { parent: string; children: string[] } | null): ReadProblem[] {
  const options = new Map<Fused, number[][]>();
  for (const r of rows) options.set(r, splits(r.digits, r.ids.length).filter((s) => s.length < 2 || s[0]! <= s[1]!));
  const known = (id: string): number | null => {
    const c = cells[id];
    if (c) return c.value;
    for (const [r, o] of options) {
      const at = r.ids.indexOf(id);
      if (at >= 0) return o.length === 1 ? o[0]![at]! : null;
    }
    return null;
  };
  // a cell that the sum of its family fixes, when every other member is known
  const fixed = (id: string): number | null => {
    const f = family(id);
    if (!f) return null;
    const col = id.endsWith('.cumulative') ? '.cumulative' : '';
    const parent = f.parent + col;
    const kids = f.children.map((c) => c + col);
    if (id === parent) {
      const v = kids.map(known);
      return v.every((x) => x !== null) ? v.reduce((a, b) => a! + b!, 0)! : null;
    }
    const p = known(parent);
    const others = kids.filter((k) => k !== id).map(known);
    return p !== null && others.every((x) => x !== null) ? p - others.reduce((a, b) => a! + b!, 0)! : null;
  };
  for (let round = 0, changed = true; changed && round < 20; round++) {
    changed = false;
    for (const [r, o] of options) {
      if (o.length < 2) continue;
      const keep = o.filter((s) => r.ids.every((id, i) => {
        const want = fixed(id);
        return want === null || want === s[i];
      }));
      if (keep.length < o.length) {
        options.set(r, keep);
        changed = true;
      }
    }
  }
  // a split that only the order allows must still agree with its family's sums
  for (const [r, o] of options) {
    if (o.length === 1 && r.ids.some((id, i) => {
      const want = fixed(id);
      return want !== null && want !== o[0]![i];
    })) options.set(r, []);
  }
  const problems: ReadProblem[] = [];
  for (const [r, o] of options) {
    if (o.length !== 1) {
      const why = o.length ? `有${o.length}种拆法都符合表格的勾稽关系，无法确定` : '没有一种拆法符合表格的勾稽关系';
      problems.push({ code: 'fused-digits', message: `“${r.label}”一行的数字连在一起（${r.digits}），${why}，未读取` });
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
      message: `以下${split.length}行的数字连在一起，已按表格的勾稽关系拆开（只有这一种拆法符合），请核对：${split.map((r) => `${r.label}（${r.digits}→${options.get(r)![0]!.join('、')}）`).join('；')}`,
    });
  return problems;
}
