// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toSimplified } from '@/lib/formats/traditional';

/**
 * The heading is read again at every keystroke before a report's first table, and its NFKC form is worked out line
 * by line, each line kept (lib/read/detect.ts), before the simplified form is taken. That is exact only if a line
 * break is a boundary of both: nothing before it combines with anything after it, and it maps to itself.
 */

const PIECES = ['\n', ' ', 'ｶ', 'ﾞ', 'ﾟ', 'e', '\u0301', '\u3099', 'か', '한', '\u1161', '\u11a8', 'ᄀ', '２０２３', '年', '國', '務', '院', '①', '㈱', '\u00a0', '\u3000', 'ﬁ', '政府信息公开工作年度报告'];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((xs) => xs.join(''));

describe('the heading read line by line', () => {
  it('a line break is a boundary of NFKC and of the simplified form: each line alone gives the same (fast-check)', () => {
    fc.assert(
      fc.property(text, (s) => {
        const whole = toSimplified(s.normalize('NFKC'));
        const byLine = s.split('\n').map((l) => toSimplified(l.normalize('NFKC'))).join('\n');
        expect(byLine).toBe(whole);
      }),
      { numRuns: 500 },
    );
  });

});
