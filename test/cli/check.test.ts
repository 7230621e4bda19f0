import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
const shared = resolve(root, '..', 'shared');
const tsx = resolve(root, 'node_modules/.bin/tsx');

function check(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((done) => {
    execFile(tsx, ['entrypoints/cli.ts', ...args], { cwd: root, timeout: 60_000 }, (e, out, err) =>
      done({ code: e ? ((e as { code?: number }).code ?? 99) : 0, out, err }),
    );
  });
}

const tmp = mkdtempSync(join(tmpdir(), 'nb-cli-'));
const report2024 = (carriedTotal: number, newTotal = 5) =>
  `2024年示例县人民政府办公室政府信息公开工作年度报告
信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数
规章 | 0 | 0 | 5
行政规范性文件 | 1 | 0 | 21
（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况
一、本年新收政府信息公开申请数量 | ${newTotal} | 0 | 0 | 0 | 0 | 0 | ${newTotal}
二、上年结转政府信息公开申请数量 | ${carriedTotal} | 0 | 0 | 0 | 0 | 0 | ${carriedTotal}
`;

describe('check command line', { timeout: 60_000 }, () => {
  it('--json: exactly the documented shape, exit 0 for a consistent table', async () => {
    const r = await check('--json', resolve(shared, 'seeds/001_564ee96d51f4a710.txt'));
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(Object.keys(json)).toEqual(['reports']);
    const [rep] = json.reports;
    expect(Object.keys(rep)).toEqual(['source', 'year', 'format', 'values', 'findings', 'suggestion']);
    expect(rep.suggestion).toBeNull();
    expect([rep.source, rep.year, rep.format]).toEqual(['001_564ee96d51f4a710.txt', 2016, 'gov2014']);
    expect(rep.values['c.channels.website']).toBe(927);
    expect(rep.findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);
  });

  it('--json: a mistyped cell comes with the suggested cell and value, on its finding and as the suggestion', async () => {
    const html = readFileSync(resolve(root, 'test/fixtures/read/report-2023.html'), 'utf8');
    const row = html.match(/<tr><td colspan=3[^\n]*一、本年新收[^\n]*<\/tr>/)![0];
    const file = join(tmp, 'typo.html');
    writeFileSync(file, html.replace(row, row.replace('<span>8</span>', '<span>9</span>')));
    const r = await check('--json', file);
    expect(r.code).toBe(1);
    const [rep] = JSON.parse(r.out).reports;
    expect(rep.suggestion.fixes).toEqual([{ cell: 'apply.new.natural', value: 8, current: 9 }]);
    expect(rep.suggestion.message).toContain('8');
    const onCell = rep.findings.find((f: { target?: string }) => f.target === 'apply.new.natural');
    expect(onCell).toMatchObject({ severity: 'error', expected: 8, actual: 9 });
  });

  it('a cell that is not a number (「约20」) is a 强制性 problem naming its text, never a blank', async () => {
    const html = readFileSync(resolve(root, 'test/fixtures/read/report-2023.html'), 'utf8');
    const row = html.match(/<tr><td colspan=3[^\n]*一、本年新收[^\n]*<\/tr>/)![0];
    const file = join(tmp, 'about.html');
    writeFileSync(file, html.replace(row, row.replace('<span>8</span>', '<span>约20</span>')));
    const r = await check('--json', file);
    const [rep] = JSON.parse(r.out).reports;
    const dom = rep.findings.find((f: { rule: string; cells: string[] }) => f.rule === 'DOM-INT' && f.cells[0] === 'apply.new.natural');
    expect(dom).toMatchObject({ severity: 'error' });
    expect(dom.message).toContain('约20');
  });

  it('exit 1 when a rule fails (P-FORMAT of a gov2019 table in a 2022 report)', async () => {
    const r = await check('--json', resolve(shared, 'corpus/2022-jiaxian-xizhen-1.txt'));
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).reports[0].findings.map((f: { rule: string }) => f.rule)).toContain('P-FORMAT');
  });

  it('exit 2 for an unreadable input, naming it on stderr; other files still processed', async () => {
    const empty = join(tmp, 'empty.html');
    writeFileSync(empty, '');
    const r = await check('--json', empty, join(tmp, 'missing.pdf'), resolve(root, 'test/fixtures/read/report-2023.html'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('empty.html');
    expect(r.err).toContain('文件是空的');
    expect(r.err).toContain('missing.pdf');
    expect(JSON.parse(r.out).reports.map((x: { source: string }) => x.source)).toEqual(['report-2023.html']);
  });

  it('a directory: every readable file in it; readable Chinese summary by default', async () => {
    const r = await check(resolve(root, 'test/fixtures/read'));
    expect(r.out.match(/^== /gm)).toHaveLength(4);
    expect(r.out).toContain('格式：2021年版（国办公开办函〔2021〕30号）　年度：2023　单位：示例县人民政府办公室');
    expect(r.out).toContain('表三 收到和处理政府信息公开申请情况');
    expect(r.out).toContain('检查结果');
  });

  it('--prior: last year\'s 结转下年度 against this year\'s 上年结转 (X-CARRY)', async () => {
    const file = join(tmp, 'r2024.txt');
    writeFileSync(file, report2024(3));
    const prior = resolve(root, 'test/fixtures/read/report-2023.docx');
    const r = await check('--json', '--prior', prior, file);
    const rules = JSON.parse(r.out).reports[0].findings.map((f: { rule: string }) => f.rule);
    expect(rules).toContain('X-CARRY');
    writeFileSync(file, report2024(2));
    const ok = await check('--json', '--prior', prior, file);
    const carry = JSON.parse(ok.out).reports[0].findings.filter((f: { rule: string; cells: string[] }) => f.rule === 'X-CARRY' && f.cells.includes('apply.carried.natural'));
    expect(carry).toEqual([]);
  });

  it('reads its own --json output back (.json)', async () => {
    const first = await check('--json', resolve(shared, 'corpus/2024-longgang-dept-1.txt'));
    const file = join(tmp, 'export.json');
    writeFileSync(file, first.out);
    const again = await check('--json', file);
    expect(JSON.parse(again.out).reports[0].values).toEqual(JSON.parse(first.out).reports[0].values);
  });

  it('usage errors exit 2 with a Chinese message', async () => {
    const r = await check('--bogus');
    expect(r.code).toBe(2);
    expect(r.err).toContain('不认识的选项');
  });
});
