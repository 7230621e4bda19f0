/**
 * A <table> as a logical grid: rowspan/colspan expanded, each position pointing at the cell
 * that covers it. Works on any DOM (browser, linkedom, happy-dom); reads textContent only.
 */
export interface GridCell {
  /** Text of the cell, or the value of the form control inside it. */
  text: string;
  /** The live <td>/<th>, or the <input>/<textarea> it holds. */
  el: Element;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

export type Grid = GridCell[][];

const MAX_SPAN = 200;

function childElements(el: Element, tags: Set<string>): Element[] {
  const out: Element[] = [];
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) if (tags.has(c.tagName.toUpperCase())) out.push(c);
  return out;
}

const SECTIONS = new Set(['THEAD', 'TBODY', 'TFOOT']);
const TR = new Set(['TR']);
const CELLS = new Set(['TD', 'TH']);

/** The rows of this table, not of tables nested in it. */
export function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (let c = table.firstElementChild; c; c = c.nextElementSibling) {
    const tag = c.tagName.toUpperCase();
    if (tag === 'TR') rows.push(c);
    else if (SECTIONS.has(tag)) rows.push(...childElements(c, TR));
  }
  return rows;
}

function control(td: Element): Element | null {
  const c = td.querySelector('input,textarea,select');
  if (!c) return null;
  const type = (c.getAttribute('type') ?? '').toLowerCase();
  return type === 'hidden' || type === 'checkbox' || type === 'radio' || type === 'button' ? null : c;
}

const CONTROLS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

export const isControl = (el: Element): boolean => CONTROLS.has(el.tagName.toUpperCase());

/** A grid cell's text as the reader reads it: the value of its form control, else the cell's textContent. */
export function cellText(el: Element): string {
  return isControl(el) ? controlText(el) : (el.textContent ?? '');
}

/** The text of a cell known to be a form control (isControl). */
export const controlText = (el: Element): string => (el as HTMLInputElement).value ?? '';

function span(td: Element, name: string): number {
  const n = Number.parseInt(td.getAttribute(name) ?? '1', 10);
  return Number.isFinite(n) && n > 0 ? Math.min(n, MAX_SPAN) : 1;
}

export function buildGrid(table: Element): Grid {
  const grid: Grid = [];
  const rows = tableRows(table);
  const hasControls = table.getElementsByTagName('input').length + table.getElementsByTagName('textarea').length > 0;
  for (let r = 0; r < rows.length; r++) {
    const line = (grid[r] ??= []);
    let c = 0;
    for (const td of childElements(rows[r]!, CELLS)) {
      while (line[c]) c++;
      const ctl = hasControls ? control(td) : null;
      const cell: GridCell = {
        text: cellText(ctl ?? td),
        el: ctl ?? td,
        row: r,
        col: c,
        rowSpan: Math.min(span(td, 'rowspan'), rows.length - r),
        colSpan: span(td, 'colspan'),
      };
      for (let dr = 0; dr < cell.rowSpan; dr++) {
        const target = (grid[r + dr] ??= []);
        for (let dc = 0; dc < cell.colSpan; dc++) target[c + dc] = cell;
      }
      c += cell.colSpan;
    }
  }
  return grid;
}
