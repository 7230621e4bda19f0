import { cellLabel } from '@/lib/formats';
import type { FormatId } from '@/lib/formats/types';
import { t } from '@/lib/i18n';
import type { Values } from '../report';
import { num } from '../rules/messages';
import type { LinearRule } from './system';
import { typoKind } from './typo';
import type { Candidate, Fix, Found } from './types';

/** Wording of localisation outcomes (lib/i18n), the cells named in the form's own labels (cellLabel). */

const fmt = num;
const enumerate = (words: readonly string[]) => words.join(t('common.enumSeparator'));

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

/** The words every cell's label shares (表四·行政复议), said once before a compact list. */
function sharedWords(format: FormatId, cells: readonly string[]): string {
  if (cells.length < 2) return '';
  const parts = cells.map((c) => cellLabel(format, c).split('·'));
  return parts[0]!.filter((p) => parts.every((q) => q.includes(p))).join('·');
}

/** Cells named compactly: 「表三·自然人的 本年新收 应为 41、上年结转 应为 2」 (`say` words each cell's part). */
function compact(format: FormatId, cells: readonly string[], say: (name: string, cell: string) => string = (n) => n): string {
  const names = operandNames(format, cells);
  const list = enumerate(cells.map((c) => say(names.get(c)!, c)));
  const words = sharedWords(format, cells);
  return words ? t('locate.shared', { words, list }) : list;
}

function side(cells: readonly string[], names: Map<string, string>, values: Values): string {
  const sum = cells.reduce((s, c) => s + (values[c] as number), 0);
  const words = cells.length > 4 ? t('locate.sumOfParts') : cells.map((c) => names.get(c)).join('+');
  return t('locate.side', { words, sum: fmt(sum) });
}

/** 「表三 自然人列：本年新收+上年结转 = 8，（七）总计+结转下年度 = 7，相差 1」 */
export function ruleText(format: FormatId, rule: LinearRule, values: Values): string {
  const { left, right, scope } = rule.def;
  const diff = left.reduce((s, c) => s + (values[c] as number), 0) - right.reduce((s, c) => s + (values[c] as number), 0);
  const names = operandNames(format, rule.cells);
  return t('locate.rule', { scope, left: side(left, names, values), right: side(right, names, values), diff: fmt(Math.abs(diff)) });
}

function scopes(rules: readonly LinearRule[]): string {
  return enumerate([...new Set(rules.map((r) => r.def.scope))]);
}

export function uniqueMessage(format: FormatId, fixes: readonly Fix[], failing: readonly LinearRule[], values?: Values): string {
  // The two sides and their difference of the first rule it breaks (the others named by their scope only).
  // A pair's sentence keeps to the first rule: its cells already say where the other rules are.
  const more = failing.length > 1 && fixes.length === 1 ? t('locate.alsoUnbalanced', { scopes: scopes(failing.slice(1)) }) : '';
  const why = values && failing[0] ? t('locate.why', { rule: ruleText(format, failing[0], values), more }) : t('locate.why', { rule: t('locate.unbalanced', { scopes: scopes(failing) }), more: '' });
  if (fixes.length === 1) {
    const f = fixes[0]!;
    const kind = typoKind(f.current, f.value);
    const slip = kind ? t(`locate.slip.${kind}`) : '';
    return t('locate.unique', { cell: cellLabel(format, f.cell), value: fmt(f.value), current: fmt(f.current), slip, why });
  }
  const value = new Map(fixes.map((f) => [f.cell, f.value]));
  const cells = compact(format, [...value.keys()], (name, c) => t('locate.pairCell', { cell: name, value: fmt(value.get(c)!) }));
  return t('locate.pair', { n: fixes.length, cells, why });
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
  const what = failing.length === 1 ? ruleText(format, failing[0]!, values) : t('locate.unbalanced', { scopes: scopes(failing) });
  const { cells, n, pairs } = tied(format, candidates);
  return t(pairs ? 'locate.rankedPairs' : 'locate.ranked', { what, n, cells });
}

/** Tied candidates named compactly: 「表四·行政复议的 维持、纠正、其他」, a pair as 「甲+乙」. */
function tied(format: FormatId, candidates: readonly Candidate[]): { cells: string; n: number; pairs: boolean } {
  const groups = candidates.map((c) => [c, ...(c.with ?? [])].map((f) => f.cell));
  const all = [...new Set(groups.flat())];
  const names = operandNames(format, all);
  const shared = sharedWords(format, all);
  const list = enumerate(groups.map((g) => g.map((c) => names.get(c)).join('+')));
  return { cells: shared ? t('locate.shared', { words: shared, list }) : list, n: groups.length, pairs: groups.some((g) => g.length > 1) };
}

export function identityMessage(format: FormatId, failing: readonly LinearRule[], values: Values): string {
  const main = failing[0]!;
  const rules = failing.map((r) => ruleText(format, r, values)).join(t('common.listSeparator'));
  const cells = enumerate([...operandNames(format, main.cells).values()]);
  return t('locate.identity', { rules, scope: main.def.scope, cells });
}

export function unresolvedMessage(failing: readonly LinearRule[]): string {
  return t('locate.unresolved', { scopes: scopes(failing) });
}

/**
 * Independent problems as one short line, each in a few words: the cells to change and their values, or the
 * rows and columns that do not add up (each part's own sentence goes with its own cells).
 */
export function severalMessage(format: FormatId, parts: readonly Found[]): string {
  const brief = (p: Found): string => {
    switch (p.kind) {
      case 'unique': {
        const value = new Map(p.fixes.map((f) => [f.cell, f.value]));
        return compact(format, [...value.keys()], (name, c) => t('locate.pairCell', { cell: name, value: fmt(value.get(c)!) }));
      }
      case 'ranked':
        return t('locate.partOneOf', { cells: tied(format, p.candidates).cells });
      case 'identity':
        return t('locate.unbalanced', { scopes: p.scope });
      case 'several':
        return p.message;
    }
  };
  const list = parts.map((p, i) => t('locate.severalPart', { i: i + 1, part: brief(p) })).join(t('common.listSeparator'));
  return t('locate.several', { n: parts.length, parts: list });
}
