import type { CheckInput, Finding } from '../report';

/**
 * Check a report against every rule of its format (and, with `prior`, the cross-year rules).
 * Never throws on bad input. Engine being built (issue 2): signature is stable.
 */
export function checkReport(input: CheckInput, prior?: CheckInput): Finding[] {
  void input;
  void prior;
  return [];
}
