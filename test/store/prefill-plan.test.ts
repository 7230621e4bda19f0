import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { APPLY_COL_IDS } from '@/lib/formats/apply-sections';
import { FORMATS } from '@/lib/formats';
import { applyPlan, planPrefill, priorReferences, undoPlan } from '@/lib/store';
import type { Values } from '@/lib/report';
import { HEAVY } from '../helpers/heavy';

const ids = FORMATS.gov2021.cells.map((c) => c.id);

describe('planPrefill', HEAVY, () => {
  it('fills only empty 上年结转 cells from last year\'s 结转下年度, column by column', () => {
    const current: Values = Object.fromEntries(ids.map((id) => [id, null]));
    current['apply.carried.natural'] = 0; // typed 0 is a value, not empty
    const prior: Values = { 'apply.carryForward.natural': 5, 'apply.carryForward.commercial': 2, 'apply.carryForward.total': 7, 'apply.carryForward.legal': null, 'active.regulation.inForce': 12 };
    const plan = planPrefill({ format: 'gov2021', values: current }, { format: 'gov2021', values: prior });
    expect(plan).toEqual([
      { cell: 'apply.carried.commercial', value: 2, from: 'apply.carryForward.commercial' },
      { cell: 'apply.carried.total', value: 7, from: 'apply.carryForward.total' },
    ]);
    expect(priorReferences({ values: current }, { values: prior }, plan)).toEqual([
      { cell: 'active.regulation.inForce', value: 12, from: 'active.regulation.inForce' },
      { cell: 'apply.carried.natural', value: 5, from: 'apply.carryForward.natural' },
      { cell: 'apply.carryForward.natural', value: 5, from: 'apply.carryForward.natural' },
      { cell: 'apply.carryForward.commercial', value: 2, from: 'apply.carryForward.commercial' },
      { cell: 'apply.carryForward.total', value: 7, from: 'apply.carryForward.total' },
    ]);
  });

  it('carries gov2019 (2020) into gov2021 (2021); nothing for gov2014', () => {
    const plan = planPrefill({ format: 'gov2021', values: { 'apply.carried.total': null } }, { format: 'gov2019', values: { 'apply.carryForward.total': 4 } });
    expect(plan).toEqual([{ cell: 'apply.carried.total', value: 4, from: 'apply.carryForward.total' }]);
    expect(planPrefill({ format: 'gov2021', values: { 'apply.carried.total': null } }, { format: 'gov2014', values: { 'c.active.total': 4 } })).toEqual([]);
  });

  it('skips at apply time a cell typed into after planning; undo keeps a value typed after the fill', () => {
    const plan = [{ cell: 'apply.carried.total', value: 4, from: 'apply.carryForward.total' }, { cell: 'apply.carried.natural', value: 3, from: 'apply.carryForward.natural' }];
    const { values, undo } = applyPlan({ 'apply.carried.total': 9, 'apply.carried.natural': null }, plan);
    expect(values).toEqual({ 'apply.carried.total': 9, 'apply.carried.natural': 3 });
    expect(undo).toEqual([{ cell: 'apply.carried.natural', before: null, after: 3 }]);
    expect(undoPlan({ ...values, 'apply.carried.natural': 8 }, undo)).toEqual({ 'apply.carried.total': 9, 'apply.carried.natural': 8 });
  });
});

describe('property: pre-fill never touches a filled cell and undo restores exactly', HEAVY, () => {
  const cell = fc.oneof(fc.constant(null), fc.constant(undefined), fc.nat(500));
  const table = fc.record(Object.fromEntries(ids.map((id) => [id, cell]))).map((r) => {
    const v: Values = {};
    for (const [k, x] of Object.entries(r)) if (x !== undefined) v[k] = x as number | null; // undefined = cell absent from the page
    return v;
  });

  it('holds for random partially filled tables', () => {
    fc.assert(
      fc.property(table, table, (current, prior) => {
        const plan = planPrefill({ format: 'gov2021', values: current }, { format: 'gov2021', values: prior });
        const { values: filled, undo } = applyPlan(current, plan);
        for (const [k, v] of Object.entries(current)) if (v !== null) expect(filled[k]).toBe(v);
        expect(Object.keys(filled).sort()).toEqual(Object.keys(current).sort());
        for (const k of Object.keys(filled)) if (filled[k] !== current[k]) {
          expect(k).toMatch(/^apply\.carried\./);
          expect(filled[k]).toBe(prior[k.replace('carried', 'carryForward')]);
        }
        for (const col of APPLY_COL_IDS) {
          const c = `apply.carried.${col}`;
          const p = prior[`apply.carryForward.${col}`];
          if (current[c] === null && typeof p === 'number') expect(filled[c]).toBe(p);
        }
        expect(undoPlan(filled, undo)).toEqual(current);
      }),
      { numRuns: 500 },
    );
  });
});
