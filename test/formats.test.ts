import { describe, expect, it } from 'vitest';
import { FORMATS, cellLabel, normalizeLabel } from '@/lib/formats';

describe('format catalogue', () => {
  it('has the gov2021 cells of the spec', () => {
    const ids = new Set(FORMATS.gov2021.cells.map((c) => c.id));
    expect(ids.has('active.fee.amount')).toBe(true);
    expect(ids.has('apply.other.overdueSupplement.natural')).toBe(true);
    expect(ids.has('apply.carryForward.total')).toBe(true);
    expect(ids.has('appeal.suitAfterReview.pending')).toBe(true);
    // 2 doc rows × 3 + 3 decisions + 1 fee; 25 rows × 7; 3 × 5
    expect(ids.size).toBe(10 + 25 * 7 + 15);
  });
  it('gov2019 has a single （六） row and signed deltas', () => {
    const cells = FORMATS.gov2019.cells;
    expect(cells.find((c) => c.id === 'apply.other.total')).toBeTruthy();
    expect(cells.find((c) => c.id === 'active.license.delta')?.kind).toBe('signed');
    expect(cells.find((c) => c.id === 'active.procurement.amount')?.kind).toBe('amount');
  });
  it('gov2014 ids are whole row ids', () => {
    expect(FORMATS.gov2014.cells.find((c) => c.id === 'c.fees')?.kind).toBe('amount');
    expect(FORMATS.gov2014.cells.some((c) => c.id.endsWith('.cumulative'))).toBe(false);
  });
  it('names cells in the form’s own words', () => {
    expect(cellLabel('gov2021', 'apply.total.natural')).toBe('表三·（七）总计·自然人');
    expect(cellLabel('gov2021', 'apply.withheld.stateSecret.commercial')).toBe('表三·（三）不予公开·1.属于国家秘密·商业企业');
    expect(cellLabel('gov2021', 'appeal.review.upheld')).toBe('表四·行政复议·结果维持');
  });
  it('normalises labels', () => {
    expect(normalizeLabel('商业 企业')).toBe('商业企业');
    expect(normalizeLabel('（1）危及“三安全一稳定”')).toBe('1.危及三安全一稳定');
    expect(normalizeLabel('１、本機關不掌握')).toBe('1.本机关不掌握');
    expect(normalizeLabel('现行有效件数 (历史累计)')).toBe('现行有效件数（历史累计）');
  });
});
