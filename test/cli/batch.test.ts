import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '@/lib/cli/args';
import { parseParent } from '@/lib/cli/batch';
import { resultRows } from '@/lib/batch/table';
import type { BatchRow } from '@/lib/batch/types';

const root = resolve(__dirname, '../..');
const tsx = resolve(root, 'node_modules/.bin/tsx');
const fixtures = resolve(root, 'test/fixtures/read');

function check(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((done) => {
    execFile(tsx, ['entrypoints/cli.ts', ...args], { cwd: root, timeout: 170_000 }, (e, out, err) =>
      done({ code: e ? ((e as { code?: number }).code ?? 99) : 0, out, err }),
    );
  });
}

describe('check --batch: arguments', () => {
  it('takes folders or files with --prior, --bodies, --xlsx, --csv and --parent', () => {
    expect(parseArgs(['--batch', 'a', 'b.pdf', '--prior', 'old', '--bodies=list.txt', '--xlsx', 'o.xlsx', '--parent', '县政府=甲镇,乙镇'])).toMatchObject({
      batch: true,
      inputs: ['a', 'b.pdf'],
      prior: 'old',
      bodies: 'list.txt',
      xlsx: 'o.xlsx',
      parents: ['县政府=甲镇,乙镇'],
    });
  });
  it('batch-only options without --batch are refused in Chinese', () => expect(parseArgs(['a.html', '--xlsx', 'o.xlsx'])).toEqual({ error: expect.stringContaining('--batch') }));
  it('a parent is 「本级=所属1,所属2」 (Chinese separators too)', () => {
    expect(parseParent('示例县政府＝甲镇、乙镇')).toEqual({ parent: '示例县政府', children: ['甲镇', '乙镇'] });
    expect(parseParent('示例县政府')).toBeNull();
  });
});

describe('check --batch: a folder of reports', { timeout: 180_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'nb-batch-'));
  const html = readFileSync(join(fixtures, 'report-2023.html'), 'utf8');
  writeFileSync(join(dir, 'a-good.html'), html);
  // 本年新收·自然人 8 → 18: the 表三 balance breaks
  writeFileSync(join(dir, 'b-wrong.html'), html.replace('示例县人民政府办公室2023年', '示例县财政局2023年').replace(/(一、本年新收[\s\S]*?<td[^>]*>(?:<[^>]+>)*)8(<)/, '$118$2'));
  copyFileSync(join(fixtures, 'report-2023.docx'), join(dir, 'c-word.docx'));
  writeFileSync(join(dir, 'd-broken.pdf'), 'not a pdf');
  writeFileSync(join(dir, 'e-empty.html'), '<p>没有表格</p>');
  const list = join(dir, '..', `${dir.split(/[\\/]/).pop()}-bodies.txt`);
  writeFileSync(list, '示例县政府办公室\n示例县财政局\n示例县统计局\n');
  const xlsx = join(dir, '..', `${dir.split(/[\\/]/).pop()}.xlsx`);

  it('one row per report with its state, unreadable files apart with their reason, coverage, and the same rows in the .xlsx', async () => {
    const r = await check('--batch', dir, '--bodies', list, '--json', '--xlsx', xlsx);
    expect(r.code).toBe(2);
    const { rows, summary, coverage } = JSON.parse(r.out) as { rows: BatchRow[]; summary: { byState: Record<string, number> }; coverage: { missing: string[] } };
    expect(rows.map((x) => [x.id, x.state])).toEqual([
      ['a-good.html', 'green'],
      ['b-wrong.html', 'red'],
      ['c-word.docx', 'green'],
      ['d-broken.pdf', 'grey'],
      ['e-empty.html', 'grey'],
    ]);
    expect(rows[1]!.body).toBe('示例县财政局');
    expect(rows[1]!.problems.some((p) => p.severity === 'error' && p.where.startsWith('表三'))).toBe(true);
    expect(rows[3]!.reason).toBe('不是有效的 PDF 文件');
    expect(rows[4]!.reason).toMatch(/没有找到/);
    expect(summary.byState).toEqual({ red: 1, yellow: 0, grey: 2, green: 2 });
    expect(coverage.missing).toEqual(['示例县统计局']);
    const [results, problems] = await readXlsxFile(readFileSync(xlsx));
    expect(results!.sheet).toBe('审核结果');
    expect(results!.data.slice(1)).toEqual(resultRows(rows));
    expect(problems!.data.length - 1).toBe(rows.reduce((n, x) => n + x.problems.length, 0));
  });
});
