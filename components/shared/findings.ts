import { cellLabel } from '@/lib/formats';
import type { FormatId } from '@/lib/formats/types';
import { SEVERITY_RANK, bySeverity, type Finding } from '@/lib/report';

export interface CellProblems {
  cell: string;
  label: string;
  severity: 'error' | 'warning' | 'info';
  messages: string[];
}

/** Findings grouped by the cell their badge sits on, worst first, in the form's own words. */
export function groupByCell(findings: readonly Finding[], format: FormatId | null): CellProblems[] {
  const byCell = new Map<string, CellProblems>();
  for (const f of findings) {
    const cell = f.target ?? f.cells[0] ?? '';
    let g = byCell.get(cell);
    if (!g) {
      g = { cell, label: format && cell ? cellLabel(format, cell) : '整张表格', severity: f.severity, messages: [] };
      byCell.set(cell, g);
    }
    if (SEVERITY_RANK[f.severity] < SEVERITY_RANK[g.severity]) g.severity = f.severity;
    if (!g.messages.includes(f.message)) g.messages.push(f.message);
  }
  return [...byCell.values()].sort(bySeverity);
}

export function countBySeverity(findings: readonly Finding[]): { errors: number; warnings: number } {
  return {
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
  };
}
