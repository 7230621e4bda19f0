import { describe, expect, it } from 'vitest';
import { auditBatch } from '@/lib/batch/audit';
import { problemHead, problemRows, resultHead, resultRows, toCsv } from '@/lib/batch/table';
import { setLocale } from '@/lib/i18n';
import { bodyReport, reportOf } from './reports';

describe('the exported tables', () => {
  const wrong = bodyReport('示例县教育局');
  wrong.values['apply.total.total'] = (wrong.values['apply.total.total'] as number) + 7;
  const rows = auditBatch([{ name: '教育局.html', reports: [reportOf(wrong, '示例县教育局')] }, { name: '坏, "文件".pdf', error: '不是有效的 PDF 文件' }]);

  it('the results table has one row per report in Chinese, the problems one row per problem with the suggested value', () => {
    expect(resultHead()[4]).toBe('状态');
    expect(resultRows(rows).map((r) => r[4])).toEqual(['红：有强制性问题', '灰：无法读取']);
    const fix = problemRows(rows).find((r) => r[6] !== null);
    expect(fix?.slice(0, 4)).toEqual(['教育局.html', '示例县教育局', 2023, '强制性']);
    expect(problemHead()).toContain('建议值');
  });

  it('CSV starts with a BOM for Excel and quotes commas and quotes', () => {
    const csv = toCsv(resultHead(), resultRows(rows));
    expect(csv.startsWith('\uFEFF文件,单位,年度')).toBe(true);
    expect(csv).toContain('"坏, ""文件"".pdf",,,未识别');
  });

  it('in English, the headings, states, kinds and reasons are English (the form\'s cell titles stay as quoted)', () => {
    setLocale('en');
    try {
      const en = auditBatch([{ name: 'a.html', reports: [reportOf(wrong, '示例县教育局')] }, { name: 'b.pdf', error: 'not a PDF' }]);
      expect(resultHead()).toEqual(['File', 'Body', 'Year', 'Form', 'State', 'Reason', 'Mandatory problems', 'Problems to verify', 'Hints', "Last year's report"]);
      const results = resultRows(en);
      expect(results.map((r) => r[4])).toEqual(['Red: mandatory problems', 'Grey: could not be read']);
      expect(String(results[0]![5])).toMatch(/^\d+ mandatory problem/);
      expect(results[1]![3]).toBe('Not recognised');
      expect(new Set(problemRows(en).map((r) => r[3]))).toEqual(new Set(['Mandatory', 'Note']));
      expect(problemHead()).toContain('Suggested value');
    } finally {
      setLocale('zh');
    }
  });
});
