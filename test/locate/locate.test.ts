import { describe, expect, it } from 'vitest';
import { fixesOf, locate } from '@/lib/locate';
import { checkReport } from '@/lib/rules';
import { APPEAL_CELLS, APPLY_CELLS, APPLY_LEAVES, consistentReport, propagated, seeded, withTypo } from './generate';
import { edited, shanghai2025 } from './shanghai2025';
import { HEAVY } from '../helpers/heavy';

/** Outcomes of localisation on a real gov2021 report (上海市人民政府办公厅 2025) with errors typed in. */
describe('locate on gov2021', () => {
  it('says nothing about a consistent report', () => {
    expect(checkReport(shanghai2025()).filter((f) => f.severity === 'error')).toEqual([]);
    expect(locate(shanghai2025())).toEqual({ kind: 'none' });
  });

  it('points at a single mistyped cell of 表三 and gives its value', () => {
    // 290 typed as 209: breaks the 自然人 identity and the 结转下年度 row sum.
    const loc = locate(edited({ 'apply.carryForward.natural': 209 }));
    expect(loc).toMatchObject({ kind: 'unique', cell: 'apply.carryForward.natural', value: 290, current: 209 });
    if (loc.kind !== 'unique') return;
    expect(loc.fixes).toEqual([{ cell: 'apply.carryForward.natural', value: 290, current: 209 }]);
    expect(loc.message).toContain('最可能是 表三·四、结转下年度继续办理·自然人 输错：应为 290，当前 209');
    expect(loc.message).toContain('相邻两位数字输颠倒');
  });

  it('locates a wrong total as well as a wrong leaf', () => {
    // （七）总计·总计 sits in three rules: its column sum, its row sum and the identity.
    expect(locate(edited({ 'apply.total.total': 1119 }))).toMatchObject({ kind: 'unique', cell: 'apply.total.total', value: 1191 });
    // A value that is no typing slip is still the only cell explaining both failing rules.
    expect(locate(edited({ 'apply.granted.commercial': 31 }))).toMatchObject({ kind: 'unique', cell: 'apply.granted.commercial', value: 5 });
  });

  it('finds the exact pair when two cells of 表三 are mistyped', () => {
    const loc = locate(edited({ 'apply.unable.notHeld.natural': 448, 'apply.ignored.complaint.commercial': 7 }));
    expect(loc.kind).toBe('unique');
    expect(fixesOf(loc)).toEqual(
      expect.arrayContaining([
        { cell: 'apply.unable.notHeld.natural', value: 484, current: 448 },
        { cell: 'apply.ignored.complaint.commercial', value: 1, current: 7 },
      ]),
    );
    expect(fixesOf(loc)).toHaveLength(2);
  });

  it('singles out a 表四 cell only when the typing pattern does', () => {
    // 40 typed as 4: only 结果维持 4→40 is a slip; 总计 55→19 or 其他结果 10→46 are not.
    const loc = locate(edited({ 'appeal.review.upheld': 4 }));
    expect(loc).toMatchObject({ kind: 'unique', cell: 'appeal.review.upheld', value: 40, current: 4 });
  });

  it('lists the tied 表四 candidates instead of guessing', () => {
    // 尚未审结 6 typed as 8: 维持 2→0, 其他 4→2, 尚未审结 8→6 and 总计 12→14 are all one-digit slips.
    const loc = locate(edited({ 'appeal.suitDirect.pending': 8 }));
    expect(loc.kind).toBe('ranked');
    if (loc.kind !== 'ranked') return;
    const listed = loc.candidates.map((c) => `${c.cell}=${c.value}`);
    expect(listed.sort()).toEqual(
      ['appeal.suitDirect.other=2', 'appeal.suitDirect.pending=6', 'appeal.suitDirect.total=14', 'appeal.suitDirect.upheld=0'].sort(),
    );
    expect(loc.message).toContain('无法确定是哪一格输错');
    expect(fixesOf(loc)).toEqual([]);
  });

  it('ranks the most recently edited cell first, then agreement with last year', () => {
    const input = edited({ 'appeal.suitDirect.pending': 8 });
    const recent = locate(input, { recentlyEdited: ['appeal.suitDirect.pending', 'apply.new.natural'] });
    expect(recent.kind === 'ranked' && recent.candidates[0]!.cell).toBe('appeal.suitDirect.pending');
    const prior = locate(input, { prior: { values: { 'appeal.suitDirect.other': 2 } } });
    expect(prior.kind === 'ranked' && prior.candidates[0]!.cell).toBe('appeal.suitDirect.other');
    const narrative = locate(input, { narrativeHints: { 'appeal.suitDirect.total': 14 } });
    expect(narrative.kind === 'ranked' && narrative.candidates[0]!.cell).toBe('appeal.suitDirect.total');
  });

  it('describes the unbalanced column, with no single-cell fix, when totals were computed from a mistyped leaf', () => {
    // 予以公开·自然人 201 typed as 210, then its row total, column total and grand total added up by hand.
    const loc = locate(
      edited({ 'apply.granted.natural': 210, 'apply.granted.total': 215, 'apply.total.natural': 1148, 'apply.total.total': 1200 }),
    );
    expect(loc).toMatchObject({ kind: 'identity', rule: 'T3-BAL', scope: '表三 自然人列' });
    if (loc.kind !== 'identity') return;
    expect(loc.cells).toEqual(['apply.new.natural', 'apply.carried.natural', 'apply.total.natural', 'apply.carryForward.natural']);
    expect(loc.message).toContain('相差 9');
    expect(loc.message).toContain('表三 总计列');
    expect(fixesOf(loc)).toEqual([]);
  });

  it('never takes a blank cell for a typo, and does not assess rules with blanks', () => {
    expect(locate(edited({ 'apply.granted.natural': null }))).toEqual({ kind: 'none' });
    // With 予以公开·自然人 blank, the 自然人 column is not assessable; the row sum still locates 484→448.
    const loc = locate(edited({ 'apply.granted.natural': null, 'apply.unable.notHeld.natural': 448 }));
    expect(loc).toMatchObject({ kind: 'unique', cell: 'apply.unable.notHeld.natural', value: 484 });
  });

  it('reports independent parts of the form separately', () => {
    const loc = locate(edited({ 'apply.carryForward.natural': 209, 'appeal.suitDirect.pending': 8 }));
    expect(loc.kind).toBe('several');
    if (loc.kind !== 'several') return;
    expect(loc.parts.map((p) => p.kind)).toEqual(['unique', 'ranked']);
    expect(fixesOf(loc)).toEqual([{ cell: 'apply.carryForward.natural', value: 290, current: 209 }]);
    expect(loc.message).toContain('有 2 处互不相关的问题');
  });

  it('uses the collapsed （六）其他处理 row of gov2019', () => {
    const v = { ...shanghai2025().values };
    for (const c of ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'otherOrg', 'total']) {
      v[`apply.other.${c}`] = ['overdueSupplement', 'overdueFee', 'misc'].reduce((s, r) => s + (v[`apply.other.${r}.${c}`] as number), 0);
      for (const r of ['overdueSupplement', 'overdueFee', 'misc']) delete v[`apply.other.${r}.${c}`];
    }
    expect(v['apply.other.natural']).toBe(304);
    expect(locate({ format: 'gov2019', year: 2020, values: v })).toEqual({ kind: 'none' });
    const loc = locate({ format: 'gov2019', year: 2020, values: { ...v, 'apply.other.natural': 340 } });
    expect(loc).toMatchObject({ kind: 'unique', cell: 'apply.other.natural', value: 304, current: 340 });
  });
});

describe('locate on generated reports (seeded)', HEAVY, () => {
  const r = seeded(4242);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

  it('locates every single typo of 表三, says nothing on consistent reports, never fixes a propagated error', () => {
    for (let i = 0; i < 300; i++) {
      const base = consistentReport(r);
      expect(locate(base)).toEqual({ kind: 'none' });
      const cell = pick(APPLY_CELLS);
      const loc = locate(withTypo(r, base, cell).input);
      expect(loc).toMatchObject({ kind: 'unique', cell, value: base.values[cell] });
      const prop = locate(propagated(r, base, pick(APPLY_LEAVES)));
      expect(prop.kind).toBe('identity');
    }
  });

  it('in 表四 either singles out the true cell or lists it', () => {
    for (let i = 0; i < 300; i++) {
      const base = consistentReport(r);
      const cell = pick(APPEAL_CELLS);
      const loc = locate(withTypo(r, base, cell).input);
      if (loc.kind === 'unique') expect(loc.fixes).toEqual([expect.objectContaining({ cell, value: base.values[cell] })]);
      else {
        expect(loc.kind).toBe('ranked');
        if (loc.kind === 'ranked') expect(loc.candidates).toContainEqual(expect.objectContaining({ cell, value: base.values[cell] }));
      }
    }
  });
});
