import { gov2014 } from './gov2014';
import { gov2019 } from './gov2019';
import { gov2021 } from './gov2021';
import { local } from './local';
import type { CellDef, FormatDef, FormatId } from './types';

export * from './types';
export { normalizeLabel } from './normalize';

export const FORMATS: Record<FormatId, FormatDef> = { gov2021, gov2019, gov2014, local };

const byId = new Map<string, Map<string, CellDef>>();
for (const f of Object.values(FORMATS)) byId.set(f.id, new Map(f.cells.map((c) => [c.id, c])));

export function cellDef(format: FormatId, id: string): CellDef | undefined {
  return byId.get(format)?.get(id.replace(/\.cumulative$/, ''));
}

const SECTION_NAME: Record<string, string> = { 二: '表二', 三: '表三', 四: '表四', 表: '统计表' };

/** The cell in the form's own words: 表三·自然人·（七）总计, 表三·（三）不予公开·1.属于国家秘密·自然人. */
export function cellLabel(format: FormatId, id: string): string {
  const c = cellDef(format, id);
  if (!c) return id;
  const parts = [SECTION_NAME[c.section] ?? c.section];
  if (c.section === '四') parts.push(c.row, c.col ?? '');
  else {
    if (c.group) parts.push(c.group);
    parts.push(c.row);
    if (c.col) parts.push(c.col);
  }
  if (id.endsWith('.cumulative')) parts.push('历年累计');
  return parts.filter(Boolean).join('·');
}
