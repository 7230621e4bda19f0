import { t } from '@/lib/i18n';
import { cellLabel } from '@/lib/formats';
import type { FormatId } from '@/lib/formats/types';
import { SEVERITY_RANK, bySeverity, type Finding, type Severity } from '@/lib/report';

export interface ListedProblem {
  message: string;
  severity: Severity;
}

export interface CellProblems {
  cell: string;
  label: string;
  /** The worst of its problems. */
  severity: Severity;
  problems: ListedProblem[];
}

/**
 * Findings grouped by the cell their badge sits on, worst first, in the form's own words. One
 * message is listed once per cell (at its worst severity): what is listed is what is counted.
 */
export function groupByCell(findings: readonly Finding[], format: FormatId | null): CellProblems[] {
  const byCell = new Map<string, CellProblems>();
  for (const f of findings) {
    const cell = f.target ?? f.cells[0] ?? '';
    let g = byCell.get(cell);
    if (!g) {
      g = { cell, label: format && cell ? cellLabel(format, cell) : t('sheet.wholeTable'), severity: f.severity, problems: [] };
      byCell.set(cell, g);
    }
    if (SEVERITY_RANK[f.severity] < SEVERITY_RANK[g.severity]) g.severity = f.severity;
    const same = g.problems.find((p) => p.message === f.message);
    if (!same) g.problems.push({ message: f.message, severity: f.severity });
    else if (SEVERITY_RANK[f.severity] < SEVERITY_RANK[same.severity]) same.severity = f.severity;
  }
  for (const g of byCell.values()) g.problems.sort(bySeverity);
  return [...byCell.values()].sort(bySeverity);
}

/** How many listed problems of each severity: the counts shown above the list. */
export function countListed(groups: readonly CellProblems[]): Record<Severity, number> {
  const n: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const g of groups) for (const p of g.problems) n[p.severity]++;
  return n;
}
