import { normalizeLabel } from '../formats/normalize';
import type { Location } from '../report';
import type { Grid } from './grid';
import { isUnitText, isValueText } from './value';

/**
 * The reader's common input: the cells of tables (HTML) or the pieces of text lines, in
 * reading order. `row` groups the tokens of one table row / one text line.
 */
export interface Tok {
  text: string;
  kind: 'value' | 'label' | 'unit' | 'noise';
  row: number;
  loc: Location;
  /** Part of a rowspan cell that started on a row above: label context only. */
  copy?: boolean;
  /** Grid column span (HTML). */
  gc?: number;
  gs?: number;
  /** Normalised label (labels only). */
  norm?: string;
}

/** Page numbers (— 5 —), markdown rules (|---|), headings marks. */
const NOISE = /^(?:[—\-－–]+\s*\d{1,3}\s*[—\-－–]+|:?-{3,}:?|#+)$/;

export function classify(text: string): Tok['kind'] {
  const t = text.trim();
  if (NOISE.test(t)) return 'noise';
  if (isValueText(t)) return 'value';
  if (isUnitText(t)) return 'unit';
  return 'label';
}

// the same labels come back on every re-read of a live page: remember their normal form
const normCache = new Map<string, string>();
const kindCache = new Map<string, Tok['kind']>();

function normalized(text: string): string {
  let n = normCache.get(text);
  if (n === undefined) {
    if (normCache.size > 5000) normCache.clear();
    n = normalizeLabel(text.replace(/^#+\s*/, ''));
    normCache.set(text, n);
  }
  return n;
}

export function kindOf(text: string): Tok['kind'] {
  let k = kindCache.get(text);
  if (k === undefined) {
    if (kindCache.size > 5000) kindCache.clear();
    k = classify(text);
    kindCache.set(text, k);
  }
  return k;
}

function labelTok(t: Tok): Tok {
  if (t.kind === 'label') t.norm = normalized(t.text);
  return t;
}

/** Tokens of one table grid (HTML path). `rowBase` keeps row ids unique across tables. */
export function gridTokens(grid: Grid, table: number, rowBase: number, out: Tok[]): void {
  for (let r = 0; r < grid.length; r++) {
    const line = grid[r];
    if (!line) continue;
    let prev: unknown = null;
    for (let c = 0; c < line.length; c++) {
      const cell = line[c];
      if (!cell || cell === prev) continue;
      prev = cell;
      const copy = cell.row !== r;
      const tok: Tok = {
        text: cell.text,
        kind: kindOf(cell.text),
        row: rowBase + r,
        loc: { kind: 'table', table, row: cell.row, col: cell.col, el: cell.el },
        gc: cell.col,
        gs: cell.colSpan,
      };
      if (copy) {
        if (tok.kind !== 'label') continue;
        tok.copy = true;
      }
      out.push(labelTok(tok));
    }
  }
}

const TRAILING_NUMBERS = /^(\S.*?)\s+([+\-－]?[\d０-９][\d０-９,，.．]*(?:\s+[+\-－]?[\d０-９][\d０-９,，.．]*)*)$/;

/**
 * Tokens of plain text: `|`-separated cells, one cell per line, or PDF reading order where a
 * line is a label followed by its numbers (`行政许可 0`).
 */
export function textTokens(text: string): Tok[] {
  const out: Tok[] = [];
  let pos = 0;
  let line = 0;
  let last = '';
  for (const raw of text.split('\n')) {
    const start = pos;
    pos += raw.length + 1;
    line++;
    const body = raw.replace(/\r$/, '');
    if (body.trim() === '') continue;
    const previous = last;
    last = body;
    const push = (piece: string, offset: number) => {
      const lead = piece.length - piece.trimStart().length;
      const t = piece.trim();
      out.push(
        labelTok({
          text: t,
          kind: classify(t),
          row: line,
          loc: { kind: 'text', start: start + offset + lead, end: start + offset + lead + t.length },
        }),
      );
    };
    if (body.includes('|')) {
      // a separator on a line of its own between cells written without one: no cell at all
      // (where every cell line ends with `|`, a lone `|` is a blank cell)
      if (/^[|\s]+$/.test(body) && !previous.includes('|')) continue;
      const pieces: { s: string; at: number }[] = [];
      let at = 0;
      for (const s of body.split('|')) {
        pieces.push({ s, at });
        at += s.length + 1;
      }
      if (pieces.length > 1 && pieces[pieces.length - 1]!.s.trim() === '') pieces.pop();
      if (pieces.length > 1 && pieces[0]!.s.trim() === '' && body.trimStart().startsWith('|')) pieces.shift();
      if (pieces.every((p) => NOISE.test(p.s.trim()))) continue;
      for (const p of pieces) push(p.s, p.at);
      continue;
    }
    const m = TRAILING_NUMBERS.exec(body.trim());
    if (m && classify(m[1]!) === 'label') {
      const lead = body.indexOf(m[1]!);
      push(m[1]!, lead);
      let at = lead + m[1]!.length;
      for (const n of m[2]!.split(/\s+/)) {
        at = body.indexOf(n, at);
        push(n, at);
        at += n.length;
      }
      continue;
    }
    push(body, 0);
  }
  return out;
}
