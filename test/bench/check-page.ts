/** The report of the e2e pages (test/e2e/pages/report) as the live page reads it, in Node. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { readDom } from '@/lib/read/dom';
import type { Report } from '@/lib/report';

export const PAGE_HTML = resolve(import.meta.dirname, '../e2e/pages/report/gov2021-2023.html');
export const TITLE = '<h1>滨江区人民政府办公室2023年政府信息公开工作年度报告</h1>';

export function pageReport(): Report {
  const { document } = parseHTML(`<!doctype html><html><body>${TITLE}${readFileSync(PAGE_HTML, 'utf8')}</body></html>`);
  const rep = readDom(document as unknown as Document, 'page')[0];
  if (!rep?.format) throw new Error('the e2e report was not read');
  return rep;
}
