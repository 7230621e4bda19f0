import { normalizeLabel } from '../formats/index';
import type { FormatDef, RowDef, SectionDef } from '../formats/types';
import { isSentence, labelShaped, numbering, numberingOfNorm } from './labels';

// The label catalogue: what each label text means in a format, independent of where it is read.

/** A row of the catalogue, or a group row read with values (（六）其他处理 collapsed, （三） subtotal). */
export interface RowRef {
  si: number;
  sec: SectionDef;
  def: RowDef;
  order: number;
  num: string;
}

/** What a label means in a format, independent of reading position; cached per label text. */
export interface LabelInfo {
  rows: RowRef[];
  num: string;
  /** Column header match per section index (first section that has one). */
  header: { si: number; id: string }[];
  groups: { si: number; id: string }[];
  titles: number[];
  shaped: boolean;
  sentence: boolean;
}

export interface Catalogue {
  rows: RowRef[];
  labels: Map<string, LabelInfo>;
}

const catalogues = new WeakMap<FormatDef, Catalogue>();

export function catalogue(format: FormatDef): Catalogue {
  let c = catalogues.get(format);
  if (!c) {
    const rows: RowRef[] = [];
    format.sections.forEach((sec, si) =>
      sec.rows.forEach((def) => rows.push({ si, sec, def, order: rows.length, num: numbering(def.label) })),
    );
    c = { rows, labels: new Map() };
    catalogues.set(format, c);
  }
  return c;
}

export function labelInfo(format: FormatDef, cat: Catalogue, norm: string): LabelInfo {
  let info = cat.labels.get(norm);
  if (info) return info;
  const sections = format.sections;
  const num = numberingOfNorm(norm);
  const header: LabelInfo['header'] = [];
  if (norm.length <= 14 && !num)
    sections.forEach((sec, si) => {
      const c = sec.cols.find((col) => col.match.test(norm));
      if (c) header.push({ si, id: c.id });
      else if (sec.quirks?.subtotal?.match.test(norm)) header.push({ si, id: 'extra' });
      else if (sec.quirks?.oneRow && norm.length <= 8 && sec.rows.some((r) => r.match.test(norm))) header.push({ si, id: 'group' });
    });
  const groups: LabelInfo['groups'] = [];
  sections.forEach((sec, si) => {
    for (const g of sec.groups ?? []) if (g.match.test(norm)) groups.push({ si, id: g.id });
  });
  const rows = cat.rows.filter((r) => r.def.match.test(norm));
  info = {
    rows,
    num,
    header,
    groups,
    titles: norm.length <= 40 ? sections.flatMap((sec, si) => (sec.titleMatch.test(norm) ? [si] : [])) : [],
    // a numbered catalogue row stays a label with an ASCII comma in it (「1.…逾期不补正, 行政机关…」)
    shaped: labelShaped(norm) || (!!num && rows.some((r) => r.num === num) && norm.length <= 60 && !/[。;!?]/.test(norm)),
    sentence: isSentence(norm),
  };
  if (cat.labels.size > 5000) cat.labels.clear();
  cat.labels.set(norm, info);
  return info;
}

/** Characters pairs of a label, for a near match. */
function pairs(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) out.add(s.slice(i, i + 2));
  return out;
}

/**
 * A label no stem matches (「2.其他法律行政止公开」, a character missing) is taken for the catalogue
 * row at the same position of the official order — same group, same item number, not yet read —
 * when most of its character pairs agree with that row's label.
 */
export function nearMatch(cat: Catalogue, info: LabelInfo, norm: string, secIdx: number, group: string | undefined, filled: ReadonlySet<string>): RowRef[] {
  if (!info.num || !group) return [];
  const row = cat.rows.find((r) => r.si === secIdx && r.def.group === group && r.num === info.num && !filled.has(r.def.id + '@' + r.si));
  if (!row) return [];
  const want = pairs(normalizeLabel(row.def.label).slice(info.num.length));
  const have = pairs(norm.slice(info.num.length));
  let common = 0;
  for (const p of have) if (want.has(p)) common++;
  return common >= 2 && common / Math.max(want.size, have.size) >= 0.5 ? [row] : [];
}
