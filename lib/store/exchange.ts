import { cellLabel } from '../formats';
import { isCatalogued } from '../formats/catalogue';
import { FORMATS } from '../formats';
import { FORMAT_IDS, type FormatId } from '../formats/types';
import type { Values } from '../report';
import { upgrade } from './migrate';
import { ExportFile, STORE_VERSION, type SavedReport, type Unread } from './schema';

/** JSON and CSV files of saved reports: what 导出 writes and 导入 reads back. */

export interface ParsedFile {
  /** `body` is '' when the file names no office: the import asks for it, never assumes the clerk's own. */
  reports: SavedReport[];
  /** One Chinese line per entry or cell that could not be taken; the others are still returned. */
  problems: string[];
}

/** Fills what a file may lack (a short CSV may have no year, an import from a site page has its site). Never the body. */
export interface Defaults {
  site?: string;
  year?: number;
}

export function toJson(reports: readonly SavedReport[], exportedAt = new Date().toISOString()): string {
  const file: ExportFile = { app: 'nianbao-zhushou', kind: 'saved-reports', exportedAt, reports: [...reports] };
  return JSON.stringify(file, null, 2);
}

/** One report of a JSON file as read, before anything is required of it. */
export interface JsonEntry {
  /** 1-based position in the file. */
  n: number;
  /** Present when the entry is a saved record (this extension's export); already upgraded. */
  saved?: SavedReport;
  site: string;
  body: string;
  year: number | null;
  format: FormatId | null;
  values: Values;
  unread: Unread[];
  source: string | null;
  title?: string;
  problems: string[];
}

/**
 * The one reader of this extension's JSON: the 导出 file of saved reports and the command line's
 * `--json` output ({"reports":[…]}, entries {source, year, format, values, body?}). Never throws.
 */
export function readJson(text: string): { entries: JsonEntry[]; problems: string[] } {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { entries: [], problems: [`JSON 文件已损坏，无法读取（${(e as Error).message}）`] };
  }
  let list: unknown[];
  const file = ExportFile.safeParse(data);
  if (file.success) list = file.data.reports;
  else if (isObj(data) && Array.isArray(data.reports)) list = data.reports;
  else if (Array.isArray(data)) list = data;
  else if (isObj(data) && 'values' in data) list = [data];
  else return { entries: [], problems: ['这个 JSON 文件不是年报助手导出的数据，也不是命令行 --json 的结果'] };
  if (!list.length) return { entries: [], problems: ['文件中没有任何报告'] };
  const entries: JsonEntry[] = [];
  const problems: string[] = [];
  list.forEach((raw, i) => {
    const e = entryOf(raw, i + 1);
    if (typeof e === 'string') problems.push(`第 ${i + 1} 份报告未导入：${e}`);
    else entries.push(e);
  });
  return { entries, problems };
}

function entryOf(raw: unknown, n: number): JsonEntry | string {
  if (!isObj(raw)) return '不是一份报告';
  if ('version' in raw) {
    // A saved record may lack its body only when the clerk never gave one: ask, do not refuse.
    const noBody = raw.body === '' || raw.body === undefined;
    const up = upgrade(noBody && raw.version === STORE_VERSION ? { ...raw, body: NO_BODY } : raw);
    if (!up.ok) return up.reason;
    const r = noBody && up.report.body === NO_BODY ? { ...up.report, body: '' } : up.report;
    const { values, unread } = splitCatalogued(r.format, r.values);
    const problems = unreadNote(r.format, unread);
    return { n, saved: { ...r, values, ...(unread.length ? { unread } : {}) }, site: r.site, body: r.body, year: r.year, format: r.format, values, unread, source: r.source, ...(r.title ? { title: r.title } : {}), problems };
  }
  if (!isObj(raw.values)) return '没有 values（数值）';
  const problems: string[] = [];
  const format = FORMAT_IDS.includes(raw.format as FormatId) ? (raw.format as FormatId) : null;
  if (!format) problems.push(`第 ${n} 份报告没有注明表格式样（format）`);
  const numbers: Values = {};
  for (const [id, v] of Object.entries(raw.values)) {
    if (v === null || (typeof v === 'number' && Number.isFinite(v))) numbers[id] = v;
    else problems.push(`${id} 的值「${String(v).slice(0, 40)}」不是数字，已忽略`);
  }
  const { values, unread } = format ? splitCatalogued(format, numbers) : { values: numbers, unread: [] };
  if (format) problems.push(...unreadNote(format, unread));
  return {
    n, site: typeof raw.site === 'string' ? raw.site : '', body: typeof raw.body === 'string' ? raw.body.trim() : '',
    year: typeof raw.year === 'number' ? raw.year : null, format, values, unread,
    source: typeof raw.source === 'string' && raw.source ? raw.source : null, problems,
  };
}

/** Stands in for a missing body while the rest of a saved record is validated. */
const NO_BODY = '\u0000';

/** Values whose ids the format's catalogue has; the rest go to `unread`, never into the figures. */
export function splitCatalogued(format: FormatId, all: Readonly<Record<string, number | string | null>>): { values: Values; unread: Unread[] } {
  const values: Values = {};
  const unread: Unread[] = [];
  for (const [cell, v] of Object.entries(all)) {
    if (isCatalogued(format, cell) && (v === null || typeof v === 'number')) values[cell] = v;
    else unread.push({ cell: cell.slice(0, 200), value: v === null ? '' : String(v).slice(0, 200) });
  }
  return { values, unread };
}

function unreadNote(format: FormatId, unread: readonly Unread[]): string[] {
  if (!unread.length) return [];
  const names = unread.slice(0, 5).map((u) => `「${u.cell.slice(0, 40)}」`).join('、');
  return [`有 ${unread.length} 个单元格编号不属于${FORMATS[format].name}（${names}${unread.length > 5 ? ' 等' : ''}），这些数值没有导入，只记在「未读取」中`];
}


export function parseJson(text: string, defaults: Defaults = {}): ParsedFile {
  const read = readJson(text);
  const reports: SavedReport[] = [];
  const problems = [...read.problems];
  for (const e of read.entries) {
    problems.push(...e.problems);
    if (e.saved) {
      reports.push(e.saved);
      continue;
    }
    const candidate = {
      version: STORE_VERSION, site: e.site || defaults.site || '', body: e.body || NO_BODY, year: e.year ?? defaults.year,
      format: e.format, values: e.values, source: e.source ?? 'JSON', savedAt: new Date().toISOString(),
      ...(e.unread.length ? { unread: e.unread } : {}),
    };
    const up = upgrade(candidate);
    if (up.ok) reports.push(up.report.body === NO_BODY ? { ...up.report, body: '' } : up.report);
    else problems.push(`第 ${e.n} 份报告未导入：${up.reason}`);
  }
  return { reports, problems };
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

/**
 * A cell a spreadsheet would take for a formula (= + - @, tab, CR) gets an apostrophe first (the
 * OWASP rule for CSV injection), then RFC 4180 quoting. Reading strips that apostrophe again.
 */
const FORMULA = /^[=+\-@\t\r]/;
export const neutralise = (s: string) => (FORMULA.test(s) ? `'${s}` : s);
const unneutralise = (s: string) => (s.startsWith("'") && FORMULA.test(s.slice(1)) ? s.slice(1) : s);
const quote = (raw: string) => {
  const s = neutralise(raw);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

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
  const groups = new Map<string, { body: string; site: string; year: number; format: string; source: string; savedAt: string; values: Values; unread: Unread[] }>();
  const problems: string[] = [];
  body.forEach((r, i) => {
    const get = (c: Col) => (at(c) >= 0 ? unneutralise((r[at(c)] ?? '').trim()) : '');
    const yearText = get('year');
    const year = yearText ? Number(yearText) : defaults.year;
    const who = get('body');
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
      g = { body: who, site: get('site') || defaults.site || '', year: year ?? NaN, format, source: get('source') || 'CSV', savedAt: get('savedAt'), values: {}, unread: [] };
      groups.set(key, g);
    }
    const cell = get('cell');
    if ((FORMAT_IDS as readonly string[]).includes(format) && !isCatalogued(format as FormatId, cell)) g.unread.push({ cell: cell.slice(0, 200), value: get('value').slice(0, 200) });
    else g.values[cell] = value;
  });
  const reports: SavedReport[] = [];
  for (const { unread, ...g } of groups.values()) {
    const up = upgrade({ ...g, body: g.body || NO_BODY, version: STORE_VERSION, savedAt: g.savedAt || new Date().toISOString(), ...(unread.length ? { unread } : {}) });
    const name = `「${g.body || '未写单位名称'}」${Number.isFinite(g.year) ? g.year + ' 年' : ''}的数据`;
    if (up.ok) {
      reports.push(up.report.body === NO_BODY ? { ...up.report, body: '' } : up.report);
      problems.push(...unreadNote(up.report.format, unread).map((t) => `${name}中${t}`));
    } else problems.push(`${name}未导入：${up.reason}`);
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
