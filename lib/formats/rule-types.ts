import type { Severity } from '../report';

/** A cell id; with the prefix `prior:` it names last year's value of that cell. */
export type Ref = string;
export const PRIOR = 'prior:';

/**
 * A linear rule declared as data: Σ left  op  Σ right. Every sum, 勾稽 identity, ≤ relation
 * and cross-year relation of the spec is one of these; the engine (lib/rules) evaluates them
 * and the localisation (lib/locate) searches over the `error` equalities.
 */
export interface SumRule {
  /** Rule id of the spec: 'T3-BAL', 'C-H5', 'X-CARRY' … */
  rule: string;
  severity: Severity;
  /** Where it applies, in the form's words, for messages: '表三 自然人列', '表四 行政复议'. */
  scope: string;
  left: readonly Ref[];
  op: '=' | '<=' | '>=';
  right: readonly Ref[];
}
