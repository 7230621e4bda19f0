import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHtml, readText } from '@/lib/read';
import { htmlText } from '@/lib/read/html';

/**
 * A document with two years' tables (issue 14, item 2) is never read as one report: the 差异
 * column would give negative "counts" and the years' figures would be mixed.
 */

const REPORT = readFileSync(resolve(__dirname, '../fixtures/read/report-2023.html'), 'utf8');

/** 表三 of 2023 and 2024 side by side (总计 column of each year) with a 差异 column, as comparison documents print it. */
const SIDE_BY_SIDE = `<p>示例县人民政府办公室2023年与2024年政府信息公开工作年度报告数据对比</p>
<table border="1"><tr><td>项目</td><td>2023年</td><td>2024年</td><td>差异</td></tr>
<tr><td>一、本年新收政府信息公开申请数量</td><td>11</td><td>8</td><td>-3</td></tr>
<tr><td>二、上年结转政府信息公开申请数量</td><td>1</td><td>2</td><td>1</td></tr>
<tr><td>（一）予以公开</td><td>4</td><td>3</td><td>-1</td></tr>
<tr><td>（二）部分公开（区分处理的，只计这一情形，不计其他情形）</td><td>1</td><td>0</td><td>-1</td></tr>
<tr><td>（七）总计</td><td>10</td><td>9</td><td>-1</td></tr>
<tr><td>四、结转下年度继续办理</td><td>2</td><td>1</td><td>-1</td></tr></table>`;

/** The 2023 report followed by the same tables for 2024, as one text (a PDF of both, or a merged copy). */
const ONE_AFTER_THE_OTHER = `${htmlText(REPORT)}\n${htmlText(REPORT.replace(/2023年/g, '2024年'))}`;

describe('a document with two years is never merged into one report', () => {
  it('2023 and 2024 side by side with a 差异 column (HTML): refused in plain Chinese, no cell read', () => {
    const reports = readHtml(SIDE_BY_SIDE, 'compare.html');
    expect(reports).toHaveLength(1);
    expect(reports[0]!.cells).toEqual({});
    expect(reports[0]!.format).toBeNull();
    expect(reports[0]!.problems).toEqual([
      {
        code: 'several-years',
        message: '这是2023年与2024年的对比表（含“差异”栏），不是一份年度报告，为免把不同年度的数字混在一起，没有读取。请分别读取每一年度的报告。',
      },
    ]);
  });

  it('the same as text (a PDF or a copy of the page): refused the same way', () => {
    const [r] = readText(htmlText(SIDE_BY_SIDE), 'compare.pdf');
    expect(r!.cells).toEqual({});
    expect(r!.problems.map((p) => p.code)).toEqual(['several-years']);
  });

  it('one report after the other in one text: refused, never one report of mixed years', () => {
    const [r] = readText(ONE_AFTER_THE_OTHER, 'two-years.pdf');
    expect(r!.cells).toEqual({});
    expect(r!.problems).toEqual([
      {
        code: 'several-years',
        message: '文件中有不止一份统计表（可能是两个年度的对比或几份报告合订），为免把不同年度的数字混在一起，没有读取。请分别读取每一年度的报告。',
      },
    ]);
  });

  it('one report alone still reads, with its title year and no such problem', () => {
    const [r] = readText(htmlText(REPORT), 'one.pdf');
    expect(r!.year).toBe(2023);
    expect(Object.keys(r!.cells).length).toBeGreaterThan(150);
    expect(r!.problems.map((p) => p.code)).not.toContain('several-years');
  });
});
