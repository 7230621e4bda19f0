import type { CheckInput, Report } from '../report';

/**
 * What the rule engine needs of a read report: values, plus the text of cells that could not be
 * read as numbers (DOM-INT / DOM-AMT name it), body and narrative. Null when no format was found.
 */
export function inputOf(report: Report): CheckInput | null {
  if (!report.format) return null;
  const values: CheckInput['values'] = {};
  let raw: Record<string, string> | undefined;
  for (const id in report.cells) {
    const c = report.cells[id]!;
    values[id] = c.value;
    if (c.unreadable) (raw ??= {})[id] = c.raw;
  }
  const input: CheckInput = { format: report.format, year: report.year, values };
  if (raw) input.raw = raw;
  if (report.body) input.body = report.body;
  if (report.narrative) input.narrative = report.narrative;
  return input;
}
