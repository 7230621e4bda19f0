import type { Report } from '../report';
import { buildGrid } from './grid';
import { buildReport, type Source } from './report';
import { gridTokens, type Tok } from './tokens';

/** Words found only in report statistics tables (simplified and traditional). */
const FINGERPRINT = /本年新收|处理决定数量|處理決定數量|现行有效件数|結果維持|结果维持|申请人情况|申請人情況|本年制发件数|本年製發件數|本年新制作|统计指标|統計指標|收到申请数|收到申請數|申请总数|申請總數|行政复议|行政複議/;

function tablesOf(root: Document | Element): Element[] {
  return Array.from(root.getElementsByTagName('table'));
}

/**
 * Cheap pre-filter for the content script: does this root hold a table (or form grid)
 * whose text has one of the report's fingerprint words?
 */
export function mayHoldReport(root: Document | Element): boolean {
  for (const t of tablesOf(root)) if (FINGERPRINT.test(t.textContent ?? '')) return true;
  return false;
}

const BLOCK = /^(?:P|DIV|BR|H[1-6]|LI|TR|SECTION|ARTICLE|BLOCKQUOTE|PRE|UL|OL|TITLE|HEADER|FOOTER)$/;
const SKIP = /^(?:TABLE|SCRIPT|STYLE|NOSCRIPT|TEMPLATE|HEAD)$/;

/** Text outside tables, one line per block element. */
export function textOutsideTables(root: Node, keepTables = false): string {
  const parts: string[] = [];
  const walk = (n: Node) => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) parts.push(c.nodeValue ?? '');
      else if (c.nodeType === 1) {
        const tag = (c as Element).tagName.toUpperCase();
        if (SKIP.test(tag) && !(keepTables && tag === 'TABLE')) {
          if (tag === 'TABLE') parts.push('\n');
          continue;
        }
        const block = BLOCK.test(tag) || tag === 'TD' || tag === 'TH';
        if (tag === 'TD' || tag === 'TH') parts.push(' | ');
        walk(c);
        if (block) parts.push('\n');
      }
    }
  };
  walk(root);
  return parts
    .join('')
    .replace(/[ \t\u00a0]*\n[\s\u00a0]*/g, '\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

/** Up to `limit` characters of text before `el` inside `root` (title and 统计期限 live there). */
function textBefore(root: Node, el: Node, limit: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let n: Node | null = el; n && n !== root && size < limit; n = n.parentNode) {
    for (let p = n.previousSibling; p && size < limit; p = p.previousSibling) {
      const t = p.textContent ?? '';
      parts.push(t);
      size += t.length;
    }
  }
  return parts.reverse().join('\n').slice(-limit);
}

function headingText(root: Document | Element, first: Element): string {
  const doc = (root as Document).documentElement ? (root as Document) : null;
  return `${doc?.title ?? ''}\n${textBefore(doc?.body ?? root, first, 6000)}`;
}

/**
 * Reads the statistics tables under a DOM root (a parsed document or the live page / editor
 * body). Every cell keeps its live element in `loc.el`. Returns [] when no report table is found.
 */
export function readDom(root: Document | Element, source = 'page'): Report[] {
  return readTables(root, source);
}

/** readDom, with the heading text and narrative given by the caller (readHtml parses only the tables). */
export function readTables(root: Document | Element, source: string, outside?: { heading: (table: number) => string; narrative: () => string }): Report[] {
  const tables = tablesOf(root);
  const tokens: Tok[] = [];
  let first: Element | undefined;
  let rowBase = 0;
  tables.forEach((table, i) => {
    if (table.getElementsByTagName('table').length) return; // layout table around the real one
    const grid = buildGrid(table);
    const start = tokens.length;
    gridTokens(grid, i, rowBase, tokens);
    rowBase += grid.length;
    if (!first && tokens.length > start && FINGERPRINT.test(table.textContent ?? '')) first = table;
  });
  if (!first) return [];
  // several reports on one page (this year's and last year's …): a new one starts where cells repeat
  const reports: Report[] = [];
  let from = 0;
  let start: Element = first;
  for (let guard = 0; guard < tables.length; guard++) {
    const src: Source = {
      source: reports.length ? `${source}#${reports.length + 1}` : source,
      tokens: from ? tokens.filter((t) => t.loc.kind === 'table' && t.loc.table >= from) : tokens,
      strict: true,
      headingText: outside ? outside.heading(from) : headingText(root, start),
      narrative: () => (outside ? outside.narrative() : textOutsideTables(root)),
    };
    const report = buildReport(src);
    if (report.format) reports.push(report);
    if (src.restartAt === undefined || src.restartAt <= from) break;
    from = src.restartAt;
    start = tables[from]!;
  }
  return reports;
}
