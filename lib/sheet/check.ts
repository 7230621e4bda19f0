import { annotate } from '../locate/annotate';
import type { CheckInput, Finding } from '../report';
import { checkReport } from '../rules';

/**
 * The findings the sheet prints: the rule engine plus localisation, as the live page checks.
 * The one place the sheet calls the checking (to become lib/check's pipeline once it exists).
 */
export function findingsFor(input: CheckInput, prior?: CheckInput): Finding[] {
  return annotate(checkReport(input, prior), input, prior ? { prior } : {});
}
