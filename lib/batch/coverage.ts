import { nameKey, nameScore } from './names';
import type { BatchRow } from './types';

/**
 * The supervised bodies from a pasted or imported list: one name per line, or a CSV whose name
 * column is the one headed 单位/名称/机关 (else the first). Blank lines, a header and repeats dropped.
 */
export function parseBodies(text: string): string[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  if (!lines.length) return [];
  const csv = lines.some((l) => /[,，\t]/.test(l));
  let col = 0;
  let start = 0;
  const cells = (l: string) => (csv ? l.split(/[,，\t]/).map((c) => c.trim().replace(/^"|"$/g, '')) : [l]);
  const head = cells(lines[0]!);
  const named = head.findIndex((c) => /单位|名称|机关|部门/.test(c));
  if (named >= 0 && head.every((c) => !/政府|局|委|办|镇|街道|乡|中心|院/.test(c) || /名称/.test(c))) {
    col = named;
    start = 1;
  } else if (/^(?:序号|编号|名称|单位)$/.test(head[0] ?? '')) start = 1;
  const out: string[] = [];
  const seen = new Set<string>();
  for (const l of lines.slice(start)) {
    const name = cells(l)[col]?.trim();
    if (!name || /^\d+$/.test(name)) continue;
    const key = nameKey(name);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return out;
}

export interface Coverage {
  year: number | null;
  /** Each listed body with the report rows found for it (by name, or matched by hand). */
  covered: { name: string; rows: string[]; manual: boolean }[];
  /** Listed bodies with no report for the year. */
  missing: string[];
  /** Reports of the year whose body is not on the list (candidates for a manual match). */
  unlisted: string[];
}

/** The year most reports are for: the year coverage is asked about when none is given. */
export function mainYear(rows: readonly BatchRow[]): number | null {
  const n = new Map<number, number>();
  for (const r of rows) if (r.year !== null) n.set(r.year, (n.get(r.year) ?? 0) + 1);
  return [...n].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? null;
}

/**
 * Who has no report for the year: each listed body against the bodies of that year's reports,
 * by the one name matcher; `manual` maps a listed name to a row id the supervisor matched by hand.
 */
export function coverage(bodies: readonly string[], rows: readonly BatchRow[], opts: { year?: number | null; manual?: Readonly<Record<string, string>> } = {}): Coverage {
  const year = opts.year === undefined ? mainYear(rows) : opts.year;
  const ofYear = rows.filter((r) => r.state !== 'grey' && (year === null || r.year === year));
  const used = new Set<string>();
  const covered: Coverage['covered'] = [];
  const missing: string[] = [];
  for (const name of bodies) {
    const hand = opts.manual?.[name];
    if (hand && rows.some((r) => r.id === hand)) {
      covered.push({ name, rows: [hand], manual: true });
      used.add(hand);
      continue;
    }
    const scored = ofYear.map((r) => ({ r, s: r.body ? nameScore(name, r.body) : 0 })).filter((x) => x.s > 0);
    const top = Math.max(0, ...scored.map((x) => x.s));
    const found = scored.filter((x) => x.s === top).map((x) => x.r.id);
    if (found.length) {
      covered.push({ name, rows: found, manual: false });
      for (const id of found) used.add(id);
    } else missing.push(name);
  }
  return { year, covered, missing, unlisted: ofYear.filter((r) => !used.has(r.id)).map((r) => r.id) };
}
