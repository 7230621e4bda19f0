import { parseHTML } from 'linkedom';
import type { Report } from '../report';
import { collapseBreaks } from './breaks';
import { readTables } from './dom';
import { readText } from './text';
import { t as say } from '../i18n';

let linkedom: typeof parseHTML = parseHTML;

/** A Web Worker has no DOMParser: it hands in linkedom's worker build (the extension bundles alias 'linkedom' away). */
export function useLinkedom(parse: typeof parseHTML): void {
  linkedom = parse;
}

/** Parses HTML with the browser's DOMParser when there is one, else linkedom (Node, Web Workers). */
export function parseHtmlDocument(html: string): Document {
  if (typeof DOMParser !== 'undefined') return new DOMParser().parseFromString(html, 'text/html');
  const wrapped = /<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  return linkedom(wrapped).document as unknown as Document;
}

const ENTITIES: Record<string, string> = { nbsp: '\u00a0', lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", ensp: ' ', emsp: ' ', ldquo: '“', rdquo: '”', mdash: '—', middot: '·' };

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const n = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
      return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** Text of an HTML fragment, one line per block, cells separated by ` | `. */
export function htmlText(html: string): string {
  return collapseBreaks(
    decode(
      html
        .replace(/<(script|style|head|noscript|template)\b[\s\S]*?<\/\1\s*>/gi, '')
        .replace(/<!--[\s\S]*?-->/g, '')
        .replace(/<\/t[dh]\s*>/gi, ' | ')
        .replace(/<(br|\/p|\/div|\/tr|\/h[1-6]|\/li|\/table|\/title|\/section|\/article)\b[^>]*>/gi, '\n')
        .replace(/<[^>]*>/g, ''),
    ),
  ).trim();
}

/** The top-level <table> elements of a page, and the page without them. */
function splitTables(html: string): { tables: string[]; outside: string[] } {
  const tables: string[] = [];
  const outside: string[] = [];
  const tag = /<(\/?)table\b[^>]*>/gi;
  let depth = 0;
  let start = 0;
  let last = 0;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    if (!m[1]) {
      if (depth++ === 0) {
        outside.push(html.slice(last, m.index));
        start = m.index;
      }
    } else if (depth > 0 && --depth === 0) {
      tables.push(html.slice(start, tag.lastIndex));
      last = tag.lastIndex;
    }
  }
  outside.push(html.slice(depth > 0 ? start : last));
  if (depth > 0) tables.push(html.slice(start)); // a table cut short: still read what is there
  return { tables, outside };
}

/**
 * Reads a report from an HTML string (a saved page, an editor's content, mammoth's output).
 * Only the tables are parsed as a DOM; title, 统计期限 and narrative come from the text around
 * them. Always returns at least one Report; when no statistics table is found as markup, the
 * page text is read as text (tables rendered as lines), otherwise the Report says what is missing.
 */
export function readHtml(html: string, source = 'html'): Report[] {
  const { tables, outside } = splitTables(html);
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1] ?? '';
  // text before the n-th table: the page title and what precedes the table (its report's title)
  const heading = (n: number) => {
    const before = htmlText(n ? (outside[n] ?? '') : (outside[0] ?? ''));
    return `${n ? '' : decode(title)}\n${before.length > 8000 ? before.slice(0, 2000) + '\n' + before.slice(-6000) : before}`;
  };
  if (tables.length) {
    const doc = parseHtmlDocument(`<!doctype html><html><head></head><body>${tables.join('\n')}</body></html>`);
    const narrative = () => outside.map(htmlText).filter(Boolean).join('\n');
    const found = readTables(doc, source, { heading, narrative });
    if (found.length) return found;
  }
  const text = htmlText(html);
  const fromText = readText(text, source);
  const r = fromText[0]!;
  if (r.format || r.problems.some((p) => p.code === 'several-years')) return fromText;
  if (tables.length) r.problems = [{ code: 'no-report-table', message: say('read.html.notReport') }];
  else if (!/\S/.test(text)) r.problems = [{ code: 'empty', message: say('read.html.empty') }];
  else r.problems = [{ code: 'no-table', message: say('read.html.noTable') }];
  return fromText;
}
