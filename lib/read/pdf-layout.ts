/**
 * A PDF page's text items → text lines in reading order. Where the page draws table borders
 * (thin filled or stroked paths), each table row becomes one `| cell | cell |` line with one
 * piece per drawn cell, blank cells included, so a number always stays under its own column.
 * Elsewhere items are joined by their gaps, and two numbers are never joined into one.
 */
import { type Carry, NUMERIC, borderlessRows, words } from './pdf-columns';

export interface Item {
  str: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A border segment in page space: horizontal (y fixed, a..b along x) or vertical (x fixed). */
export interface Rule {
  dir: 'h' | 'v';
  at: number;
  a: number;
  b: number;
}

const TOL = 2;

/** Rules of one table: borders that touch each other. */
interface Table {
  ys: number[];
  vs: Rule[];
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

function touches(h: Rule, v: Rule): boolean {
  return v.at >= h.a - TOL && v.at <= h.b + TOL && h.at >= v.a - TOL && h.at <= v.b + TOL;
}

function distinct(values: number[]): number[] {
  const out: number[] = [];
  for (const v of [...values].sort((a, b) => a - b)) if (!out.length || v - out[out.length - 1]! > TOL) out.push(v);
  return out;
}

/** Groups rules into tables (connected borders with at least two rows and two columns). */
export function tablesOf(rules: Rule[]): Table[] {
  const hs = rules.filter((r) => r.dir === 'h');
  const vs = rules.filter((r) => r.dir === 'v');
  const parent = rules.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const idx = new Map(rules.map((r, i) => [r, i]));
  for (const h of hs) for (const v of vs) if (touches(h, v)) parent[find(idx.get(h)!)] = find(idx.get(v)!);
  const groups = new Map<number, Rule[]>();
  rules.forEach((r, i) => {
    const g = find(i);
    const list = groups.get(g);
    if (list) list.push(r);
    else groups.set(g, [r]);
  });
  const tables: Table[] = [];
  for (const g of groups.values()) {
    const gh = g.filter((r) => r.dir === 'h');
    const gv = g.filter((r) => r.dir === 'v');
    const ys = distinct(gh.map((r) => r.at));
    if (ys.length < 2 || distinct(gv.map((r) => r.at)).length < 2) continue;
    tables.push({
      ys,
      vs: gv,
      x0: Math.min(...gh.map((r) => r.a)),
      x1: Math.max(...gh.map((r) => r.b)),
      y0: ys[0]!,
      y1: ys[ys.length - 1]!,
    });
  }
  return tables;
}

const DIGIT_END = /[\d０-９]$/;
const DIGIT_START = /^[\d０-９]/;
const CJK = /[\u3000-\u9fff\uff00-\uffef]/;

/** Joins the items of one line left to right; a wide gap or a gap between two numbers is a cell boundary. */
function joinLine(line: Item[], sep: string): string {
  line.sort((a, b) => a.x - b.x);
  let out = '';
  let end = -Infinity;
  let prev = '';
  for (const it of line) {
    const gap = it.x - end;
    if (out) {
      const numbers = DIGIT_END.test(prev) && DIGIT_START.test(it.str) && gap > it.h * 0.1;
      out += gap > it.h * 1.2 || numbers ? sep : gap > it.h * 0.25 ? ' ' : '';
    }
    out += it.str;
    prev = it.str;
    end = Math.max(end, it.x + it.w);
  }
  return out;
}

/** Items grouped into lines, top to bottom. */
function groupLines(items: Item[]): Item[][] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Item[][] = [];
  for (const it of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line[0]!.y - it.y) <= Math.max(2, it.h * 0.4)) line.push(it);
    else lines.push([it]);
  }
  return lines;
}

/** The text of one drawn cell: its lines joined (CJK wraps without a space). */
function drawnCellText(items: Item[]): string {
  let out = '';
  for (const line of groupLines(items)) {
    const t = joinLine(line, ' ').trim();
    if (!t) continue;
    out += out && !(CJK.test(out[out.length - 1]!) || CJK.test(t[0]!)) ? ' ' + t : t;
  }
  return out.replace(/\|/g, '｜');
}

/**
 * One table row as `| a | b |`. Empty cells up to the row's last label belong to labels that
 * span rows (dropped); empty cells after it are blank values, kept when the row has numbers or
 * ends in two or more of them (a row left entirely blank), not after a header row's last word.
 */
function rowLine(all: string[], labelArea: boolean[] = []): string | null {
  // an empty piece of the label columns (a label spanning both, with the border between them drawn through)
  const cells = all.filter((c, i) => c !== '' || !labelArea[i]);
  if (cells.every((c) => c === '')) return null;
  const hasNumber = cells.some((c) => NUMERIC.test(c));
  let lastLabel = -1;
  cells.forEach((c, i) => {
    if (c !== '' && !NUMERIC.test(c)) lastLabel = i;
  });
  const blanksAfter = cells.slice(lastLabel + 1).every((c) => c === '') ? cells.length - lastLabel - 1 : 0;
  const keepBlanks = hasNumber || blanksAfter >= 2;
  const kept = cells.filter((c, i) => c !== '' || (keepBlanks && i > lastLabel));
  return `| ${kept.join(' | ')} |`;
}

/** pdf.js joins close runs into one item with a space: `1 50` is two cells, never 150. */
const APART_NUMBERS = /[\d０-９]\s+[\d０-９]/;

/**
 * pdf.js joins runs on one baseline into one item, even across a cell border (a label that
 * overflows its cell): such an item is cut at its spaces.
 */
function splitAtBorders(it: Item, tables: Table[]): Item[] {
  const cy = it.y + it.h * 0.35;
  const crosses = tables.some((t) => t.vs.some((v) => v.a <= cy && v.b >= cy && v.at > it.x + 1 && v.at < it.x + it.w - 1));
  return crosses ? words(it) : [it];
}

interface Out {
  y: number;
  text: string;
}

/** Lays out one page: table rows from the drawn borders, other text by lines. */
export function pageText(items: Item[], rules: Rule[] = [], carry?: Carry): string {
  const tables = tablesOf(rules);
  const live = items
    .filter((i) => i.str.trim() !== '')
    .flatMap((i) => (APART_NUMBERS.test(i.str) ? words(i) : tables.length ? splitAtBorders(i, tables) : [i]));
  const out: Out[] = [];
  const free: Item[] = [];
  const byTable = new Map<Table, Item[]>();
  for (const it of live) {
    const cx = it.x + it.w / 2;
    const cy = it.y + it.h * 0.35;
    const t = tables.find((tb) => cx > tb.x0 && cx < tb.x1 && cy > tb.y0 && cy < tb.y1);
    if (!t) free.push(it);
    else if (byTable.has(t)) byTable.get(t)!.push(it);
    else byTable.set(t, [it]);
  }
  for (const [t, its] of byTable) {
    const rows: { y: number; cells: string[]; xs: number[] }[] = [];
    for (let k = t.ys.length - 1; k > 0; k--) {
      const lo = t.ys[k - 1]!;
      const hi = t.ys[k]!;
      const mid = (lo + hi) / 2;
      const inBand = its.filter((it) => {
        const cy = it.y + it.h * 0.35;
        return cy > lo && cy <= hi;
      });
      if (!inBand.length) continue;
      const xs = distinct(t.vs.filter((v) => v.a <= mid && v.b >= mid).map((v) => v.at));
      const cells: Item[][] = xs.slice(1).map(() => []);
      for (const it of inBand) {
        const cx = it.x + it.w / 2;
        const c = xs.findIndex((x, i) => i > 0 && cx < x);
        if (c > 0) cells[c - 1]!.push(it);
        else free.push(it);
      }
      rows.push({ y: hi, cells: cells.map(drawnCellText), xs });
    }
    // numbers go by the columns' x ranges: whatever lies left of every column that holds a number is label
    let valueLeft = Infinity;
    for (const r of rows) r.cells.forEach((c, i) => NUMERIC.test(c) && (valueLeft = Math.min(valueLeft, r.xs[i]!)));
    for (const r of rows) {
      const line = rowLine(r.cells, r.cells.map((_, i) => r.xs[i + 1]! <= valueLeft + TOL));
      if (line) out.push({ y: r.y, text: line });
    }
  }
  const lines = groupLines(free);
  const rows = borderlessRows(lines, carry);
  lines.forEach((line, k) => {
    const cells = rows[k];
    out.push({ y: line[0]!.y + line[0]!.h, text: cells ? `| ${cells.join(' | ')} |` : joinLine(line, ' | ') });
  });
  return out
    .sort((a, b) => b.y - a.y)
    .map((o) => o.text)
    .join('\n');
}
