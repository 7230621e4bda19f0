import { FORMATS, cellLabel, sectionHolds, sectionTitle } from '../formats/index';
import type { FormatId } from '../formats/types';
import { t } from '../i18n';
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
  /** Set by buildReport: the cells given by more than one token. */
  repeated?: ReadonlySet<string>;
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
        ? { code: 'no-report-table', message: t('read.report.noReportTable') }
        : { code: 'no-table', message: t('read.report.noTable') },
    );
  } else if (format === 'local') {
    const r = recogniseLocal(src.tokens);
    report.cells = r.cells;
    used = r.used;
    problems.push(...r.problems);
  } else {
    const r = (src.strict ? recogniseGrid : recogniseLines)(src.tokens, FORMATS[format]);
    if (r.restartAt !== undefined) src.restartAt = r.restartAt;
    if (r.repeated) src.repeated = r.repeated;
    report.cells = r.cells;
    used = r.used;
    problems.push(...r.problems);
    for (const sec of FORMATS[format].sections) {
      if (!Object.keys(r.cells).some((id) => sectionHolds(sec, id))) {
        problems.push({ code: 'missing-section', message: t('read.report.missingSection', { section: sectionTitle(sec) }) });
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
          message: t('read.report.missingRows', {
            section: sectionTitle(sec),
            n: gone.length,
            rows: gone.slice(0, 3).map((row) => row.label).join(t('common.enumSeparator')),
            more: gone.length > 3 ? t('read.report.moreRows') : '',
          }),
        });
    }
  }
  if (format && !Object.keys(report.cells).length && !problems.some((p) => p.code === 'missing-section'))
    problems.push({ code: 'empty', message: t('read.report.empty') });
  const fy = formatYearProblem(format, heading.year);
  if (fy) problems.push(fy);
  if (heading.year === null) problems.push({ code: 'no-year', message: t('read.report.noYear') });
  const bad = unreadableProblem(format, report.cells);
  if (bad) problems.push(bad);
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

/** The problem naming the cells whose text is not a number of their kind (always the last of a report's problems); null when none. */
export function unreadableProblem(format: FormatId | null, cells: Report['cells']): ReadProblem | null {
  const bad = Object.values(cells).filter((c) => c.unreadable);
  if (!bad.length || !format) return null;
  return {
    code: 'unreadable',
    message: t('read.report.unreadable', {
      cells: bad.map((c) => t('read.report.unreadableCell', { cell: cellLabel(format, c.id), raw: c.raw })).join(t('common.listSeparator')),
    }),
  };
}
