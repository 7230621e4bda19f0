import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditBatch } from '@/lib/batch/audit';
import { coverage, parseBodies } from '@/lib/batch/coverage';
import { summarise } from '@/lib/batch/summary';
import { readFile } from '@/lib/read/file';
import type { BatchInput } from '@/lib/batch/types';
import { bodyReport, priorFor, reportOf } from './reports';

const one = (body: string, input = bodyReport(body)): BatchInput => ({ name: `${body}.html`, reports: [reportOf(input, body)] });
const wrong = (body: string): BatchInput => {
  const input = bodyReport(body);
  input.values['apply.total.total'] = (input.values['apply.total.total'] as number) + 7;
  return one(body, input);
};

describe('a batch of reports, one row each', () => {
  it('a consistent report is green, one with a wrong total red with its count, an unreadable file grey with its reason', () => {
    const rows = auditBatch([one('示例县财政局'), wrong('示例县教育局'), { name: '坏文件.pdf', error: '不是有效的 PDF 文件' }]);
    expect(rows.map((r) => [r.id, r.state])).toEqual([
      ['示例县财政局.html', 'green'],
      ['示例县教育局.html', 'red'],
      ['坏文件.pdf', 'grey'],
    ]);
    expect(rows[1]!.counts.error).toBeGreaterThan(0);
    expect(rows[1]!.reason).toMatch(/^强制性问题 \d+ 个/);
    expect(rows[2]!.reason).toBe('不是有效的 PDF 文件');
  });

  it('a wrong cell comes with the form’s words and the value it should hold', () => {
    const [row] = auditBatch([wrong('示例县教育局')]);
    const fix = row!.problems.find((p) => p.target === 'apply.total.total');
    expect(fix?.where).toContain('总计');
    expect(fix?.expected).toBe((bodyReport('示例县教育局').values['apply.total.total'] as number));
    expect(row!.suggestion?.fixes[0]?.cell).toBe('apply.total.total');
  });

  it('body, year and format come from the report', () => {
    const [row] = auditBatch([one('示例县财政局')]);
    expect(row).toMatchObject({ body: '示例县财政局', year: 2023, format: 'gov2021' });
    expect(row!.formatName).toContain('2021年版');
  });

  it('a file with no statistics table is grey with the reader’s reason and the batch goes on', async () => {
    const reports = await readFile(new TextEncoder().encode('<p>本单位今年没有统计表</p>'), '空报告.html');
    const rows = auditBatch([{ name: '空报告.html', reports }, one('示例县财政局')]);
    expect(rows[0]!.state).toBe('grey');
    expect(rows[0]!.reason).toMatch(/没有找到/);
    expect(rows[1]!.state).toBe('green');
  });

  it('a report read from real markup (the reader’s sample .html) is checked as the command line does', async () => {
    const bytes = readFileSync(resolve(__dirname, '../fixtures/read/report-2023.html'));
    const [row] = auditBatch([{ name: 'report-2023.html', reports: await readFile(new Uint8Array(bytes), 'report-2023.html') }]);
    expect(row).toMatchObject({ body: '示例县人民政府办公室', year: 2023, format: 'gov2021' });
    expect(row!.state).not.toBe('grey');
  });
});

describe('cross-year: last year’s report of the same body among the inputs', () => {
  it('is used for the cross-year rules, matched by a tolerant name', () => {
    const now = bodyReport('滨江区人民政府办公室');
    const before = priorFor(now);
    const rows = auditBatch([one('滨江区人民政府办公室', now), { name: 'old.html', reports: [reportOf(before, '滨江区政府', 'old.html')] }]);
    expect(rows[0]!.prior).toBe('old.html');
    expect(rows[0]!.problems.filter((p) => p.rule.startsWith('X-'))).toEqual([]);
  });

  it('a prior that disagrees on 上年结转 gives the cross-year finding', () => {
    const now = bodyReport('滨江区人民政府办公室');
    const before = priorFor(now);
    before.values['apply.carryForward.natural'] = (before.values['apply.carryForward.natural'] as number) + 3;
    const rows = auditBatch([one('滨江区人民政府办公室', now)], { prior: [{ name: 'old.html', reports: [reportOf(before, '滨江区人民政府', 'old.html')] }] });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.problems.some((p) => p.rule === 'X-CARRY')).toBe(true);
  });

  it('last year from an earlier, saved batch comes with its tables for the detail; one among the inputs is a row of its own', () => {
    const now = bodyReport('滨江区人民政府办公室');
    const before = priorFor(now);
    const saved = auditBatch([one('滨江区人民政府办公室', now)], { prior: [{ name: '往年.html', reports: [reportOf(before, '滨江区人民政府', '往年.html')] }] });
    expect(saved[0]!.prior).toBe('往年.html');
    expect(saved[0]!.priorTable).toMatchObject({ id: '往年.html', year: 2022, format: 'gov2021', values: before.values });
    const among = auditBatch([one('滨江区人民政府办公室', now), { name: 'old.html', reports: [reportOf(before, '滨江区政府', 'old.html')] }]);
    expect(among[0]!.priorTable).toBeUndefined();
  });

  it('another body’s last year is not used', () => {
    const now = bodyReport('甲县财政局');
    const rows = auditBatch([one('甲县财政局', now), { name: 'b.html', reports: [reportOf(priorFor(now), '乙县财政局', 'b.html')] }]);
    expect(rows[0]!.prior).toBeUndefined();
  });
});

describe('parent = Σ children (when the supervisor asks)', () => {
  const kids = ['示例县甲镇', '示例县乙镇'].map((b) => bodyReport(b));
  const sum = structuredClone(kids[0]!);
  for (const id in sum.values) if (id.startsWith('apply.')) sum.values[id] = (kids[0]!.values[id] as number) + (kids[1]!.values[id] as number);
  const inputs = (parent = sum) => [one('示例县人民政府', parent), one('示例县甲镇', kids[0]), one('示例县乙镇', kids[1])];
  const parents = [{ parent: '示例县政府', children: ['甲镇', '乙镇'] }];

  it('a parent whose 表三 equals its children’s sums has no difference', () => {
    const rows = auditBatch(inputs(), { parents });
    expect(rows[0]!.children).toEqual(['示例县甲镇.html', '示例县乙镇.html']);
    expect(rows[0]!.problems.filter((p) => p.rule === 'B-PARENT')).toEqual([]);
  });

  it('each difference is 核实性 on the parent’s cell, with both figures', () => {
    const off = structuredClone(sum);
    off.values['apply.granted.natural'] = (off.values['apply.granted.natural'] as number) + 2;
    const rows = auditBatch(inputs(off), { parents });
    const d = rows[0]!.problems.filter((p) => p.rule === 'B-PARENT');
    expect(d.map((p) => [p.severity, p.cells[0]])).toContainEqual(['warning', 'apply.granted.natural']);
    expect(d.find((p) => p.cells[0] === 'apply.granted.natural')!.message).toContain('相差 2');
  });

  it('is off unless asked', () => {
    const off = structuredClone(sum);
    off.values['apply.granted.natural'] = (off.values['apply.granted.natural'] as number) + 2;
    expect(auditBatch(inputs(off))[0]!.problems.some((p) => p.rule === 'B-PARENT')).toBe(false);
  });
});

describe('coverage: who has no report for the year', () => {
  it('reads a list one name per line, or a CSV by its name column', () => {
    expect(parseBodies('示例县财政局\n\n示例县教育局\n示例县财政局\n')).toEqual(['示例县财政局', '示例县教育局']);
    expect(parseBodies('序号,单位名称,联系人\n1,示例县财政局,张三\n2,示例县教育局,李四')).toEqual(['示例县财政局', '示例县教育局']);
  });

  it('lists the bodies with no report, matching names tolerantly, and honours a manual match', () => {
    const rows = auditBatch([one('示例县人民政府办公室'), one('示例县发改委'), one('示例县某某中心'), { name: 'x.pdf', error: '坏' }]);
    const list = ['示例县政府办公室', '示例县发展和改革局', '示例县财政局', '示例县统计局'];
    const c = coverage(list, rows);
    expect(c.year).toBe(2023);
    expect(c.missing).toEqual(['示例县财政局', '示例县统计局']);
    expect(c.unlisted).toEqual(['示例县某某中心.html']);
    const m = coverage(list, rows, { manual: { 示例县统计局: '示例县某某中心.html' } });
    expect(m.missing).toEqual(['示例县财政局']);
    expect(m.covered.find((x) => x.name === '示例县统计局')).toEqual({ name: '示例县统计局', rows: ['示例县某某中心.html'], manual: true });
  });

  it('a report of another year does not cover the body', () => {
    const rows = auditBatch([one('示例县财政局'), one('示例县教育局'), one('示例县统计局', bodyReport('示例县统计局', 2022))]);
    expect(coverage(['示例县统计局'], rows).missing).toEqual(['示例县统计局']);
  });
});

describe('the summary', () => {
  it('counts bodies by state and names the most common problems, most reports first', () => {
    const rows = auditBatch([one('甲局'), wrong('乙局'), wrong('丙局'), { name: 'x.pdf', error: '坏' }]);
    const s = summarise(rows);
    expect(s.total).toBe(4);
    expect(s.byState).toEqual({ red: 2, yellow: 0, grey: 1, green: 1 });
    expect(s.common[0]).toMatchObject({ severity: 'error', reports: 2 });
    expect(s.common[0]!.title).toMatch(/表三/);
  });
});
