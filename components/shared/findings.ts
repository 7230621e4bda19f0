import { t } from '@/lib/i18n';
import { cellLabel } from '@/lib/formats';
import type { FormatId } from '@/lib/formats/types';
import { SEVERITY_RANK, bySeverity, type Finding, type Severity } from '@/lib/report';
import { num } from '@/lib/rules/messages';

export interface ListedProblem {
  message: string;
  severity: Severity;
  /** The finding it stands for (what 已核实 names). */
  rule: string;
  cells: string[];
}

/** A confirmed 核实性 warning: listed apart, muted, with its 核实说明; not counted. */
export interface ConfirmedProblem {
  cell: string;
  label: string;
  message: string;
  note: string;
  rule: string;
  cells: string[];
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
    if (f.confirmed !== undefined) continue;
    const cell = f.target ?? f.cells[0] ?? '';
    let g = byCell.get(cell);
    if (!g) {
      g = { cell, label: format && cell ? cellLabel(format, cell) : t('sheet.wholeTable'), severity: f.severity, problems: [] };
      byCell.set(cell, g);
    }
    if (SEVERITY_RANK[f.severity] < SEVERITY_RANK[g.severity]) g.severity = f.severity;
    const same = g.problems.find((p) => p.message === f.message);
    if (!same) g.problems.push({ message: f.message, severity: f.severity, rule: f.rule, cells: f.cells });
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

/** The confirmed warnings, in the form's words, each once. */
export function confirmedList(findings: readonly Finding[], format: FormatId | null): ConfirmedProblem[] {
  const out: ConfirmedProblem[] = [];
  for (const f of findings) {
    if (f.confirmed === undefined || out.some((c) => c.rule === f.rule && c.message === f.message)) continue;
    const cell = f.target ?? f.cells[0] ?? '';
    out.push({ cell, label: format && cell ? cellLabel(format, cell) : '整张表格', message: f.message, note: f.confirmed, rule: f.rule, cells: f.cells });
  }
  return out;
}

/**
 * A message as shown under (or beside) the cell it is about, whose label the heading already says: that
 * label becomes 「本格」, and the value offered by the 「改为 N」 button (`fix`) is not said a second time.
 * The one display form of a problem, used by the badge's tooltip and the popup's list.
 */
export function inCellWords(message: string, label: string, fix?: number): string {
  let m = label ? message.split(` ${label} `).join(t('inCell.thisSpaced')).split(label).join(t('inCell.this')) : message;
  if (fix !== undefined) {
    const v = num(fix);
    m = m.replace(t('inCell.said', { value: v }), t('inCell.unsaid')).replace(new RegExp(`本格 ?应为 ${v}（当前 ([^）]*)）`), '本格（当前 $1）');
  }
  return m;
}
