import type { FormatId } from '../formats';
import { currentLocale, t, type Locale } from '../i18n';
import { labelsOf } from './compile';
import { EPS, type Outcome } from './evaluate';

const PLAIN = new Intl.NumberFormat('en-US', { useGrouping: false, maximumFractionDigits: 4 });

/** Numbers as clerks write them: plain digits (never 1e+21), at most 4 decimals (no float noise), never Infinity. */
export function num(x: number): string {
  // Whole numbers print the same either way (and -0 as 0), without the cost of Intl.
  if (Number.isSafeInteger(x)) return String(x);
  if (!Number.isFinite(x)) return t('rule.outOfRange');
  const s = PLAIN.format(x);
  return s === '-0' ? '0' : s;
}

/** At most `max` words, the rest counted: 「甲、乙等8格」. */
export function listCells(words: readonly string[], max: number): string {
  const sep = t('common.enumSeparator');
  return words.length > max ? t('list.more', { list: words.slice(0, max).join(sep), n: words.length }) : words.join(sep);
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
    else terms.push(`${labels[k]}(${show(v)})`);
  }
  if (zeros) terms.push(terms.length ? t('rule.otherZeros', { n: zeros }) : t('rule.allZero'));
  if (to - from === 1 || blank) return terms.join('+');
  return `${terms.join('+')}=${num(sum)}`;
}

/**
 * Each outcome's words, per locale: an outcome is never changed once made, and lib/rules/incremental hands the
 * same one to every check until one of its cells changes (a half-filled table's many not-assessable rules).
 */
const worded = { rule: new WeakMap<Outcome, [Locale, string]>(), sides: new WeakMap<Outcome, [Locale, string]>(), blank: new WeakMap<Outcome, [Locale, string]>() };

function once(memo: WeakMap<Outcome, [Locale, string]>, o: Outcome, word: () => string): string {
  const locale = currentLocale();
  const known = memo.get(o);
  if (known && known[0] === locale) return known[1];
  const text = word();
  memo.set(o, [locale, text]);
  return text;
}

/** 「表三 自然人列：本年新收(8)+上年结转(0)=8，但办理结果总计(7)+结转下年度(0)=7，相差1」 */
export function ruleText(format: FormatId, o: Outcome): string {
  return once(worded.rule, o, () => ruleWords(format, o));
}

function ruleWords(format: FormatId, o: Outcome): string {
  const r = o.rule;
  const labels = labelsOf(format, r);
  const nl = r.def.left.length;
  const n = r.ids.length;
  const scope = r.def.scope;
  switch (r.def.rule) {
    case 'P-CARRYSIZE':
      return t('rule.carrySize', { scope, carry: labels[0]!, value: num(o.vals[0] ?? 0), a: labels[2]!, b: labels[3]!, sum: num(o.right) });
    case 'X-STOCK': {
      const [inForce, repealed, prev, issued] = o.vals;
      const want = (prev ?? 0) + (issued ?? 0) - (repealed ?? 0);
      const words = {
        scope,
        inForce: labels[0]!,
        repealed: labels[1]!,
        prev: labels[2]!,
        issued: labels[3]!,
        inForceValue: show(inForce),
        repealedValue: show(repealed),
        prevValue: show(prev),
        issuedValue: show(issued),
      };
      if (want < 0) return t('rule.stockNegative', words);
      return t('rule.stock', { ...words, want: num(want), diff: num(Math.abs((inForce ?? 0) - want)) });
    }
  }
  const left = side(labels, o, 0, nl, o.left);
  const right = side(labels, o, nl, n, o.right);
  if (o.status === 2 && o.blanks.length > 0) return t('rule.noBlankFits', { scope, left, right });
  if (r.def.op === '=') return t('rule.unequal', { scope, left, right, diff: num(Math.abs(o.left - o.right)) });
  const over = r.def.op === '<=' ? o.left - o.right : o.right - o.left;
  return t(r.def.op === '<=' ? 'rule.notAbove' : 'rule.notBelow', { scope, left, right, diff: num(Math.max(over, EPS)) });
}

/** A rule's two sides without their verdict: what a blank cell is deduced from. */
export function sidesText(format: FormatId, o: Outcome): string {
  return once(worded.sides, o, () => sidesWords(format, o));
}

function sidesWords(format: FormatId, o: Outcome): string {
  const r = o.rule;
  if (r.def.op !== '=' || r.def.rule === 'X-STOCK' || (o.status === 2 && o.blanks.length > 0)) return ruleText(format, o);
  const labels = labelsOf(format, r);
  const nl = r.def.left.length;
  return t('rule.sides', { scope: r.def.scope, left: side(labels, o, 0, nl, o.left), right: side(labels, o, nl, r.ids.length, o.right) });
}

function show(v: number | null | undefined): string {
  return v === null || v === undefined ? t('rule.blankValue') : num(v);
}

/** Rule text for a rule that cannot be checked because of blanks (blank operands in scope words). */
export function blankText(format: FormatId, o: Outcome): string {
  return once(worded.blank, o, () => blankWords(format, o));
}

function blankWords(format: FormatId, o: Outcome): string {
  const labels = labelsOf(format, o.rule);
  const nl = o.rule.def.left.length;
  const n = o.rule.ids.length;
  const sides = n <= LIST_ALL ? t('rule.blanksSides', { left: side(labels, o, 0, nl, o.left), op: o.rule.def.op, right: side(labels, o, nl, n, o.right) }) : '';
  const missing = o.blanks.map((k) => labels[k]!);
  const need = o.need !== undefined && missing.length > 1 ? t('rule.blanksNeed', { sum: num(o.need) }) : '';
  return t('rule.blanks', { scope: o.rule.def.scope, sides, cells: listCells(missing, 5), need });
}
