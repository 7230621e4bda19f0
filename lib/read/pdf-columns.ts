/**
 * Columns of a table printed without borders: a blank cell leaves no text, so the numbers of a
 * row are put under the columns they sit in. Columns are the x positions shared by the numbers
 * of the table's rows and by its header words (科研机构 over a column no row fills); a header
 * spanning several columns (法人或其他组织) gives none.
 */
import type { Item } from './pdf-layout';

export const NUMERIC = /^[+\-－]?[\d０-９]+(?:[,，.．][\d０-９]+)*\s*[%％元万件个]*$/;

/** A heading line ends a table: 三、收到和处理…, 第二十条第（五）项, 表三 (not a row group: 三、本年度办理结果). */
const HEADING = /^(?:[一二三四五六七八九十]+、.{10}|第二十条|表[一二三四])/;

/** Wide tables only (表三, 表四): narrower ones may centre one value over several columns. */
const MIN_COLUMNS = 5;

const units = (s: string) => [...s].reduce((n, ch) => n + (ch.charCodeAt(0) < 0x2e80 ? 0.5 : 1), 0);

/** An item cut into its words, each placed by its share of the item's width. */
export function words(it: Item): Item[] {
  if (!/\S\s+\S/.test(it.str)) return [it];
  const total = units(it.str);
  return [...it.str.matchAll(/\S+/g)].map((m) => ({
    ...it,
    str: m[0],
    x: it.x + (units(it.str.slice(0, m.index)) / total) * it.w,
    w: (units(m[0]) / total) * it.w,
  }));
}

/**
 * The numbers of a line that stand alone (not `2023` of `2023年`, not `2.` of `2.重复申请`);
 * runs of one number printed as pieces with no gap between them are joined.
 */
function numbersOf(line: Item[]): Item[] {
  const sorted: Item[] = [];
  for (const it of [...line].sort((a, b) => a.x - b.x)) {
    const prev = sorted[sorted.length - 1];
    if (prev && isNum(prev) && isNum(it) && it.x - (prev.x + prev.w) <= it.h * 0.1) {
      sorted[sorted.length - 1] = { ...prev, str: prev.str.trim() + it.str.trim(), w: it.x + it.w - prev.x };
    } else sorted.push(it);
  }
  return sorted.filter((it, k) => {
    if (!isNum(it)) return false;
    const prev = sorted[k - 1];
    const next = sorted[k + 1];
    const apart = (a: Item, b: Item) => isNum(a) === isNum(b) || b.x - (a.x + a.w) > it.h * 0.25;
    return (!prev || apart(prev, it)) && (!next || apart(it, next));
  });
}

const isNum = (it: Item) => NUMERIC.test(it.str.trim());
const centre = (it: Item) => it.x + it.w / 2;

/** Centres closer than `tol` merged into one column (mean position). */
function cluster(xs: number[], tol: number): number[] {
  const out: number[][] = [];
  for (const x of [...xs].sort((a, b) => a - b)) {
    const last = out[out.length - 1];
    if (last && x - last[last.length - 1]! <= tol) last.push(x);
    else out.push([x]);
  }
  return out.map((g) => g.reduce((a, b) => a + b, 0) / g.length);
}

/** Columns of a wide table that runs to the bottom of a page, for its rows on the next page. */
export interface Carry {
  cols: number[] | null;
}

/**
 * For each line (top to bottom), the cells to print when it is a row of a wide borderless
 * table (label first, then one piece per column, '' for a blank cell); null otherwise.
 */
export function borderlessRows(lines: Item[][], carry: Carry = { cols: null }): (string[] | null)[] {
  const result: (string[] | null)[] = lines.map(() => null);
  const text = (line: Item[]) => line.map((i) => i.str).join('').trim();
  let start = 0;
  let carried = carry.cols;
  carry.cols = null;
  for (let i = 0; i <= lines.length; i++) {
    const line = lines[i];
    const heading = !!line && !numbersOf(line).length && (HEADING.test(text(line)) || text(line).includes('。'));
    if (line && !heading) continue;
    const { rows, cols } = tableRows(lines.slice(start, i), carried);
    rows.forEach((cells, k) => {
      if (cells) result[start + k] = cells;
    });
    if (!line) carry.cols = cols;
    carried = null;
    start = i + 1;
  }
  return result;
}

function tableRows(block: Item[][], carried: number[] | null): { rows: (string[] | null)[]; cols: number[] | null } {
  const none = { rows: block.map(() => null), cols: null };
  const values = block.map(numbersOf);
  const first = values.findIndex((v) => v.length > 0);
  if (first < 0) return none;
  const nums = values.flat();
  const h = Math.min(...nums.map((n) => n.h));
  const tol = h * 0.9;
  const left = Math.min(...nums.map(centre)) - tol;
  const headers = block
    .slice(0, first)
    .flat()
    .flatMap(words)
    .filter((w) => centre(w) >= left);
  const candidates = [...nums.map(centre), ...headers.map(centre)];
  // a header over several columns holds the centres of two others
  const leaves = headers.filter((w) => cluster(candidates.filter((c) => c > w.x + tol / 2 && c < w.x + w.w - tol / 2), tol).length < 2);
  const near = (xs: number[]) => nums.every((n) => xs.some((x) => Math.abs(x - centre(n)) <= tol));
  const cols = cluster([...nums.map(centre), ...leaves.map(centre), ...(carried && near(carried) ? carried : [])], tol);
  if (cols.length < MIN_COLUMNS) return none;
  const rows = block.map((line, k) => {
    const row = values[k]!;
    if (!row.length) return null;
    // text among the numbers (a note, a number glued to a word): leave the line as it is
    if (line.some((it) => it.x >= row[0]!.x && !row.some((n) => n.x <= it.x && it.x < n.x + n.w + 0.01))) return null;
    const label = line
      .filter((it) => !row.includes(it) && it.x < row[0]!.x)
      .sort((a, b) => a.x - b.x)
      .map((it) => it.str.trim())
      .join(' ');
    const cells: string[] = cols.map(() => '');
    for (const v of row) {
      const c = cols.reduce((best, x, k) => (Math.abs(x - centre(v)) < Math.abs(cols[best]! - centre(v)) ? k : best), 0);
      if (cells[c] !== '' || Math.abs(cols[c]! - centre(v)) > tol) return null;
      cells[c] = v.str.trim();
    }
    return label ? [label, ...cells] : cells;
  });
  blankRows(block, values, rows, cols.length);
  return { rows, cols };
}

const ITEM_NUMBER = /^(?:\d{1,2}[.．、]|（[一二三四五六七八九十]{1,3}）)/;

/**
 * A row left entirely blank prints only its label. A numbered label line lying on the rows'
 * regular pitch (not half-way, as a label centred over a group of rows) is such a row.
 */
function blankRows(block: Item[][], values: Item[][], rows: (string[] | null)[], width: number): void {
  const ys = block.flatMap((line, k) => (rows[k] ? [line[0]!.y] : []));
  if (ys.length < 3) return;
  const gaps = ys.slice(1).map((y, k) => ys[k]! - y);
  const pitch = Math.min(...gaps);
  if (pitch <= 0) return;
  const onGrid = (d: number) => Math.abs(d / pitch - Math.round(d / pitch)) < 0.2;
  // wrapped labels make rows of different heights: then the pitch says nothing
  if (gaps.filter((g) => !onGrid(g)).length > gaps.length / 10) return;
  block.forEach((line, k) => {
    if (rows[k] || values[k]!.length) return;
    const y = line[0]!.y;
    if (y > ys[0]! || y < ys[ys.length - 1]!) return;
    const label = [...line].sort((a, b) => a.x - b.x).map((it) => it.str.trim()).join(' ');
    if (!ITEM_NUMBER.test(label) || !onGrid(ys[0]! - y)) return;
    rows[k] = [label, ...Array.from({ length: width }, () => '')];
  });
}
