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

  it('says no to a page whose tables are not a report', () => {
    const doc = parseHtmlDocument('<table><tr><th>栏目</th><th>日期</th></tr><tr><td>通知公告</td><td>2024-01-02</td></tr></table><p>政府信息公开 本年度工作</p>');
    expect(holdsTableMatching(doc, PREFILTER)).toBe(false);
  });
});
