import { describe, expect, it } from 'vitest';
import { auditBatch } from '@/lib/batch/audit';
import { PROBLEM_HEAD, RESULT_HEAD, problemRows, resultRows, toCsv } from '@/lib/batch/table';
import { bodyReport, reportOf } from './reports';

describe('the exported tables', () => {
  const wrong = bodyReport('示例县教育局');
  wrong.values['apply.total.total'] = (wrong.values['apply.total.total'] as number) + 7;
  const rows = auditBatch([{ name: '教育局.html', reports: [reportOf(wrong, '示例县教育局')] }, { name: '坏, "文件".pdf', error: '不是有效的 PDF 文件' }]);

  it('the results table has one row per report in Chinese, the problems one row per problem with the suggested value', () => {
    expect(RESULT_HEAD[4]).toBe('状态');
    expect(resultRows(rows).map((r) => r[4])).toEqual(['红：有强制性问题', '灰：无法读取']);
    const fix = problemRows(rows).find((r) => r[6] !== null);
    expect(fix?.slice(0, 4)).toEqual(['教育局.html', '示例县教育局', 2023, '强制性']);
    expect(PROBLEM_HEAD).toContain('建议值');
  });

  it('CSV starts with a BOM for Excel and quotes commas and quotes', () => {
    const csv = toCsv(RESULT_HEAD, resultRows(rows));
    expect(csv.startsWith('\uFEFF文件,单位,年度')).toBe(true);
    expect(csv).toContain('"坏, ""文件"".pdf",,,未识别');
  });
});
