// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareNarrative, forgetComparisons } from '@/lib/narrative';
import { forgetReadings } from '@/lib/narrative/claims';
import type { CheckInput, Values } from '@/lib/report';
import { benchText } from '../bench/narrative-edit.bench';

/**
 * Typing in the narrative compares the same figures with the same table again, and the comparisons of the last
 * values are kept (lib/narrative/index.ts). Whatever is typed and whatever the table holds, the comparisons are
 * those of a first comparison with nothing kept.
 */

const cold = (text: string, input: CheckInput) => {
  forgetComparisons();
  forgetReadings();
  return compareNarrative(text, input);
};

const VALUES: Values = { 'apply.new.total': 50, 'apply.carriedOver.total': 3, 'apply.granted.total': 12, 'apply.partial.total': 3, 'active.normative.issued': 4, 'active.normative.repealed': 1 };
const input = (values: Values): CheckInput => ({ format: 'gov2021', year: 2023, values });

describe('the comparisons kept from the last text', () => {
  it('are placed where their sentence is now: an edit before it moves its mark', () => {
    const wrong = '本机关共收到政府信息公开申请60件。';
    const first = compareNarrative(`全年工作有序开展。${wrong}`, input(VALUES));
    const moved = compareNarrative(`全年政务公开工作有序开展，成效明显。${wrong}`, input(VALUES));
    expect(first.some((c) => c.finding)).toBe(true);
    const spans = (cs: typeof moved) => cs.flatMap((c) => (c.finding ? [c.finding.span] : []));
    expect(spans(moved)).not.toEqual(spans(first));
    expect(moved).toStrictEqual(cold(`全年政务公开工作有序开展，成效明显。${wrong}`, input(VALUES)));
  });

  it('quote the sentence as it is written now: the same words in full-width figures read alike but are quoted apart', () => {
    const full = '本机关共收到政府信息公开申请６０件。';
    const half = '本机关共收到政府信息公开申请60件。';
    const first = compareNarrative(full, input(VALUES));
    const now = compareNarrative(half, input(VALUES));
    expect(first.find((c) => c.finding)?.finding?.message).toContain('６０');
    expect(now.find((c) => c.finding)?.finding?.message).toContain('申请60件');
    expect(now).toStrictEqual(cold(half, input(VALUES)));
  });

  it('are those of the table as it is: other values, other findings, and back', () => {
    const text = '本机关共收到政府信息公开申请50件，予以公开12件。';
    for (const values of [VALUES, { ...VALUES, 'apply.new.total': 51 }, VALUES, { ...VALUES, 'apply.granted.total': null }]) {
      const warm = compareNarrative(text, input(values));
      expect(warm).toStrictEqual(cold(text, input(values)));
    }
    expect(compareNarrative(text, input({ ...VALUES, 'apply.new.total': 51 })).filter((c) => c.finding)).toHaveLength(1);
  });

  it('give what a first comparison gives after any edits of a long narrative and any changes to the table (fast-check)', () => {
    const base = benchText();
    const ids = Object.keys(VALUES);
    const step = fc.oneof(
      fc.record({ at: fc.nat(), cut: fc.nat({ max: 12 }), put: fc.constantFrom('', '6', '50', '。', '；', '申请', '其中', '予以公开3件', '\n') }),
      fc.record({ id: fc.constantFrom(...ids), value: fc.option(fc.nat({ max: 80 })) }),
    );
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 12 }), (steps) => {
        let text = base;
        let values: Values = { ...VALUES };
        cold(text, input(values));
        for (const s of steps) {
          if ('id' in s) values = { ...values, [s.id]: s.value };
          else {
            const at = s.at % (text.length + 1);
            text = text.slice(0, at) + s.put + text.slice(at + s.cut);
          }
          const warm = compareNarrative(text, input(values));
          expect(warm).toStrictEqual(cold(text, input(values)));
        }
      }),
      { numRuns: 25 },
    );
  });
});
