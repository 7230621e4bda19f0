import { FORMATS, type CellKind, type FormatId } from '../formats';
import { rulesOf, type SumRule } from '../formats/rules';
import { currentLocale, type Locale } from '../i18n';
import { defOf, operandLabels } from './labels';

/** A SumRule prepared once per format for the hot path: operands split into plain arrays. */
export interface CompiledRule {
  def: SumRule;
  /** Operand cell ids (without `prior:`), left side first, then right. */
  ids: string[];
  /** Per operand: from last year's report. */
  prior: boolean[];
  /** Per operand: on the right-hand side. */
  right: boolean[];
  /** Whether any operand is a prior-year value. */
  cross: boolean;
  /** Operand words in the rule's scope, built on first use (messages only for failing rules), per locale. */
  labels?: { locale: Locale; words: string[] };
}

export interface Compiled {
  format: FormatId;
  rules: CompiledRule[];
  /** Kind of every cell the format knows, including tolerated extras. */
  kinds: Map<string, CellKind>;
  /** For each cell, the indexes of the error equalities it is an operand of (for grouping). */
  errorRulesOf: Map<string, number[]>;
  /** For each cell, the indexes of the rules it is a this-year operand of. */
  rulesWith: Map<string, number[]>;
}

const cache = new Map<FormatId, Compiled>();

export function compiled(format: FormatId): Compiled {
  let c = cache.get(format);
  if (!c) {
    c = compile(format);
    cache.set(format, c);
  }
  return c;
}

function compile(format: FormatId): Compiled {
  const rules: CompiledRule[] = rulesOf(format).map((def) => {
    const refs = [...def.left, ...def.right];
    const prior = refs.map((r) => r.startsWith('prior:'));
    return {
      def,
      ids: refs.map((r, i) => (prior[i] ? r.slice(6) : r)),
      prior,
      right: refs.map((_, i) => i >= def.left.length),
      cross: prior.includes(true),
    };
  });
  const kinds = new Map<string, CellKind>();
  for (const cell of FORMATS[format].cells) kinds.set(cell.id, cell.kind);
  for (const r of rules) {
    for (const id of r.ids) {
      if (kinds.has(id)) continue;
      const d = defOf(format, id);
      if (d) kinds.set(id, d.kind);
    }
  }
  const errorRulesOf = new Map<string, number[]>();
  rules.forEach((r, i) => {
    if (r.def.severity !== 'error' || r.def.op !== '=' || r.cross) return;
    for (const id of r.ids) {
      const list = errorRulesOf.get(id);
      if (list) list.push(i);
      else errorRulesOf.set(id, [i]);
    }
  });
  const rulesWith = new Map<string, number[]>();
  rules.forEach((r, i) => {
    r.ids.forEach((id, k) => {
      if (r.prior[k]) return;
      const list = rulesWith.get(id);
      if (!list) rulesWith.set(id, [i]);
      else if (list[list.length - 1] !== i) list.push(i);
    });
  });
  return { format, rules, kinds, errorRulesOf, rulesWith };
}

export function labelsOf(format: FormatId, r: CompiledRule): string[] {
  const locale = currentLocale();
  if (r.labels?.locale !== locale) r.labels = { locale, words: operandLabels(format, [...r.def.left, ...r.def.right]) };
  return r.labels.words;
}
