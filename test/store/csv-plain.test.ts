import { describe, expect, it } from 'vitest';
import { FORMATS, FORMAT_IDS } from '@/lib/formats';
import { splitCsv, toCsv, type SavedReport } from '@/lib/store';
import { describeProblems, plainTextProblems } from '../helpers/plain-chinese.mjs';

/** One saved report per format with every cell of its catalogue (and, for the local table, items and sub-items). */
function everyCell(format: (typeof FORMAT_IDS)[number]): SavedReport {
  const ids = format === 'local' ? ['local.1', 'local.1.1', 'local.2'] : FORMATS[format].cells.flatMap((c) => (format === 'gov2014' ? [c.id, `${c.id}.cumulative`] : [c.id]));
  return { version: 2, site: '', body: '某区人民政府办公室', year: 2022, format, values: Object.fromEntries(ids.map((id, i) => [id, i])), source: 'page', savedAt: '2023-01-20T08:00:00.000Z' };
}

describe('the CSV export speaks plain Chinese', () => {
  for (const format of FORMAT_IDS)
    it(`${FORMATS[format].name}: the header row and every label (表格式样, 表, 项目, 来源, 保存时间) hold no Latin word and no cell id`, () => {
      const rows = splitCsv(toCsv([everyCell(format)]))!;
      // columns 单位名称 and 网站 are the clerk's own data, 数值 numbers: the rest is what the extension writes
      const written = [rows[0]!, ...rows.slice(1).map((r) => [r[2]!, r[3]!, r[4]!, r[5]!, r[7]!, r[8]!])];
      const problems = written.flatMap((r, n) => r.flatMap((cell) => plainTextProblems(cell, `第 ${n + 1} 行`)));
      expect(describeProblems(problems)).toBe('');
      expect(rows.length).toBeGreaterThan(format === 'local' ? 3 : 60);
    });

  it('would catch an id or an English word (the check can fail)', () => {
    expect(plainTextProblems('active.coercion.decisions').length).toBeGreaterThan(0);
    expect(plainTextProblems('gov2021').length).toBeGreaterThan(0);
    expect(plainTextProblems('2026-12-06T21:18:07.191Z').length).toBeGreaterThan(0);
  });
});
