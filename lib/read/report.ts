import { FORMATS, cellLabel, sectionHolds, sectionTitle } from '../formats/index';
import type { FormatId } from '../formats/types';
import type { ReadProblem, Report } from '../report';
import { detectFormat, detectHeading, formatYearProblem } from './detect';
import { recogniseLocal } from './local';
import { recogniseGrid } from './recognise-grid';
import { recogniseLines } from './recognise-lines';
import type { Tok } from './tokens';
import { severalYears } from './years';

export interface Source {
  source: string;
  tokens: Tok[];
  /** Tokens come from table rows (HTML) rather than free text. */
  strict: boolean;
  /** Text to find the title, year and body in. */
  headingText: string;
  /** The text outside the statistics tables, computed on demand. */
  narrative: (used: Set<Tok>) => string;
  /** Set by buildReport: where a second report begins (HTML table index). */
  restartAt?: number;
}

/** Turns tokens into a Report: heading, format, cells, and what could not be read. */
export function buildReport(src: Source): Report {
  const heading = detectHeading(src.headingText);
  const several = severalYears(src.tokens, src.strict);
  if (several) return { source: src.source, format: null, year: heading.year, cells: {}, problems: [several], narrative: '' };
  const format: FormatId | null = detectFormat(src.tokens, heading.year);
  const problems: ReadProblem[] = [];
  const report: Report = { source: src.source, format, year: heading.year, cells: {}, problems };
  if (heading.body) report.body = heading.body;
  if (heading.title) report.title = heading.title;
  let used = new Set<Tok>();
  if (!format) {
    problems.push(
      src.tokens.some((t) => t.kind === 'value' || t.kind === 'label')
        ? { code: 'no-report-table', message: '没有找到政府信息公开年度报告的统计表：表格的栏目与任何一种年报格式都对不上' }
        : { code: 'no-table', message: '没有找到任何表格或统计数据' },
    );
  } else if (format === 'local') {
    const r = recogniseLocal(src.tokens);
    report.cells = r.cells;
    used = r.used;
    problems.push(...r.problems);
  } else {
    const r = (src.strict ? recogniseGrid : recogniseLines)(src.tokens, FORMATS[format]);
    if (r.restartAt !== undefined) src.restartAt = r.restartAt;
    report.cells = r.cells;
    used = r.used;
    problems.push(...r.problems);
    for (const sec of FORMATS[format].sections) {
      if (!Object.keys(r.cells).some((id) => sectionHolds(sec, id))) {
        problems.push({ code: 'missing-section', message: `没有读到${sectionTitle(sec)}的数据` });
        continue;
      }
      if (sec.quirks?.someRowsOnly) continue;
      const missing = sec.rows.filter((row) => !sec.cols.some((c) => r.cells[sec.cellId(row.id, c.id)]));
      // a gov2021 table may collapse （六） into one row (apply.other.*)
      const collapsed = sec.cols.some((c) => r.cells[sec.cellId('other', c.id)]);
      const gone = missing.filter((row) => !(collapsed && row.group === 'other'));
      if (gone.length)
        problems.push({
          code: 'missing-rows',
          message: `${sectionTitle(sec)}缺少${gone.length}行：${gone.slice(0, 3).map((row) => row.label).join('、')}${gone.length > 3 ? '等' : ''}`,
        });
    }
  }
  if (format && !Object.keys(report.cells).length && !problems.some((p) => p.code === 'missing-section'))
    problems.push({ code: 'empty', message: '表格中没有任何数值' });
  const fy = formatYearProblem(format, heading.year);
  if (fy) problems.push(fy);
  if (heading.year === null) problems.push({ code: 'no-year', message: '没有从标题或统计期限中读出报告年度' });
  const bad = Object.values(report.cells).filter((c) => c.unreadable);
  if (bad.length && format)
    problems.push({
      code: 'unreadable',
      message: `以下单元格的内容不是数字：${bad.map((c) => `${cellLabel(format, c.id)}「${c.raw}」`).join('；')}`,
    });
  let narrative: string | undefined;
  Object.defineProperty(report, 'narrative', {
    enumerable: true,
    configurable: true,
    get: () => (narrative ??= src.narrative(used)),
    set: (v: string) => {
      narrative = v;
    },
  });
  return report;
}
