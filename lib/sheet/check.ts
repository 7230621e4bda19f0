import { checkInput } from '../check';
import type { CheckInput, Finding } from '../report';

/** The findings the sheet prints: lib/check's one pipeline, as the live page checks. */
export function findingsFor(input: CheckInput, prior?: CheckInput): Finding[] {
  return checkInput(input, prior ? { prior } : {}).findings;
}
