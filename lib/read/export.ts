import { FORMAT_IDS, type FormatId } from '../formats/types';
import type { Report, ReportCell } from '../report';

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function bad(source: string, message: string): Report[] {
  return [{ source, format: null, year: null, cells: {}, problems: [{ code: 'bad-json', message }] }];
}

/**
 * Reads this extension's JSON: the command line's `--json` output ({"reports":[…]}) and the
 * 导出 file of saved reports (same entries: format, year, values, body, source).
 */
export function readExport(text: string, source: string): Report[] {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return bad(source, `JSON 文件已损坏，无法读取（${(e as Error).message}）`);
  }
  const entries = isObj(data) && Array.isArray(data.reports) ? data.reports : Array.isArray(data) ? data : isObj(data) && 'values' in data ? [data] : null;
  if (!entries) return bad(source, '这个 JSON 文件不是年报助手导出的数据，也不是命令行 --json 的结果');
  if (!entries.length) return bad(source, 'JSON 文件中没有任何报告');
  return entries.map((e, i) => {
    const name = entries.length > 1 ? `${source}#${i + 1}` : source;
    if (!isObj(e) || !isObj(e.values)) return bad(name, `第 ${i + 1} 份报告没有 values（数值）`)[0]!;
    const format = FORMAT_IDS.includes(e.format as FormatId) ? (e.format as FormatId) : null;
    const cells: Record<string, ReportCell> = {};
    const problems: Report['problems'] = [];
    for (const [id, v] of Object.entries(e.values)) {
      if (v === null || (typeof v === 'number' && Number.isFinite(v)))
        cells[id] = { id, value: v, raw: v === null ? '' : String(v), loc: { kind: 'text', start: 0, end: 0 } };
      else problems.push({ code: 'bad-value', message: `${id} 的值「${String(v)}」不是数字，已忽略` });
    }
    if (!format) problems.push({ code: 'no-format', message: `第 ${i + 1} 份报告没有注明表格式样（format）` });
    const r: Report = {
      source: typeof e.source === 'string' && e.source ? e.source : name,
      format,
      year: typeof e.year === 'number' ? e.year : null,
      cells,
      problems,
    };
    if (typeof e.body === 'string' && e.body) r.body = e.body;
    return r;
  });
}
