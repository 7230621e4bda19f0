import type { ReadProblem } from '../report';
import type { Tok } from './tokens';
import { t as say } from '../i18n';

/** A column header that is only a year: 2023年, 2024年度, 2024年数据. */
const YEAR_HEADER = /^((?:19|20)\d{2})年度?(?:数据|数值|情况)?$/;
/** A column of differences between two years. */
const DIFFERENCE_HEADER = /^(?:差异|差额|差值|增减|增减数|变化|变动|同比增减|比上年增减|较上年增减)(?:数|情况|值)?$/;
/** The first row of 表三 in every format since 2019: it begins each report's application table once. */
const FIRST_APPLY_ROW = /^一、?本年新收/;

/**
 * A document holding more than one year's tables (2023 and 2024 side by side with a 差异 column,
 * or one report after the other) must never be read as one report. Such a document is refused
 * with a plain reason; null when the tokens are one report's. `strict`: tokens of HTML tables.
 */
export function severalYears(tokens: readonly Tok[], strict: boolean): ReadProblem | null {
  const perRow = new Map<number, number>();
  for (const t of tokens) perRow.set(t.row, (perRow.get(t.row) ?? 0) + 1);
  const years = new Set<string>();
  let difference = false;
  let applyTables = 0;
  for (const t of tokens) {
    if (t.kind !== 'label' || !t.norm || t.norm.length > 40) continue;
    // headers sit in a table row beside other cells (a title's 2023年 on a line of its own is not one)
    const header = perRow.get(t.row)! >= 2;
    const y = header ? YEAR_HEADER.exec(t.norm) : null;
    if (y) years.add(y[1]!);
    if (header && DIFFERENCE_HEADER.test(t.norm)) difference = true;
    if (FIRST_APPLY_ROW.test(t.norm) && !t.copy) applyTables++;
  }
  const named = [...years].sort();
  if (named.length >= 2 || (difference && named.length >= 1))
    return {
      code: 'several-years',
      message: say('read.years.compared', {
        years: named.length >= 2 ? named.map((year) => say('read.years.year', { year })).join(say('read.years.and')) : say('read.years.two'),
        difference: difference ? say('read.years.difference') : '',
      }),
    };
  // HTML pages are split into their reports where cells repeat (./dom); text has no such boundary
  if (applyTables >= 2 && !strict)
    return {
      code: 'several-years',
      message: say('read.years.several'),
    };
  return null;
}
