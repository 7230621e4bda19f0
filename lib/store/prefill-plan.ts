import { CARRY_OVER } from '../formats/apply-sections';
import { cellDef } from '../formats';
import type { FormatId } from '../formats/types';
import type { Values } from '../report';

/**
 * Pre-fill of opening balances, as pure data, shared by the popup and the content script.
 * Only this year's 二、上年结转 (every column) ← last year's 四、结转下年度继续办理, only into cells
 * that exist in this year's table and are empty (null). A typed value, 0 included, is never touched.
 */

export interface PlanItem {
  cell: string;
  value: number;
  /** Last year's cell the value comes from. */
  from: string;
}

/** Formats whose section 三 has 上年结转 / 结转下年度 (gov2019 → gov2021 carries over too). */
const carries = (format: FormatId) => CARRY_OVER.every(({ cell, from }) => cellDef(format, cell) && cellDef(format, from));

export function planPrefill(
  current: { format: FormatId | null; values: Values },
  prior: { format: FormatId; values: Values },
): PlanItem[] {
  if (!current.format || !carries(current.format) || !carries(prior.format)) return [];
  const items: PlanItem[] = [];
  for (const { cell, from } of CARRY_OVER) {
    const value = prior.values[from];
    if (!(cell in current.values) || current.values[cell] !== null) continue;
    if (typeof value !== 'number') continue;
    items.push({ cell, value, from });
  }
  return items;
}

/** What 撤销预填 needs: each written cell and what it held before (always null by construction). */
export interface UndoRecord {
  cell: string;
  before: number | null;
  after: number;
}

/**
 * Apply a plan to values as data. Re-checks emptiness at apply time, so a cell typed into between
 * plan and apply is skipped rather than overwritten.
 */
export function applyPlan(values: Values, items: readonly PlanItem[]): { values: Values; undo: UndoRecord[] } {
  const out: Values = { ...values };
  const undo: UndoRecord[] = [];
  for (const it of items) {
    if (!(it.cell in out) || out[it.cell] !== null) continue;
    undo.push({ cell: it.cell, before: out[it.cell] ?? null, after: it.value });
    out[it.cell] = it.value;
  }
  return { values: out, undo };
}

/** Undo a fill; a cell the user changed after the fill keeps the user's value. */
export function undoPlan(values: Values, undo: readonly UndoRecord[]): Values {
  const out: Values = { ...values };
  for (const u of undo) if (out[u.cell] === u.after) out[u.cell] = u.before;
  return out;
}

/**
 * Last year's figures to show beside this year's cells as references (never written): for
 * 上年结转 cells the plan does not fill (typed already), last year's 结转下年度; for every other cell
 * this year's table has, last year's figure of the same cell. 现行有效件数 (inForce, the base of
 * X-STOCK) comes first.
 */
const CARRY_FROM = new Map(CARRY_OVER.map(({ cell, from }) => [cell, from]));

/**
 * Last year's figures the live page shows beside this year's cells: 现行有效件数 (the base of this
 * year's, X-STOCK) and, beside 二、上年结转, last year's 结转下年度 (X-CARRY). Shown, never written.
 */
export function pageReferences(cells: readonly string[], prior: { values: Values }): PlanItem[] {
  const here = new Set(cells);
  const out: PlanItem[] = [];
  for (const [cell, value] of Object.entries(prior.values))
    if (cell.endsWith('.inForce') && typeof value === 'number' && here.has(cell)) out.push({ cell, value, from: cell });
  for (const { cell, from } of CARRY_OVER) {
    const value = prior.values[from];
    if (typeof value === 'number' && here.has(cell)) out.push({ cell, value, from });
  }
  return out;
}

export function priorReferences(
  current: { values: Values },
  prior: { values: Values },
  planned: readonly PlanItem[] = [],
): PlanItem[] {
  const skip = new Set(planned.map((p) => p.cell));
  const refs: PlanItem[] = [];
  for (const cell of Object.keys(current.values)) {
    if (skip.has(cell)) continue;
    const from = CARRY_FROM.get(cell) ?? cell;
    const value = prior.values[from];
    if (typeof value === 'number') refs.push({ cell, value, from });
  }
  return refs.sort((a, b) => Number(!a.cell.endsWith('.inForce')) - Number(!b.cell.endsWith('.inForce')));
}
