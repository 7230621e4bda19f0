import { cellLabel } from '../formats';
import type { FormatId } from '../formats/types';
import type { Values } from '../report';
import { num } from '../rules/messages';
import type { LinearRule } from './system';
import { typoKind } from './typo';
import type { Candidate, Fix, TypoKind } from './types';

/** Plain-Chinese wording of localisation outcomes, in the form's own labels (cellLabel). */

const SLIP: Record<TypoKind, string> = {
  replace: '看来是一位数字输错了',
  swap: '看来是相邻两位数字输颠倒了',
  insert: '看来是多输了一位数字',
  drop: '看来是漏输了一位数字',
};

const fmt = num;

/** Operand names without the words all operands share: 表三 自然人列 → 一、本年新收, （七）总计. */
function operandNames(format: FormatId, cells: readonly string[]): Map<string, string> {
  const parts = cells.map((c) => cellLabel(format, c).split('·'));
  const common = new Set(parts.length < 2 ? [] : parts[0]!.filter((p) => parts.every((q) => q.includes(p))));
  return new Map(
    cells.map((c, i) => {
      const own = parts[i]!.filter((x) => !common.has(x));
      return [c, (own.length ? own : parts[i]!).join('·').replace(/政府信息公开申请数量$/, '')];
    }),
  );
}

function side(cells: readonly string[], names: Map<string, string>, values: Values): string {
  const sum = cells.reduce((s, c) => s + (values[c] as number), 0);
  const words = cells.length > 4 ? '各分项之和' : cells.map((c) => names.get(c)).join('+');
  return `${words} = ${fmt(sum)}`;
}

/** 「表三 自然人列：本年新收+上年结转 = 8，（七）总计+结转下年度 = 7，相差 1」 */
export function ruleText(format: FormatId, rule: LinearRule, values: Values): string {
  const { left, right, scope } = rule.def;
  const diff = left.reduce((s, c) => s + (values[c] as number), 0) - right.reduce((s, c) => s + (values[c] as number), 0);
  const names = operandNames(format, rule.cells);
  return `${scope}：${side(left, names, values)}，${side(right, names, values)}，相差 ${fmt(Math.abs(diff))}`;
}

function fixText(format: FormatId, f: Fix): string {
  return `${cellLabel(format, f.cell)} 应为 ${fmt(f.value)}（当前 ${fmt(f.current)}）`;
}

function scopes(rules: readonly LinearRule[]): string {
  return [...new Set(rules.map((r) => r.def.scope))].join('、');
}

export function uniqueMessage(format: FormatId, fixes: readonly Fix[], failing: readonly LinearRule[], values?: Values): string {
  // The two sides and their difference of the first rule it breaks (the others named by their scope only).
  const more = failing.length > 1 ? `；${scopes(failing.slice(1))}也因此不平衡` : '';
  const why = values && failing[0] ? `（${ruleText(format, failing[0], values)}${more}）` : `（${scopes(failing)}不平衡）`;
  if (fixes.length === 1) {
    const f = fixes[0]!;
    const kind = typoKind(f.current, f.value);
    const slip = kind ? `，${SLIP[kind]}` : '';
    return `最可能是 ${cellLabel(format, f.cell)} 输错：应为 ${fmt(f.value)}，当前 ${fmt(f.current)}${slip}${why}`;
  }
  return `最可能是这 ${fixes.length} 格输错：${fixes.map((f) => fixText(format, f)).join('；')}${why}`;
}

/**
 * A tie, as one short line: the rule with its two sides, then 「可能是以下 3 格之一：…」 with the cells named
 * compactly (the words they share said once); the values are not listed (each would fix it).
 */
export function rankedMessage(
  format: FormatId,
  candidates: readonly Candidate[],
  failing: readonly LinearRule[],
  values: Values,
): string {
  const what = failing.length === 1 ? ruleText(format, failing[0]!, values) : `${scopes(failing)}不平衡`;
  const groups = candidates.map((c) => [c, ...(c.with ?? [])].map((f) => f.cell));
  const all = [...new Set(groups.flat())];
  const names = operandNames(format, all);
  const shared = sharedWords(format, all);
  const list = groups.map((g) => g.map((c) => names.get(c)).join('+')).join('、');
  const pairs = groups.some((g) => g.length > 1);
  return `${what}。无法确定是哪一格输错，可能是以下 ${groups.length} ${pairs ? '组' : '格'}之一：${shared ? `${shared}的` : ''}${list}`;
}

/** The words every cell's label shares (表四·行政复议), said once before a compact list. */
function sharedWords(format: FormatId, cells: readonly string[]): string {
  if (cells.length < 2) return '';
  const parts = cells.map((c) => cellLabel(format, c).split('·'));
  return parts[0]!.filter((p) => parts.every((q) => q.includes(p))).join('·');
}

export function identityMessage(format: FormatId, failing: readonly LinearRule[], values: Values): string {
  const [main, ...rest] = failing;
  const also = rest.length ? `；${rest.map((r) => ruleText(format, r, values)).join('；')}` : '';
  const look = [...operandNames(format, main!.cells).values()].join('、');
  return (
    `${ruleText(format, main!, values)}${also}。各行、各列的合计本身都平衡，改动任何一格都不能单独使它平衡：` +
    `可能是某个分项输错后又据此算出了合计。请核对${main!.def.scope}的${look}及其各分项`
  );
}

export function unresolvedMessage(failing: readonly LinearRule[]): string {
  return `${scopes(failing)}都不平衡，不止一两格有误，无法推断是哪几格输错，请逐项核对这些行列`;
}

export function severalMessage(parts: readonly { message: string }[]): string {
  return `有 ${parts.length} 处互不相关的问题：${parts.map((p, i) => `（${i + 1}）${p.message}`).join(' ')}`;
}
