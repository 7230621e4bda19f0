import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PREFILTER } from '@/lib/formats';
import { holdsTableMatching } from '@/lib/read/dom';
import { parseHtmlDocument } from '@/lib/read/html';
import { HAVE_SHARED, SKIP_REASON, sharedPath } from '../shared-dir.mjs';

/**
 * The content script's pre-filter (the pattern wxt.config.ts builds into it) decides whether the checker loads at
 * all: a report it says no to is never checked. Every real report and every report page the tests serve passes it.
 */
const files = (dir: string, ext: RegExp): string[] =>
  readdirSync(dir, { recursive: true }).map(String).filter((f) => ext.test(f)).map((f) => join(dir, f));

// The e2e editor pages all load the same report (test/e2e/report.mjs; blank-cells.html beside it is its contact table).
const REPO_PAGES = [...files('test/fixtures', /\.html$/), 'test/e2e/pages/report/gov2021-2023.html'];

describe('the content script pre-filter', () => {
  it.each(REPO_PAGES)('says yes to the report tables of %s', (file) => {
    const doc = parseHtmlDocument(readFileSync(file, 'utf8'));
    expect(doc.getElementsByTagName('table').length).toBeGreaterThan(0);
    expect(holdsTableMatching(doc, PREFILTER)).toBe(true);
  });

  it.skipIf(!HAVE_SHARED)(`says yes to the text of every real report (corpus, seeds) ${HAVE_SHARED ? '' : SKIP_REASON}`, () => {
    const reports = ['corpus', 'seeds'].flatMap((d) => files(sharedPath(d), /\.(txt|md|html?)$/));
    expect(reports.length).toBeGreaterThan(10);
    const missed = reports.filter((f) => !PREFILTER.test(readFileSync(f, 'utf8')));
    expect(missed).toEqual([]);
  });

  it('finds a report table nested in layout tables, and says no when nested tables hold no report', () => {
    const report = readFileSync('test/e2e/pages/report/gov2021-2023.html', 'utf8');
    const layout = (inner: string) => `<table><tr><td>导航</td><td><table><tr><td>栏目</td></tr></table>${inner}</td></tr></table>`;
    expect(holdsTableMatching(parseHtmlDocument(layout(layout(report))), PREFILTER)).toBe(true);
    expect(holdsTableMatching(parseHtmlDocument(layout(layout('<table><tr><td>通知公告</td></tr></table>'))), PREFILTER)).toBe(false);
  });

  it('answers as reading every table on its own would, for random nestings of tables with and without report words', () => {
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    const words = ['通知', '栏目', '日期', '公告', '导航', '首页', '联系', '本年新收', '申請人情況'];
    const table = (depth: number): string => {
      const cells = Array.from({ length: 1 + rand(3) }, () =>
        `<td>${words[rand(words.length)]}${depth < 3 && rand(3) === 0 ? table(depth + 1) : ''}</td>`).join('');
      return `<table><tr>${cells}</tr></table>`;
    };
    let yes = 0;
    for (let i = 0; i < 300; i++) {
      const doc = parseHtmlDocument(`<div>${table(0)}</div><p>${table(rand(3))}</p>`);
      const each = Array.from(doc.getElementsByTagName('table')).some((t) => PREFILTER.test(t.textContent ?? ''));
      expect(holdsTableMatching(doc, PREFILTER)).toBe(each);
      if (each) yes++;
    }
    expect(yes).toBeGreaterThan(30);
    expect(yes).toBeLessThan(270);
  });

  it('says no to a page whose tables are not a report', () => {
    const doc = parseHtmlDocument('<table><tr><th>栏目</th><th>日期</th></tr><tr><td>通知公告</td><td>2024-01-02</td></tr></table><p>政府信息公开 本年度工作</p>');
    expect(holdsTableMatching(doc, PREFILTER)).toBe(false);
  });
});
