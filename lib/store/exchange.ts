import { cellLabel } from '../formats';
import { FORMAT_IDS, type FormatId } from '../formats/types';
import type { Values } from '../report';
import { upgrade } from './migrate';
import { ExportFile, STORE_VERSION, type SavedReport } from './schema';

/** JSON and CSV files of saved reports: what 导出 writes and 导入 reads back. */

export interface ParsedFile {
  reports: SavedReport[];
  /** One Chinese line per entry that could not be taken; the others are still returned. */
  problems: string[];
}

/** Fills what a file may lack (the CLI's --json output has no body; a short CSV may have no year). */
export interface Defaults {
  site?: string;
  body?: string;
  year?: number;
}

export function toJson(reports: readonly SavedReport[], exportedAt = new Date().toISOString()): string {
  const file: ExportFile = { app: 'nianbao-zhushou', kind: 'saved-reports', exportedAt, reports: [...reports] };
  return JSON.stringify(file, null, 2);
}

export function parseJson(text: string, defaults: Defaults = {}): ParsedFile {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { reports: [], problems: [`JSON 文件已损坏，无法读取（${(e as Error).message}）`] };
  }
  let entries: unknown[];
  const file = ExportFile.safeParse(data);
  if (file.success) entries = file.data.reports;
  else if (isObj(data) && Array.isArray(data.reports)) entries = data.reports; // command line --json
  else if (Array.isArray(data)) entries = data;
  else if (isObj(data) && 'values' in data) entries = [data];
  else return { reports: [], problems: ['这个 JSON 文件不是年报助手导出的数据，也不是命令行 --json 的结果'] };

  const reports: SavedReport[] = [];
  const problems: string[] = [];
  entries.forEach((entry, i) => {
    const up = upgrade(isObj(entry) && !('version' in entry) ? fromCli(entry, defaults) : entry);
    if (up.ok) reports.push(up.report);
    else problems.push(`第 ${i + 1} 份报告未导入：${up.reason}`);
  });
  if (!entries.length) problems.push('文件中没有任何报告');
  return { reports, problems };
}

/** An entry of `check --json` output: {source, year, format, values, body?}. */
function fromCli(e: Record<string, unknown>, d: Defaults): unknown {
  return {
    version: STORE_VERSION,
    site: d.site ?? '',
    body: typeof e.body === 'string' && e.body ? e.body : (d.body ?? ''),
    year: typeof e.year === 'number' ? e.year : d.year,
    format: e.format,
    values: e.values,
    source: typeof e.source === 'string' ? e.source : 'JSON',
    savedAt: new Date().toISOString(),
  };
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

// ---- CSV: one row per cell, so a spreadsheet user can read and fix it ----

const COLUMNS = [
  ['body', '单位名称'],
  ['site', '网站'],
  ['year', '年度'],
  ['format', '表格式样'],
  ['cell', '单元格编号'],
  ['label', '项目'],
  ['value', '数值'],
  ['source', '来源'],
  ['savedAt', '保存时间'],
] as const;
type Col = (typeof COLUMNS)[number][0];

const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** UTF-8 with BOM and CRLF, as Excel/WPS expect. */
export function toCsv(reports: readonly SavedReport[]): string {
  const lines = [COLUMNS.map((c) => c[1]).join(',')];
  for (const r of reports) {
    for (const [cell, value] of Object.entries(r.values)) {
      const row: Record<Col, string> = {
        body: r.body, site: r.site, year: String(r.year), format: r.format, cell,
        label: cellLabel(r.format, cell), value: value === null ? '' : String(value), source: r.source, savedAt: r.savedAt,
      };
      lines.push(COLUMNS.map(([k]) => quote(row[k])).join(','));
    }
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/** RFC 4180 records (quoted fields may hold commas, quotes and line breaks). */
export function splitCsv(text: string): string[][] | null {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const s = text.replace(/^\uFEFF/, '');
  while (i < s.length) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') (field += '"'), (i += 2);
      else if (ch === '"') (quoted = false), i++;
      else (field += ch), i++;
      continue;
    }
    if (ch === '"' && field === '') (quoted = true), i++;
    else if (ch === ',') row.push(field), (field = ''), i++;
    else if (ch === '\r' || ch === '\n') {
      row.push(field), (field = '');
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
      i += ch === '\r' && s[i + 1] === '\n' ? 2 : 1;
    } else (field += ch), i++;
  }
  if (quoted) return null;
  row.push(field);
  if (row.some((f) => f !== '')) rows.push(row);
  return rows;
}

const HEADER: Record<string, Col> = Object.fromEntries(COLUMNS.flatMap(([k, zh]) => [[k.toLowerCase(), k], [zh, k]]));

export function parseCsv(text: string, defaults: Defaults = {}): ParsedFile {
  const rows = splitCsv(text);
  if (!rows) return { reports: [], problems: ['CSV 文件的引号没有配对，文件可能已损坏'] };
  const [head, ...body] = rows;
  const cols = (head ?? []).map((h) => HEADER[h.trim().toLowerCase()] ?? HEADER[h.trim()]);
  const at = (c: Col) => cols.indexOf(c);
  if (at('cell') < 0 || at('value') < 0)
    return { reports: [], problems: ['CSV 文件缺少「单元格编号」和「数值」两列，无法识别（请使用本扩展导出的 CSV 格式）'] };

  const fileFormat = at('format') < 0 ? guessFormat(body.map((r) => (r[at('cell')] ?? '').trim())) : '';
  const groups = new Map<string, { body: string; site: string; year: number; format: string; source: string; savedAt: string; values: Values }>();
  const problems: string[] = [];
  body.forEach((r, i) => {
    const get = (c: Col) => (at(c) >= 0 ? (r[at(c)] ?? '').trim() : '');
    const yearText = get('year');
    const year = yearText ? Number(yearText) : defaults.year;
    const who = get('body') || defaults.body || '';
    const format = get('format') || fileFormat;
    const raw = get('value').replace(/,/g, '');
    const value = raw === '' ? null : Number(raw);
    if (value !== null && !Number.isFinite(value)) {
      problems.push(`第 ${i + 2} 行的数值「${get('value')}」不是数字，已跳过`);
      return;
    }
    const key = [who, get('site') || defaults.site || '', year, format].join('\u0000');
    let g = groups.get(key);
    if (!g) {
      g = { body: who, site: get('site') || defaults.site || '', year: year ?? NaN, format, source: get('source') || 'CSV', savedAt: get('savedAt'), values: {} };
      groups.set(key, g);
    }
    g.values[get('cell')] = value;
  });
  const reports: SavedReport[] = [];
  for (const g of groups.values()) {
    const up = upgrade({ ...g, version: STORE_VERSION, savedAt: g.savedAt || new Date().toISOString() });
    if (up.ok) reports.push(up.report);
    else problems.push(`「${g.body || '未写单位名称'}」${Number.isFinite(g.year) ? g.year + ' 年' : ''}的数据未导入：${up.reason}`);
  }
  if (!body.length) problems.push('CSV 文件中没有数据行');
  return { reports, problems };
}

/** A CSV without a 表格式样 column: the ids tell gov2014 (c.*) from the rest; gov2021 otherwise. */
function guessFormat(cells: string[]): FormatId {
  if (cells.some((c) => c.startsWith('c.'))) return 'gov2014';
  if (cells.some((c) => /\.(made|published|publicTotal|prevItems|delta)$/.test(c))) return 'gov2019';
  return FORMAT_IDS[0];
}
