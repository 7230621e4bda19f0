import type { Values } from '../report';
import { t } from '../i18n';

/** What replacing a saved year would change, cell by cell (a pure model for the import view and the popup). */

export interface CellChange {
  cell: string;
  from: number | null;
  to: number | null;
}

export interface ReplaceDiff {
  /** A figure that becomes another figure. */
  changed: CellChange[];
  /** A filled cell that the new data leaves blank or does not have at all. */
  blanked: CellChange[];
  /** A cell blank or absent before that the new data fills. */
  added: CellChange[];
  /** Filled cells that keep their figure. */
  kept: number;
}

/** More blanked filled cells than this needs a second, explicit confirmation. */
export const BLANKING_LIMIT = 3;

const num = (v: number | null | undefined): number | null => (typeof v === 'number' ? v : null);

export function diffValues(before: Values, after: Values): ReplaceDiff {
  const d: ReplaceDiff = { changed: [], blanked: [], added: [], kept: 0 };
  for (const cell of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const from = num(before[cell]);
    const to = num(after[cell]);
    if (from !== null && to === null) d.blanked.push({ cell, from, to });
    else if (from === null && to !== null) d.added.push({ cell, from, to });
    else if (from !== null && to !== null) {
      if (from === to) d.kept++;
      else d.changed.push({ cell, from, to });
    }
  }
  return d;
}

export function needsSecondConfirmation(d: ReplaceDiff): boolean {
  return d.blanked.length > BLANKING_LIMIT;
}

/** One plain sentence: 「替换后：3 个单元格的数值改变，176 个已填的单元格将变为空白，1 个单元格新增数值。」 */
export function diffSummary(d: ReplaceDiff): string {
  const parts = [
    d.changed.length && t('store.diff.changed', { n: d.changed.length }),
    d.blanked.length && t('store.diff.blanked', { n: d.blanked.length }),
    d.added.length && t('store.diff.added', { n: d.added.length }),
  ].filter(Boolean);
  return parts.length ? t('store.diff.summary', { parts: parts.join(t('common.clauseSeparator')) }) : t('store.diff.same');
}

/** The second question, when the replace blanks many filled cells. */
export function blankingWarning(d: ReplaceDiff, what: string): string {
  return t('store.diff.blanking', { what, n: d.blanked.length });
}
