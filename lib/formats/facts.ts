import type { FormatDef, FormatId, SectionDef } from './types';
import { traditionalSpellings } from './traditional';

/** The format by name and basis, for people: 2021年版统计表（国办公开办函〔2021〕30号）. */
export function formatTitle(f: FormatDef): string {
  return `${f.name}（${f.basis}）`;
}

/** A section by name and topic, for reading problems: 表三（收到和处理政府信息公开申请情况）; 统计表 (bare title). */
export function sectionTitle(s: SectionDef): string {
  if (s.quirks?.bareTitle) return s.name;
  return `${s.name}（${s.title.replace(/^[一二三四五六七八九十]+、/, '')}）`;
}

const sectionIds = new WeakMap<SectionDef, Set<string>>();

/** Whether a canonical cell id is one of the section's: a row's or a group row's, in any of its columns. */
export function sectionHolds(s: SectionDef, id: string): boolean {
  let ids = sectionIds.get(s);
  if (!ids) {
    const rows = [...s.rows.map((r) => r.id), ...(s.groups ?? []).map((g) => g.id)];
    ids = new Set(rows.flatMap((r) => s.cols.map((c) => s.cellId(r, c.id))));
    sectionIds.set(s, ids);
  }
  return ids.has(id);
}

export interface Supersession {
  severity: 'error' | 'warning';
  /** The format due in the report year. */
  current: FormatDef;
}

/**
 * P-FORMAT, decided once: a report year after the format's years, followed along `superseded.by`
 * to the format due that year. Null when the format is not superseded in that year.
 */
export function supersession(formats: Record<FormatId, FormatDef>, format: FormatId, year: number | null): Supersession | null {
  const f = formats[format];
  if (year === null || !f.superseded || year <= f.years.to) return null;
  let current = formats[f.superseded.by];
  for (let n = 0; year > current.years.to && current.superseded && n < 8; n++) current = formats[current.superseded.by];
  return { severity: f.superseded.severity, current };
}

/** The live page's pre-filter: any word any format declares, in simplified or traditional characters. */
export function prefilterPattern(formats: Record<FormatId, FormatDef>): RegExp {
  // literal alternatives only (the simplified and the traditional spelling): the fastest search
  const words = new Set(Object.values(formats).flatMap((f) => f.prefilter.flatMap((w) => [w, ...traditionalSpellings(w)])));
  return new RegExp([...words].map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));
}
