import { describe, expect, it } from 'vitest';
import type { Finding } from '@/lib/report';
import { BLANKING_LIMIT, blankingWarning, diffSummary, diffValues, needsSecondConfirmation, saveQuestion } from '@/lib/store';

describe('what a replace changes', () => {
  it('sorts every cell into changed, blanked (blank or absent in the new data), added and kept', () => {
    const d = diffValues(
      { a: 1, b: 2, c: 3, d: null, e: 5, f: 0 },
      { a: 1, b: 20, c: null, d: 4, g: 7, f: 0 },
    );
    expect(d).toEqual({
      changed: [{ cell: 'b', from: 2, to: 20 }],
      blanked: [{ cell: 'c', from: 3, to: null }, { cell: 'e', from: 5, to: null }],
      added: [{ cell: 'd', from: null, to: 4 }, { cell: 'g', from: null, to: 7 }],
      kept: 2,
    });
    expect(diffSummary(d)).toBe('替换后：1 个单元格的数值改变，2 个已填的单元格将变为空白，2 个单元格新增数值。');
    expect(diffSummary(diffValues({ a: 1 }, { a: 1 }))).toBe('新数据与已保存的数据完全相同。');
  });

  it('asks a second time only when more than a few filled cells would become blank', () => {
    const full = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`c${i}`, i]));
    const partial = Object.fromEntries(Array.from({ length: 23 }, (_, i) => [`c${i}`, i]));
    const big = diffValues(full, partial);
    expect(big.blanked).toHaveLength(177);
    expect(needsSecondConfirmation(big)).toBe(true);
    expect(blankingWarning(big, '「某局」2022 年的数据')).toMatch(/177 个已填的单元格变为空白.*撤销/);
    const few = diffValues({ a: 1, b: 2, c: 3, d: 4 }, { d: 4 });
    expect(few.blanked).toHaveLength(BLANKING_LIMIT);
    expect(needsSecondConfirmation(few)).toBe(false);
  });
});

describe('saving with 强制性 problems asks first', () => {
  const f = (severity: Finding['severity'], message: string): Finding => ({ rule: 'R', severity, cells: ['x'], message });
  it('lists the problems in plain words and says what carrying them into next year means', () => {
    const q = saveQuestion([f('error', '结转下年度·总计 应为 3，现为 8'), f('warning', '核实一下'), f('error', '结转下年度·总计 应为 3，现为 8')], { body: '某局', year: 2022 });
    expect(q.ask).toBe(true);
    expect(q.title).toBe('本表还有 2 个强制性问题，确定按现在的数字保存「某局」2022 年数据？');
    expect(q.problems).toEqual(['结转下年度·总计 应为 3，现为 8']);
    expect(q.consequence).toMatch(/2023 年年报时，「上年结转」会从这里预填.*带进 2023 年/);
  });
  it('does not ask when nothing is 强制性', () => {
    expect(saveQuestion([f('warning', 'w'), f('info', 'i')], { body: '某局', year: 2022 }).ask).toBe(false);
  });
});
