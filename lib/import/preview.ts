import { FORMATS } from '../formats';
import type { Finding, Values } from '../report';
import { check } from '../check';
import type { NewReport } from '../store';
import { t } from '../i18n';

/** What the user sees before saving an imported year: values read, cells missing, rules failing. */
export interface Candidate {
  report: NewReport;
  /** Cells read with a number. */
  read: string[];
  /** Cells the table has but left blank (/, -, 无 …). */
  blank: string[];
  /** Cells of the format the source does not have at all. */
  missing: string[];
  /** Rules that already fail in this data on its own (强制性 and 核实性 only). */
  findings: Finding[];
  /** Notes from the reader (partial table, unreadable cells …). */
  problems: string[];
}

/** gov2021 tables that use gov2019's single （六）其他处理 row do not miss its three sub-rows. */
function expectedCells(format: NewReport['format'], values: Values): string[] {
  const ids = FORMATS[format].cells.map((c) => c.id);
  const singleOther = Object.keys(values).some((id) => /^apply\.other\.[a-zA-Z]+$/.test(id));
  return singleOther ? ids.filter((id) => !/^apply\.other\.(overdueSupplement|overdueFee|misc)\./.test(id)) : ids;
}

export function preview(report: NewReport, problems: string[] = []): Candidate {
  const read: string[] = [];
  const blank: string[] = [];
  for (const [id, v] of Object.entries(report.values)) (v === null ? blank : read).push(id);
  const missing = expectedCells(report.format, report.values).filter((id) => !(id in report.values));
  let findings: Finding[] = [];
  try {
    findings = (check(report)?.findings ?? []).filter((f) => f.severity !== 'info');
  } catch {
    problems = [...problems, t('import.previewFailed')];
  }
  return { report, read, blank, missing, findings, problems };
}
