import type { Report, ReportCell } from '../report';
import { readJson } from '../store/exchange';
import { t as say } from '../i18n';

function bad(source: string, message: string): Report {
  return { source, format: null, year: null, cells: {}, problems: [{ code: 'bad-json', message }] };
}

/**
 * This extension's JSON (the 导出 file and the command line's `--json` output) as reports, read by
 * the store's one JSON reader; cells outside the format's catalogue are reported, not read.
 */
export function readExport(text: string, source: string): Report[] {
  const { entries, problems } = readJson(text);
  if (!entries.length) return [bad(source, problems.join(say('common.listSeparator')) || say('read.json.noReport'))];
  const several = entries.length > 1;
  return entries.map((e) => {
    const name = several ? `${source}#${e.n}` : source;
    const cells: Record<string, ReportCell> = {};
    for (const [id, v] of Object.entries(e.values))
      cells[id] = { id, value: v, raw: v === null ? '' : String(v), loc: { kind: 'text', start: 0, end: 0 } };
    const r: Report = {
      source: e.source || name,
      format: e.format,
      year: e.year,
      cells,
      problems: e.problems.map((message) => ({ code: 'bad-value', message })),
    };
    if (e.body) r.body = e.body;
    return r;
  });
}
