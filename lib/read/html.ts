import { parseHTML } from 'linkedom';
import type { Report } from '../report';
import { readDom, textOutsideTables } from './dom';
import { readText } from './text';

/** Parses HTML with the browser's DOMParser when there is one, else linkedom (Node). */
export function parseHtmlDocument(html: string): Document {
  if (typeof DOMParser !== 'undefined') return new DOMParser().parseFromString(html, 'text/html');
  const wrapped = /<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  return parseHTML(wrapped).document as unknown as Document;
}

/**
 * Reads a report from an HTML string (a saved page, an editor's content, mammoth's output).
 * Always returns at least one Report; when no statistics table is found as markup, the page
 * text is read as text (tables rendered as lines), and otherwise the Report says what is missing.
 */
export function readHtml(html: string, source = 'html'): Report[] {
  const doc = parseHtmlDocument(html);
  const found = readDom(doc, source);
  if (found.length) return found;
  const text = textOutsideTables(doc.body ?? doc.documentElement, true);
  const fromText = readText(text, source);
  const r = fromText[0]!;
  if (r.format) return fromText;
  if (doc.getElementsByTagName('table').length)
    r.problems = [{ code: 'no-report-table', message: '页面中的表格不是政府信息公开年度报告的统计表' }];
  else if (!/\S/.test(text)) r.problems = [{ code: 'empty', message: '页面是空的，没有任何文字' }];
  else r.problems = [{ code: 'no-table', message: '页面中没有统计表格（也没有找到以文字形式排列的年报统计表）' }];
  return fromText;
}
