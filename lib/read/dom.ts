import { PREFILTER } from '../formats/index';
import type { Report } from '../report';
import { breakRuns, collapseBreaks } from './breaks';
import { buildGrid } from './grid';
import { buildReport, type Source } from './report';
import { noteRead } from './reread';
import { gridTokens, type Tok } from './tokens';

/** Words found only in report statistics tables, as every format declares them. */
const FINGERPRINT = PREFILTER;

function tablesOf(root: Document | Element): Element[] {
  return Array.from(root.getElementsByTagName('table'));
}

/**
 * Cheap pre-filter for the content script: does this root hold a table (or form grid)
 * whose text has one of the report's fingerprint words?
 */
export function mayHoldReport(root: Document | Element): boolean {
  return holdsTableMatching(root, FINGERPRINT);
}

/**
 * Whether a table of `root` has text matching `fingerprint` (the pre-filter with a given pattern). `fingerprint`
 * must match every text that contains a matching part (no anchors, no lookaround, no \b: PREFILTER is literal
 * words): then a table inside one that did not match cannot match either (its text is a part of the outer
 * table's), and is not read again. Old sites lay whole pages out in nested tables.
 */
export function holdsTableMatching(root: Document | Element, fingerprint: RegExp): boolean {
  const tables = root.getElementsByTagName('table');
  let outer: Element | null = null;
  for (let i = 0; i < tables.length; i++) {
    const table = tables[i]!;
    if (outer && outer.contains(table)) continue;
    if (fingerprint.test(table.textContent ?? '')) return true;
    outer = table;
  }
  return false;
}

const BLOCK = new Set(['P', 'DIV', 'BR', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'TR', 'SECTION', 'ARTICLE', 'BLOCKQUOTE', 'PRE', 'UL', 'OL', 'TITLE', 'HEADER', 'FOOTER']);
const SKIP = new Set(['TABLE', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD']);

/** Every piece of text outside tables in document order; `node` is null for the line and cell breaks added. */
function walkOutside(root: Node, keepTables: boolean, push: (s: string, node: Text | null) => void): void {
  const walk = (n: Node) => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) push(c.nodeValue ?? '', c as Text);
      else if (c.nodeType === 1) {
        const tag = (c as Element).tagName.toUpperCase();
        if (SKIP.has(tag) && !(keepTables && tag === 'TABLE')) {
          if (tag === 'TABLE') push('\n', null);
          continue;
        }
        const block = BLOCK.has(tag) || tag === 'TD' || tag === 'TH';
        if (tag === 'TD' || tag === 'TH') push(' | ', null);
        walk(c);
        if (block) push('\n', null);
      }
    }
  };
  walk(root);
}

/** Text outside tables, one line per block element. */
export function textOutsideTables(root: Node, keepTables = false): string {
  const parts: string[] = [];
  walkOutside(root, keepTables, (s) => parts.push(s));
  return collapseBreaks(parts.join('')).trim();
}

/** A DOM position of narrative characters: [startNode:startOffset, endNode:endOffset). */
export interface TextPlace {
  startNode: Text;
  startOffset: number;
  endNode: Text;
  endOffset: number;
}

/** The narrative (exactly textOutsideTables) and where each of its characters came from. */
export interface NarrativeMap {
  text: string;
  /** Where the characters [start, end) of `text` are in the DOM it was read from; null when none is a DOM character. */
  locate(start: number, end: number): TextPlace | null;
}

/**
 * Where character `c` of collapseBreaks(text, runs) came from in `text`: `at` holds where each run's break is in the
 * collapsed text (breaksAt). Each run [start, end) became one character, at its start.
 */
function sourceOf(runs: readonly [number, number][], at: Int32Array, c: number): number {
  let lo = 0;
  let hi = at.length - 1;
  let k = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (at[mid]! <= c) [k, lo] = [mid, mid + 1];
    else hi = mid - 1;
  }
  if (k < 0) return c;
  const [start, end] = runs[k]!;
  return at[k] === c ? start : end + (c - at[k]! - 1);
}

/** Where each run's break is in collapseBreaks(text, runs). */
function breaksAt(runs: readonly [number, number][]): Int32Array {
  const at = new Int32Array(runs.length);
  let removed = 0;
  runs.forEach(([start, end], k) => {
    at[k] = start - removed;
    removed += end - start - 1;
  });
  return at;
}

/**
 * The narrative of a live DOM with a map back to its text nodes, built in one walk. The map holds
 * the nodes as they are now: build it again after any change. A character's place is worked out when asked
 * (`locate`: most keystrokes only need the text), from what the walk saw.
 */
export function mapNarrative(root: Document | Element, keepTables = false): NarrativeMap {
  const from = narrativeRoot(root);
  const chunks: string[] = [];
  const nodes: (Text | null)[] = [];
  const starts: number[] = [];
  let size = 0;
  walkOutside(from, keepTables, (s, node) => {
    if (!s) return;
    chunks.push(s);
    nodes.push(node);
    starts.push(size);
    size += s.length;
  });
  const joined = chunks.join('');
  const runs = breakRuns(joined);
  // each run of spaces around a break becomes one '\n': no two are left side by side (lib/read/breaks.ts)
  const collapsed = collapseBreaks(joined, runs);
  const lead = collapsed.length - collapsed.trimStart().length;
  const text = collapsed.trim();
  let at: Int32Array | undefined;
  /** Where character `i` of `text` came from in `joined`. */
  const source = (i: number) => sourceOf(runs, (at ??= breaksAt(runs)), i + lead);
  /** Index of the chunk holding source character `i`. */
  const chunkAt = (i: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  return {
    text,
    locate(start, end) {
      if (!(start >= 0 && end <= text.length && start < end)) return null;
      const first = source(start);
      const last = source(end - 1);
      let a = chunkAt(first);
      let aOff = first - starts[a]!;
      let b = chunkAt(last);
      let bOff = last - starts[b]! + 1;
      // Added breaks hold no DOM character: move inwards to the nearest text node.
      while (a <= b && !nodes[a]) [a, aOff] = [a + 1, 0];
      while (b >= a && !nodes[b]) [b, bOff] = [b - 1, chunks[b - 1]?.length ?? 0];
      if (a > b || (a === b && aOff >= bOff)) return null;
      return { startNode: nodes[a]!, startOffset: aOff, endNode: nodes[b]!, endOffset: bOff };
    },
  };
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

/** The document is an editor's editing surface (designMode or a contenteditable body): its title is the editor's, not the article's. */
function isEditingDoc(doc: Document): boolean {
  if (doc.designMode?.toLowerCase() === 'on') return true;
  const body = doc.body;
  return !!body && (body.isContentEditable || isEditableAttr(body));
}

function isEditableAttr(el: Element): boolean {
  const v = el.getAttribute('contenteditable');
  return v !== null && v.toLowerCase() !== 'false';
}

function headingText(root: Document | Element, first: Element): string {
  const doc = (root as Document).documentElement ? (root as Document) : null;
  const title = doc && !isEditingDoc(doc) ? doc.title : '';
  return `${title}\n${textBefore(doc?.body ?? root, first, 6000)}`;
}

/**
 * Where the report's narrative lives: in a page with a contenteditable region (CKEditor 5,
 * wangEditor 5) the outermost editable element holding the first report table — not the CMS page
 * around it; otherwise `root` itself.
 */
export function narrativeRoot(root: Document | Element): Node {
  const doc = (root as Document).documentElement ? (root as Document) : null;
  if (doc && isEditingDoc(doc)) return root;
  const table = tablesOf(root).find((t) => FINGERPRINT.test(t.textContent ?? ''));
  let host: Element | null = null;
  for (let el = table?.parentElement ?? null; el && el !== root; el = el.parentElement) if (isEditableAttr(el)) host = el;
  return host ?? root;
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
      narrative: () => (outside ? outside.narrative() : textOutsideTables(narrativeRoot(root))),
    };
    const report = buildReport(src);
    if (report.format) reports.push(report);
    if (report.format && !outside) {
      const anchor = start;
      noteRead(report, { repeated: src.repeated ?? new Set(), anchor, headingText: src.headingText, heading: () => headingText(root, anchor) });
    }
    if (src.restartAt === undefined || src.restartAt <= from) break;
    from = src.restartAt;
    start = tables[from]!;
  }
  return reports;
}
