import { FORMATS, cellDef, cellLabel, sectionName } from '../formats';
import { FORMAT_IDS, type FormatId } from '../formats/types';
import { t } from '../i18n';

/**
 * A cell as a spreadsheet row names it, in the form's own words and never by its id: the table (表三) and the
 * item (一、本年新收政府信息公开申请数量·总计); and back. Local tables (ids `local.<n>`, `local.<n>.<k>`) have no
 * catalogue, so their items are named by position: 第2项, 第2项之1.
 */
export interface CellName {
  table: string;
  item: string;
}

const LOCAL = /^local\.(\d+)(?:\.(\d+))?(\.cumulative)?$/;

export function cellName(format: FormatId, id: string): CellName {
  if (format === 'local') {
    const m = LOCAL.exec(id);
    const table = t('store.localTable');
    if (!m) return { table, item: id };
    return { table, item: t('store.localItem', { n: m[1]! }) + (m[2] ? t('store.localSubItem', { k: m[2] }) : '') + (m[3] ? `·${t('store.cumulative')}` : '') };
  }
  const c = cellDef(format, id);
  if (!c) return { table: '', item: id };
  const table = sectionName(format, c.section);
  return { table, item: cellLabel(format, id).slice(table.length + 1) };
}

const byName = new Map<FormatId, Map<string, string>>();
function names(format: FormatId): Map<string, string> {
  let m = byName.get(format);
  if (!m) {
    m = new Map();
    for (const c of FORMATS[format].cells) for (const id of [c.id, `${c.id}.cumulative`]) if (cellDef(format, id)) m.set(cellLabel(format, id), id);
    byName.set(format, m);
  }
  return m;
}

/** The id of the cell a row names (either as table and item, or as the whole label), or null. */
export function cellOfName(format: FormatId, table: string, item: string): string | null {
  const full = table && !item.startsWith(`${table}·`) ? `${table}·${item}` : item;
  if (format === 'local') {
    const m = /^第(\d+)项(?:之(\d+))?(·历年累计)?$/.exec(item.replace(/^统计表·/, ''));
    return m ? `local.${m[1]}${m[2] ? `.${m[2]}` : ''}${m[3] ? '.cumulative' : ''}` : null;
  }
  return names(format).get(full) ?? null;
}

/** Where a cell comes in its format's printed table: rows in the official order, 历年累计 right after its cell. */
export function tableOrder(format: FormatId): (id: string) => number {
  const at = new Map(FORMATS[format].cells.map((c, i) => [c.id, i]));
  return (id) => {
    if (format === 'local') {
      const m = LOCAL.exec(id);
      return m ? Number(m[1]) * 1e6 + Number(m[2] ?? 0) * 10 + (m[3] ? 1 : 0) : Number.MAX_SAFE_INTEGER;
    }
    const base = at.get(id.replace(/\.cumulative$/, ''));
    return base === undefined ? Number.MAX_SAFE_INTEGER : base * 2 + (id.endsWith('.cumulative') ? 1 : 0);
  };
}

/** A format by its name for people (2021年版统计表) or by its id. */
export function formatOfName(text: string): FormatId | null {
  const s = text.trim();
  if ((FORMAT_IDS as readonly string[]).includes(s)) return s as FormatId;
  return FORMAT_IDS.find((f) => FORMATS[f].name === s) ?? null;
}
