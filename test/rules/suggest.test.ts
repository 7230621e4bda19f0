import { describe, expect, it } from 'vitest';
import { APPLICANT_COL_IDS } from '@/lib/formats/apply-sections';
import { checkInput } from '@/lib/check';
import { checkReport } from '@/lib/rules';
import { num } from '@/lib/rules/messages';
import { hundredths, inDomain } from '@/lib/rules/suggest';
import type { CheckInput, Finding } from '@/lib/report';
import { consistent } from './gen';
import { add, byRule, clone } from './helpers';

/** The one pipeline's findings (rules, narrative, localisation). */
const localised = (input: CheckInput, prior?: CheckInput): Finding[] => checkInput(input, prior ? { prior } : {}).findings;

const suggested = (fs: Finding[]) => fs.filter((f) => f.expected !== undefined);

describe('suggested values', () => {
  const base = consistent('gov2021', 21);

  it('never 「改为 -3」: a mistyped 本年废止件数 with last year loaded gives X-STOCK without a negative 现行有效件数', () => {
    const i = clone(base.input);
    const v = i.values;
    // 现行有效 = 上年现行有效 + 制发 − 废止 would be negative once 废止 is typed far too big.
    v['active.normative.repealed'] = (base.prior.values['active.normative.inForce'] as number) + (v['active.normative.issued'] as number) + 3;
    const fs = byRule(checkReport(i, base.prior), 'X-STOCK');
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ severity: 'warning', cells: expect.arrayContaining(['active.normative.inForce']) });
    expect(fs[0]!.expected).toBeUndefined();
    expect(fs[0]!.target).toBeUndefined();
    // Nor in words: the message names the cells to check, not a negative figure to type.
    expect(fs[0]!.message).not.toMatch(/应为|=-|-\d/);
    expect(fs[0]!.message).toContain('不可能为负');
    // The same rule with a value the cell can hold still offers it.
    const ok = add(clone(base.prior), 'active.normative.inForce', -2);
    expect(byRule(checkReport(base.input, ok), 'X-STOCK')[0]!.expected).toBe((base.input.values['active.normative.inForce'] as number) - 2);
  });

  it('offers no value, in the badge or in the words, that would leave a rule of that cell broken', () => {
    const check = localised;
    // 上年结转 off by one where 表三 balances: last year's figure would unbalance 表三 — named, not offered.
    const prior = add(add(clone(base.prior), 'apply.carryForward.natural', 1), 'apply.carryForward.total', 1);
    const fs = check(base.input, prior);
    expect(byRule(fs, 'X-CARRY').length).toBeGreaterThan(0);
    expect(suggested(fs)).toEqual([]);
    expect(fs.map((f) => f.message).join('\n')).not.toMatch(/应为|改为/);
  });

  it('a blank total is 「本格应为 N」 only when N fits the cell; never from parts that cannot be computed exactly', () => {
    const i = clone(base.input);
    i.values['apply.new.total'] = null;
    const want = APPLICANT_COL_IDS.reduce((s, c) => s + (i.values[`apply.new.${c}`] as number), 0);
    const fs = suggested(checkReport(i, base.prior));
    expect(fs.map((f) => [f.target, f.expected])).toEqual([['apply.new.total', want]]);
    i.values['apply.new.natural'] = 1e300;
    expect(suggested(checkReport(i)).filter((f) => f.target === 'apply.new.total')).toEqual([]);
  });

  it('every suggestion from random single slips is a whole non-negative number that satisfies its rules', () => {
    let offered = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const { input, prior } = consistent('gov2021', seed);
      const ids = Object.keys(input.values);
      const id = ids[(seed * 7) % ids.length]!;
      const i = clone(input);
      i.values[id] = (i.values[id] as number) - 5 - (seed % 4) * 1000;
      for (const f of suggested(localised(i, prior))) {
        offered++;
        expect(inDomain('count', f.expected!)).toBe(true);
        const fixed = clone(i);
        fixed.values[f.target!] = f.expected!;
        // Once in place, no rule that cell is in fails any more.
        expect(checkReport(fixed, prior).filter((g) => g.severity !== 'info' && g.cells.includes(f.target!) && !g.rule.startsWith('DOM-') && g.expected === undefined && g.missing === undefined && g.rule !== 'X-DUP').filter((g) => g.rule !== 'P-FORMAT')).toEqual([]);
      }
    }
    expect(offered).toBeGreaterThan(10);
  });
});

describe('numbers in messages', () => {
  it('are plain digits without float noise, exponent or Infinity', () => {
    expect(num(1.0000000000000002)).toBe('1');
    expect(num(0.1 + 0.2)).toBe('0.3');
    expect(num(1e21)).toBe('1000000000000000000000');
    expect(num(-0.00001)).toBe('0');
    expect(num(Infinity)).not.toMatch(/Infinity|NaN/);
    expect(num(NaN)).not.toMatch(/Infinity|NaN/);
    expect(num(-417)).toBe('-417');
  });

  it('sums of huge figures say so in words, not 「Infinity」', () => {
    const i = clone(consistent('gov2021', 3).input);
    i.values['apply.new.natural'] = 1.7e308;
    i.values['apply.new.commercial'] = 1.7e308;
    const text = checkReport(i).map((f) => f.message).join('\n');
    expect(text).not.toMatch(/Infinity|NaN|e\+/);
  });
});

describe('exact hundredths', () => {
  it('take counts and 2-decimal 万元 amounts exactly, and refuse finer digits or figures out of range', () => {
    expect(hundredths(0.29)).toBe(29);
    expect(hundredths(12)).toBe(1200);
    expect(hundredths(0.125)).toBeNull();
    expect(hundredths(1e13)).toBeNull();
    expect(inDomain('amount', 0.29)).toBe(true);
    expect(inDomain('amount', 0.125)).toBe(false);
    expect(inDomain('count', -3)).toBe(false);
    expect(inDomain('count', 2.5)).toBe(false);
    expect(inDomain('signed', -3)).toBe(true);
  });
});
