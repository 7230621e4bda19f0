import { APPLY_COLS, APPLY_GROUPS, applySection } from '@/lib/formats/apply-sections';
import { SHORT_ROW as SHORT_BY_ID } from '@/lib/formats/rules/apply';
import { t } from '@/lib/i18n';
import { FORMATS, cellDef, cellLabel, sectionName, type CellDef, type FormatId } from '@/lib/formats';

/**
 * Words for cells beyond the catalogue of their own format: gov2021 reports that keep the
 * gov2019 single （六）其他处理 row, tolerated group subtotal rows (apply.withheld.<col> …).
 */
export function defOf(format: FormatId, id: string): CellDef | undefined {
  const own = cellDef(format, id);
  if (own || format === 'gov2014' || format === 'local') return own;
  const m = /^apply\.([a-zA-Z]+)\.([a-zA-Z]+)$/.exec(id);
  if (!m) return undefined;
  const group = APPLY_GROUPS.find((g) => g.id === m[1]);
  const col = APPLY_COLS.find((c) => c.id === m[2]);
  if (!group || !col) return undefined;
  const label = group.id === 'other' ? group.label : t('label.subtotal', { group: group.label });
  return { id, kind: 'count', section: '三', row: label, col: col.label };
}

/** Full label of a cell: 表三·（七）总计·自然人, with the fallbacks of `defOf`. */
export function labelOf(format: FormatId, id: string): string {
  const base = cellLabel(format, id);
  if (base !== id) return base;
  const d = defOf(format, id);
  if (!d) return id.startsWith('local.') ? t('label.localItem', { n: id.slice(6) }) : id;
  return [sectionName(format, d.section), d.row, d.col].filter(Boolean).join('·');
}

/** Row labels of section 三 shortened where the form's own wording is long (as clerks say them). */
const SHORT_ROW: Record<string, string> = Object.fromEntries(
  applySection(true)
    .rows.filter((r) => r.id in SHORT_BY_ID)
    .map((r) => [r.label, SHORT_BY_ID[r.id]!]),
);

function rowWords(d: CellDef): string {
  const row = SHORT_ROW[d.row] ?? d.row;
  // gov2014's single table: the scope already names the parent, the group prefix is noise.
  return d.group && d.section !== '表' ? `${d.group}·${row}` : row;
}

/**
 * Labels of a rule's operands inside its scope: when every operand shares a column, the rows
 * name them (表三 自然人列: 本年新收, 上年结转 …); when they share a row, the columns do;
 * otherwise the full cell label. `prior:` operands are prefixed with 上年报告·.
 */
export function operandLabels(format: FormatId, refs: readonly string[]): string[] {
  const ids = refs.map((r) => (r.startsWith('prior:') ? r.slice(6) : r));
  const defs = ids.map((id) => defOf(format, id));
  const known = defs.every((d): d is CellDef => d !== undefined);
  let words: string[];
  if (!known) words = ids.map((id) => labelOf(format, id));
  else if (defs.every((d) => d.col === defs[0]!.col && d.section === defs[0]!.section)) words = defs.map(rowWords);
  else if (defs.every((d) => d.row === defs[0]!.row && d.group === defs[0]!.group)) words = defs.map((d) => d.col ?? d.row);
  else words = ids.map((id) => labelOf(format, id));
  return words.map((w, i) => {
    const cum = ids[i]!.endsWith('.cumulative') && !w.includes('历年累计') ? t('label.cumulative', { label: w }) : w;
    return refs[i]!.startsWith('prior:') ? t('label.prior', { label: cum }) : cum;
  });
}

export { FORMATS };
