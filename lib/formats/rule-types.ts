import type { Severity } from '../report';

/** A cell id; with the prefix `prior:` it names last year's value of that cell. */
export type Ref = string;
export const PRIOR = 'prior:';

/**
 * What a rule says, so that consumers need not guess from its id:
 * - total: a total equals the sum of its parts (T3-TOT, T3-ROWSUM, T4-SUM, C-H1…C-H11);
 * - balance: two sums of the same applications agree (T3-BAL);
 * - part: a 其中 row is at most its parent (C-H13);
 * - cumulative: a 历年累计 figure is at least this year's (C-CUM);
 * - carry: a relation with last year's report (X-CARRY, X-STOCK);
 * - plausible: usually true, worth a look when not (P-CARRYSIZE, C-S*).
 */
export type RuleKind = 'total' | 'balance' | 'part' | 'cumulative' | 'carry' | 'plausible';

/** The kinds localisation reasons about: a wrong figure in one of them has a computable fix. */
export const LOCATABLE_KINDS: ReadonlySet<RuleKind> = new Set(['total', 'balance', 'part']);

/**
 * A linear rule declared as data: Σ left  op  Σ right. Every sum, 勾稽 identity, ≤ relation
 * and cross-year relation of the spec is one of these; the engine (lib/rules) evaluates them
 * and the localisation (lib/locate) searches over the `error` equalities.
 */
export interface SumRule {
  /** Rule id of the spec: 'T3-BAL', 'C-H5', 'X-CARRY' … */
  rule: string;
  kind: RuleKind;
  severity: Severity;
  /** Where it applies, in the form's words, for messages: '表三 自然人列', '表四 行政复议'. */
  scope: string;
  left: readonly Ref[];
  op: '=' | '<=' | '>=';
  right: readonly Ref[];
}
