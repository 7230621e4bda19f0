import { gov2014 } from './gov2014';
import { gov2019 } from './gov2019';
import { gov2021 } from './gov2021';
import { local } from './local';
import { prefilterPattern, supersession as supersessionIn, type Supersession } from './facts';
import type { CellDef, FormatDef, FormatId, SectionDef } from './types';

export * from './types';
export { normalizeLabel } from './normalize';
export { formatTitle, sectionHolds, sectionTitle, type Supersession } from './facts';

export const FORMATS: Record<FormatId, FormatDef> = { gov2021, gov2019, gov2014, local };

/** P-FORMAT for a format used in a report year (null when it is not superseded then). */
export const supersession = (format: FormatId, year: number | null): Supersession | null => supersessionIn(FORMATS, format, year);

/** The live pre-filter: a table whose text matches may hold a report of some format. */
export const PREFILTER: RegExp = prefilterPattern(FORMATS);

/** The section of a format by its key ('二', '表'); local tables have one unnamed table. */
export function sectionOf(format: FormatId, key: string): SectionDef | undefined {
  return FORMATS[format].sections.find((s) => s.key === key);
}

/** The short name of a section in messages: 表三; 统计表 where the format has one table or none. */
export function sectionName(format: FormatId, key: string): string {
  return sectionOf(format, key)?.name ?? '统计表';
}

const byId = new Map<string, Map<string, CellDef>>();
for (const f of Object.values(FORMATS)) byId.set(f.id, new Map(f.cells.map((c) => [c.id, c])));

export function cellDef(format: FormatId, id: string): CellDef | undefined {
  return byId.get(format)?.get(id.replace(/\.cumulative$/, ''));
}

/** The cell in the form's own words: 表三·自然人·（七）总计, 表三·（三）不予公开·1.属于国家秘密·自然人. */
export function cellLabel(format: FormatId, id: string): string {
  const c = cellDef(format, id);
  if (!c) return id;
  const parts = [sectionName(format, c.section)];
  if (c.group) parts.push(c.group);
  parts.push(c.row);
  if (c.col) parts.push(c.col);
  if (id.endsWith('.cumulative')) parts.push('历年累计');
  return parts.filter(Boolean).join('·');
}
