import { describe, expect, it } from 'vitest';
import { checkInput, recentEdits } from '@/lib/check';
import { checkReport } from '@/lib/rules';
import type { CheckInput } from '@/lib/report';
import { edited, shanghai2025 } from '../locate/shanghai2025';

const errors = (input: CheckInput) => checkInput(input).findings.filter((f) => f.severity === 'error');

/** What every view gets: the engine's findings with localisation put into them. */
describe('the check pipeline', () => {
  it('leaves a consistent report’s findings as the engine gives them, with no suggestion', () => {
    const input = shanghai2025();
    const out = checkInput(input);
    expect(out.findings).toEqual(checkReport(input));
    expect(out.suggestion).toBeNull();
  });

  it('gives the suggestion the badge gets: the same cell and value', () => {
    const out = checkInput(edited({ 'apply.carryForward.natural': 209 }));
    expect(out.suggestion?.fixes).toEqual([{ cell: 'apply.carryForward.natural', value: 290, current: 209 }]);
    expect(out.findings.find((f) => f.target)?.target).toBe('apply.carryForward.natural');
  });

  it('turns a single 表三 typo into one finding on that cell with its value', () => {
    const out = errors(edited({ 'apply.carryForward.natural': 209 }));
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ target: 'apply.carryForward.natural', expected: 290, actual: 209 });
    expect(out[0]!.cells[0]).toBe('apply.carryForward.natural');
    expect(out[0]!.message).toContain('最可能是 表三·四、结转下年度继续办理·自然人 输错：应为 290，当前 209');
  });

  it('gives each cell of a located pair its own value', () => {
    const out = errors(edited({ 'apply.unable.notHeld.natural': 448, 'apply.ignored.complaint.commercial': 7 }));
    const fixes = out.filter((f) => f.target).map((f) => [f.target, f.expected]);
    expect(fixes).toEqual(
      expect.arrayContaining([
        ['apply.unable.notHeld.natural', 484],
        ['apply.ignored.complaint.commercial', 1],
      ]),
    );
    expect(out).toHaveLength(2);
  });

  it('a unique typo is one sentence: the cell once, its value now and the one to type, the two sides and the difference', () => {
    const was = shanghai2025().values['apply.new.natural'] as number;
    const out = errors(edited({ 'apply.new.natural': was + 100 }));
    const f = out.find((x) => x.target === 'apply.new.natural')!;
    expect(f.expected).toBe(was);
    const label = '表三·一、本年新收政府信息公开申请数量·自然人';
    expect(f.message.split(label).length - 1).toBe(1);
    expect(f.message).toMatch(new RegExp(`^最可能是 ${label} 输错：应为 ${was}，当前 ${was + 100}.*（表三 .+：.+ = \\d+，.+ = \\d+，相差 100`));
  });

  it('lists tied 表四 candidates in words and offers no value', () => {
    const out = errors(edited({ 'appeal.suitDirect.pending': 8 }));
    expect(out).toHaveLength(1);
    expect(out[0]!.target).toBeUndefined();
    expect(out[0]!.expected).toBeUndefined();
    expect(out[0]!.message).toContain('无法确定是哪一格输错');
    // One short line: the sides and difference, then the cells named compactly, the words they share once.
    expect(out[0]!.message).toMatch(/^表四 行政诉讼·未经复议直接起诉：总计 = \d+，.+ = \d+，相差 \d+。无法确定是哪一格输错，可能是以下 \d 格之一：表四·行政诉讼·未经复议直接起诉的[^·]+$/);
    expect(out[0]!.message).not.toMatch(/应为/);
  });

  it('names the unbalanced column, with no value, when totals were computed from a mistyped leaf', () => {
    const out = errors(
      edited({ 'apply.granted.natural': 210, 'apply.granted.total': 215, 'apply.total.natural': 1148, 'apply.total.total': 1200 }),
    );
    const bal = out.find((f) => (f.rules ?? [f.rule]).includes('T3-BAL'));
    expect(bal?.message).toContain('相差 9');
    expect(out.every((f) => f.expected === undefined)).toBe(true);
  });
});

describe('recently edited cells', () => {
  it('ranks the cell just typed in first among tied candidates', () => {
    const typed = edited({ 'appeal.suitDirect.pending': 8 });
    const firstListed = (recentlyEdited: string[]) =>
      checkInput(typed, { recentlyEdited }).findings.find((f) => f.severity === 'error')!.message.match(/可能是以下 \d+ 格之一：表四·行政诉讼·未经复议直接起诉的([^、]+)/)?.[1];
    const recent = recentEdits(shanghai2025().values, typed.values, []);
    expect(recent).toEqual(['appeal.suitDirect.pending']);
    expect(firstListed(recent)).toBe('尚未审结');
    // Without knowing what was typed, the same tie is listed in another order.
    expect(firstListed([])).not.toBe('尚未审结');
  });

  it('keeps the list when a change touches 20 cells or more (a paste is not a typing slip)', () => {
    const before = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`c${i}`, i]));
    const pasted = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`c${i}`, i + 1]));
    expect(recentEdits(before, pasted, ['x'])).toEqual(['x']);
    expect(recentEdits(before, { ...before, c3: 9 }, ['x', 'c3'])).toEqual(['c3', 'x']);
  });
});
