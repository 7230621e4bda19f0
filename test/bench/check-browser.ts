/** The check bench's page script (bundled by check.bench.ts): the same comparison on the report in the page. */
import { readDom } from '@/lib/read/dom';
import { compare, type Scenario } from './check-keystrokes';

(globalThis as unknown as { nbCheck: unknown }).nbCheck = {
  compare(scenario: Scenario, o: { warmups: number; perRound: number; rounds: number }) {
    const rep = readDom(document, 'page')[0];
    if (!rep?.format) throw new Error('the report was not read');
    return compare(scenario, rep, o);
  },
};
