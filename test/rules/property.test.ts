import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkReport } from '@/lib/rules';
import { compiled } from '@/lib/rules/compile';
import { consistent } from './gen';
import { errors } from './helpers';

const FORMATS = ['gov2021', 'gov2019', 'gov2014'] as const;

describe.each(FORMATS)('%s, random consistent tables', (format) => {
  const c = compiled(format);

  it('give no error, with or without their prior year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const { input, prior } = consistent(format, seed);
        expect(errors(checkReport(input, prior))).toEqual([]);
        expect(errors(checkReport(input))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  }, 60000);

  it('changing any count cell by a non-zero amount gives an error listing it (when the rules can see it)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.nat(), fc.integer({ min: -50, max: 50 }).filter((d) => d !== 0), (seed, pick, d) => {
        const { input, prior } = consistent(format, seed);
        const cells = Object.keys(input.values).filter((id) => c.kinds.get(id) === 'count');
        const id = cells[pick % cells.length]!;
        const was = input.values[id] as number;
        input.values[id] = was + d;
        const errs = errors(checkReport(input, prior));
        const inRules = (c.errorRulesOf.get(id) ?? []).filter((i) => c.rules[i]!.ids.every((x) => x in input.values));
        if (inRules.length === 0) {
          // A figure no equality relates to anything (表二 决定数量, 举报投诉数量 …) can only break its
          // domain or an inequality (其中 ≤ parent): any error there is about this cell.
          expect(errs.every((f) => f.cells.includes(id))).toBe(true);
          if (was + d < 0) expect(errs.some((f) => f.rule === 'DOM-INT')).toBe(true);
          return;
        }
        expect(errs.some((f) => f.cells.includes(id))).toBe(true);
        // A cell in two or more identities is one grouped finding with the right correction.
        const identities = errs.filter((f) => !f.rule.startsWith('DOM-'));
        if (inRules.length >= 2) {
          expect(identities).toHaveLength(1);
          expect(identities[0]).toMatchObject({ target: id, expected: was, actual: was + d });
        }
        if (was + d < 0) expect(errs.some((f) => f.rule === 'DOM-INT' && f.cells[0] === id)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  }, 60000);
});
