import type { FormatId } from '../types';
import type { RuleKind, SumRule } from '../rule-types';
import { gov2014Rules } from './gov2014';
import { gov2019Rules } from './gov2019';
import { gov2021Rules } from './gov2021';

export type { SumRule, Ref, RuleKind } from '../rule-types';
export { PRIOR, LOCATABLE_KINDS } from '../rule-types';

const BUILD: Record<FormatId, () => SumRule[]> = {
  gov2021: gov2021Rules,
  gov2019: gov2019Rules,
  gov2014: gov2014Rules,
  // 2008–2013 local tables have no catalogue: lib/rules checks them loosely from the values.
  local: () => [],
};

const cache = new Map<FormatId, readonly SumRule[]>();

/**
 * Every rule of a format declared as data, built once. A rule naming a cell the report does
 * not have at all (partial reports, the other shape of （六）其他处理, a missing 历年累计
 * column) is not applicable to that report: see `applicable`.
 */
export function rulesOf(format: FormatId): readonly SumRule[] {
  let rules = cache.get(format);
  if (!rules) {
    rules = Object.freeze(BUILD[format]().map((r) => Object.freeze(r)));
    cache.set(format, rules);
  }
  return rules;
}

/** The kind each rule id of a format declares (every rule of one id has one kind). */
export function ruleKinds(format: FormatId): ReadonlyMap<string, RuleKind> {
  let kinds = kindCache.get(format);
  if (!kinds) {
    kinds = new Map(rulesOf(format).map((r) => [r.rule, r.kind]));
    kindCache.set(format, kinds);
  }
  return kinds;
}
const kindCache = new Map<FormatId, ReadonlyMap<string, RuleKind>>();

/** Whether every current-year operand of the rule is present (blank counts as present). */
export function applicable(rule: SumRule, values: Record<string, unknown>): boolean {
  for (const ref of rule.left) if (!ref.startsWith('prior:') && !(ref in values)) return false;
  for (const ref of rule.right) if (!ref.startsWith('prior:') && !(ref in values)) return false;
  return true;
}
