import { csvText, splitCsv, unneutralise } from '../csv';
import { LOCALES, localDateTime, sourceText, t, type MessageKey } from '../i18n';
import { plainError } from '../plain-error';
import { cellName, cellOfName, formatOfName, tableOrder } from './cell-names';
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
    return { entries: [], problems: [t('error.withWhat', { what: t('import.jsonUnreadable'), why: plainError(e) })] };
  }
  let list: unknown[];
  const file = ExportFile.safeParse(data);
  if (file.success) list = file.data.reports;
  else if (isObj(data) && Array.isArray(data.reports)) list = data.reports;
  else if (Array.isArray(data)) list = data;
  else if (isObj(data) && 'values' in data) list = [data];
  else return { entries: [], problems: [t('exchange.foreignJson')] };
  if (!list.length) return { entries: [], problems: [t('exchange.noReports')] };
  const entries: JsonEntry[] = [];
  const problems: string[] = [];
  list.forEach((raw, i) => {
    const e = entryOf(raw, i + 1);
    if (typeof e === 'string') problems.push(t('exchange.entryNotImported', { n: i + 1, why: e }));
    else entries.push(e);
  });
  return { entries, problems };
}

function entryOf(raw: unknown, n: number): JsonEntry | string {
  if (!isObj(raw)) return t('exchange.notAReport');
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
  if (!isObj(raw.values)) return t('exchange.noValues');
  const problems: string[] = [];
  const format = FORMAT_IDS.includes(raw.format as FormatId) ? (raw.format as FormatId) : null;
  if (!format) problems.push(t('exchange.noFormat', { n }));
  const numbers: Values = {};
  for (const [id, v] of Object.entries(raw.values)) {
    if (v === null || (typeof v === 'number' && Number.isFinite(v))) numbers[id] = v;
    else problems.push(t('exchange.notNumber', { cell: id.slice(0, 40), value: String(v).slice(0, 40) }));
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
  return [t('exchange.unread', { n: unread.length, format: FORMATS[format].name, names, more: unread.length > 5 ? t('exchange.unreadMore') : '' })];
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
    else problems.push(t('exchange.entryNotImported', { n: e.n, why: up.reason }));
  }
  return { reports, problems };
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export { neutralise, splitCsv } from '../csv';

// ---- CSV: one row per cell in the printed table's order, named in the form's words, so a clerk can read it ----

const COLUMNS = ['body', 'site', 'year', 'format', 'table', 'item', 'value', 'source', 'savedAt'] as const;
type Col = (typeof COLUMNS)[number] | 'cell';
const HEAD: Record<(typeof COLUMNS)[number], MessageKey> = {
  body: 'csv.col.body', site: 'csv.col.site', year: 'csv.col.year', format: 'csv.col.format', table: 'csv.col.table',
  item: 'csv.col.item', value: 'csv.col.value', source: 'csv.col.source', savedAt: 'csv.col.savedAt',
};
/** `source` as saved → as written for people; the other sources (addresses, file names) are written as they are. */
const SOURCE_PAGE = 'page';

/** UTF-8 with BOM and CRLF, as Excel/WPS expect. */
export function toCsv(reports: readonly SavedReport[]): string {
  const lines: string[][] = [COLUMNS.map((c) => t(HEAD[c]))];
  for (const r of reports) {
    const order = tableOrder(r.format);
    const cells = Object.entries(r.values).sort(([x], [y]) => order(x) - order(y));
    for (const [cell, value] of cells) {
      const { table, item } = cellName(r.format, cell);
      const row: Record<(typeof COLUMNS)[number], string> = {
        body: r.body, site: r.site, year: String(r.year), format: FORMATS[r.format].name, table, item,
        value: value === null ? '' : String(value), source: sourceText(r.source),
        savedAt: localDateTime(r.savedAt, true),
      };
      lines.push(COLUMNS.map((k) => row[k]));
    }
  }
  return csvText(lines);
}

/** Headers in any locale, and those of older exports (单元格编号 = the cell id, 项目 = the whole label). */
const HEADER: Record<string, Col> = Object.fromEntries([
  ...COLUMNS.flatMap((k) => [[k.toLowerCase(), k], ...Object.values(LOCALES).map((m) => [m[HEAD[k]].toLowerCase(), k])]),
  ['cell', 'cell'], ['单元格编号', 'cell'], ['label', 'item'],
]);

export function parseCsv(text: string, defaults: Defaults = {}): ParsedFile {
  const rows = splitCsv(text);
  if (!rows) return { reports: [], problems: [t('exchange.csvQuotes')] };
  const [head, ...body] = rows;
  const cols = (head ?? []).map((h) => HEADER[h.trim().toLowerCase()]);
  const at = (c: Col) => cols.indexOf(c);
  if ((at('cell') < 0 && at('item') < 0) || at('value') < 0) return { reports: [], problems: [t('csv.error.columns')] };

  const fileFormat = at('format') < 0 ? guessFormat(body.map((r) => (r[at('cell')] ?? '').trim())) : null;
  const groups = new Map<string, { body: string; site: string; year: number; format: string; source: string; savedAt: string; values: Values; unread: Unread[] }>();
  const problems: string[] = [];
  body.forEach((r, i) => {
    const get = (c: Col) => (at(c) >= 0 ? unneutralise((r[at(c)] ?? '').trim()) : '');
    const yearText = get('year');
    const year = yearText ? Number(yearText) : defaults.year;
    const who = get('body');
    const format = (get('format') && formatOfName(get('format'))) || get('format') || fileFormat || FORMAT_IDS[0];
    const raw = get('value').replace(/,/g, '');
    const value = raw === '' ? null : Number(raw);
    if (value !== null && !Number.isFinite(value)) {
      problems.push(t('exchange.csvNotNumber', { row: i + 2, value: get('value') }));
      return;
    }
    const key = [who, get('site') || defaults.site || '', year, format].join('\u0000');
    let g = groups.get(key);
    if (!g) {
      const source = get('source');
      g = {
        body: who, site: get('site') || defaults.site || '', year: year ?? NaN, format,
        source: Object.values(LOCALES).some((m) => m['csv.source.page'] === source) ? SOURCE_PAGE : source || 'CSV', savedAt: isoOf(get('savedAt')), values: {}, unread: [],
      };
      groups.set(key, g);
    }
    const known = (FORMAT_IDS as readonly string[]).includes(format);
    const cell = get('cell') || (known && cellOfName(format as FormatId, get('table'), get('item'))) || [get('table'), get('item')].filter(Boolean).join('·');
    if ((FORMAT_IDS as readonly string[]).includes(format) && !isCatalogued(format as FormatId, cell)) g.unread.push({ cell: cell.slice(0, 200), value: get('value').slice(0, 200) });
    else g.values[cell] = value;
  });
  const reports: SavedReport[] = [];
  for (const { unread, ...g } of groups.values()) {
    const up = upgrade({ ...g, body: g.body || NO_BODY, version: STORE_VERSION, savedAt: g.savedAt || new Date().toISOString(), ...(unread.length ? { unread } : {}) });
    const name = t('exchange.csvWhose', { body: g.body || t('exchange.csvNoBody'), year: Number.isFinite(g.year) ? t('exchange.csvYear', { year: g.year }) : '' });
    if (up.ok) {
      reports.push(up.report.body === NO_BODY ? { ...up.report, body: '' } : up.report);
      problems.push(...unreadNote(up.report.format, unread).map((text) => t('exchange.csvIn', { name, text })));
    } else problems.push(t('exchange.csvNotImported', { name, why: up.reason }));
  }
  if (!body.length) problems.push(t('exchange.csvEmpty'));
  return { reports, problems };
}

/** A saved time as written (local 2023-01-20 16:00:00, or ISO from older exports) → ISO; '' when unreadable. */
function isoOf(text: string): string {
  const s = text.trim();
  const local = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(s);
  const d = local ? new Date(+local[1]!, +local[2]! - 1, +local[3]!, +local[4]!, +local[5]!, +(local[6] ?? 0)) : new Date(s);
  return s && !Number.isNaN(d.getTime()) ? d.toISOString() : '';
}

/** A CSV without a 表格式样 column: the ids tell gov2014 (c.*) from the rest; gov2021 otherwise. */
function guessFormat(cells: string[]): FormatId {
  if (cells.some((c) => c.startsWith('c.'))) return 'gov2014';
  if (cells.some((c) => /\.(made|published|publicTotal|prevItems|delta)$/.test(c))) return 'gov2019';
  return FORMAT_IDS[0];
}
