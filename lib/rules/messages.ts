import type { FormatId } from '../formats';
import { labelsOf } from './compile';
import { EPS, type Outcome } from './evaluate';

const PLAIN = new Intl.NumberFormat('en-US', { useGrouping: false, maximumFractionDigits: 4 });

/** Numbers as clerks write them: plain digits (never 1e+21), at most 4 decimals (no float noise), never Infinity. */
export function num(x: number): string {
  if (!Number.isFinite(x)) return '（超出范围）';
  const s = PLAIN.format(x);
  return s === '-0' ? '0' : s;
}

/** Operands listed longer than this show only their non-zero terms. */
const LIST_ALL = 6;

/** One side of a rule in words: 本年新收(8)+上年结转(0)=8; blanks shown as 空. */
function side(labels: string[], o: Outcome, from: number, to: number, sum: number): string {
  const terms: string[] = [];
  let zeros = 0;
  let blank = false;
  for (let k = from; k < to; k++) {
    const v = o.vals[k];
    if (v === null || v === undefined) blank = true;
    if (to - from > LIST_ALL && v === 0) zeros++;
    else terms.push(`${labels[k]}(${v === null || v === undefined ? '空' : num(v)})`);
  }
  if (zeros) terms.push(terms.length ? `其余${zeros}项(0)` : `各项(均为0)`);
  if (to - from === 1 || blank) return terms.join('+');
  return `${terms.join('+')}=${num(sum)}`;
}

/** 「表三 自然人列：本年新收(8)+上年结转(0)=8，但办理结果总计(7)+结转下年度(0)=7，相差1」 */
export function ruleText(format: FormatId, o: Outcome): string {
  const r = o.rule;
  const labels = labelsOf(format, r);
  const nl = r.def.left.length;
  const n = r.ids.length;
  const L = side(labels, o, 0, nl, o.left);
  const R = side(labels, o, nl, n, o.right);
  const d = Math.abs(o.left - o.right);
  const scope = r.def.scope;
  switch (r.def.rule) {
    case 'P-CARRYSIZE':
      return `${scope}：结转下年度继续办理(${num(o.vals[0] ?? 0)})超过本年新收与上年结转之和(${num(o.right)})的一半，请核实是否属实`;
    case 'X-STOCK': {
      const [inForce, repealed, prev, issued] = o.vals;
      const want = (prev ?? 0) + (issued ?? 0) - (repealed ?? 0);
      if (want < 0)
        return `${scope}：${labels[2]}(${show(prev)})+${labels[3]}(${show(issued)})−${labels[1]}(${show(repealed)})得负数，${labels[0]}不可能为负：请核对${labels[1]}和上年数据（当前${labels[0]}为${show(inForce)}）`;
      return `${scope}：${labels[0]}(${show(inForce)})应为${labels[2]}(${show(prev)})+${labels[3]}(${show(issued)})−${labels[1]}(${show(repealed)})=${num(want)}，相差${num(Math.abs((inForce ?? 0) - want))}`;
    }
  }
  if (o.status === 2 && o.blanks.length > 0) {
    return `${scope}：${L}，${R}，空白格无论填什么都无法使两边相等`;
  }
  if (r.def.op === '=') return `${scope}：${L}，但${R}，相差${num(d)}`;
  const over = r.def.op === '<=' ? o.left - o.right : o.right - o.left;
  const word = r.def.op === '<=' ? '不应大于' : '不应小于';
  return `${scope}：${L}${word}${R}，${r.def.op === '<=' ? '多出' : '少'}${num(Math.max(over, EPS))}`;
}

function show(v: number | null | undefined): string {
  return v === null || v === undefined ? '空' : num(v);
}

/** Rule text for a rule that cannot be checked because of blanks (blank operands in scope words). */
export function blankText(format: FormatId, o: Outcome): string {
  const labels = labelsOf(format, o.rule);
  const nl = o.rule.def.left.length;
  const n = o.rule.ids.length;
  const sides = n <= LIST_ALL ? `${side(labels, o, 0, nl, o.left)} ${o.rule.def.op} ${side(labels, o, nl, n, o.right)}，` : '';
  const missing = o.blanks.map((k) => labels[k]!);
  const shown = missing.length > 5 ? `${missing.slice(0, 5).join('、')}等${missing.length}格` : missing.join('、');
  const need = o.need !== undefined && missing.length > 1 ? `（这些空格合计应为${num(o.need)}）` : '';
  return `${o.rule.def.scope}：${sides}有空白格，暂无法核对；未填：${shown}${need}`;
}
