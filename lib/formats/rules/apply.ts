import {
  APPEAL_GROUPS,
  APPEAL_RESULTS,
  APPLICANT_COL_IDS,
  APPLY_COLS,
  APPLY_GROUPS,
  CARRY_OVER,
  applySection,
  resultRowIds,
} from '../apply-sections';
import { PRIOR, type SumRule } from '../rule-types';

/** Rules of sections 三 and 四, shared by gov2021 and gov2019 (spec: T3-*, T4-SUM, X-CARRY, P-CARRYSIZE). */

const cell = (row: string, col: string) => `apply.${row}.${col}`;
const GROUP_LABEL: Record<string, string> = Object.fromEntries(APPLY_GROUPS.map((g) => [g.id, g.label]));

function columnRules(col: { id: string; label: string }, otherSplit: boolean): SumRule[] {
  const scope = `表三 ${col.label}列`;
  const total = (rows: string[]): SumRule => ({
    rule: 'T3-TOT',
    severity: 'error',
    scope,
    left: [cell('total', col.id)],
    op: '=',
    right: rows.map((r) => cell(r, col.id)),
  });
  const out: SumRule[] = [
    {
      rule: 'T3-BAL',
      severity: 'error',
      scope,
      left: [cell('new', col.id), cell('carried', col.id)],
      op: '=',
      right: [cell('total', col.id), cell('carryForward', col.id)],
    },
    total(resultRowIds(otherSplit)),
  ];
  // gov2021 also accepts reports that collapse （六） into one row as in gov2019: a rule on cells a
  // report does not have is not applicable, so each report is checked in the shape it has.
  if (otherSplit) out.push(total(resultRowIds(false)));
  // Tolerated subtotal rows (（三）不予公开 …) equal their numbered sub-items.
  for (const g of APPLY_GROUPS) {
    if (g.id === 'other' && !otherSplit) continue;
    out.push({
      rule: 'T3-TOT',
      severity: 'error',
      scope: `${scope} ${GROUP_LABEL[g.id]}`,
      left: [cell(g.id, col.id)],
      op: '=',
      right: resultRowIds(true)
        .filter((r) => r.startsWith(`${g.id}.`))
        .map((r) => cell(r, col.id)),
    });
  }
  return out;
}

/** Every row of section 三 (gov2021: in either shape of （六）), each once, with its printed label. */
function allApplyRows(otherSplit: boolean): { id: string; label: string }[] {
  const rows = otherSplit ? [...applySection(true).rows, ...applySection(false).rows] : applySection(false).rows;
  return rows
    .filter((r, i) => rows.findIndex((o) => o.id === r.id) === i)
    .map((r) => ({ id: r.id, label: r.group ? `${GROUP_LABEL[r.group]}·${r.label}` : r.label }));
}

/** Rows clerks name by a short word (the printed labels are long). */
export const SHORT_ROW: Record<string, string> = {
  new: '本年新收',
  carried: '上年结转',
  total: '办理结果总计',
  carryForward: '结转下年度',
};

function rowRule(row: { id: string; label: string }): SumRule {
  return {
    rule: 'T3-ROWSUM',
    severity: 'error',
    scope: `表三 ${SHORT_ROW[row.id] ?? row.label}行`,
    left: [cell(row.id, 'total')],
    op: '=',
    right: APPLICANT_COL_IDS.map((c) => cell(row.id, c)),
  };
}

/** otherSplit: the format's official （六） has sub-rows 1–3 (gov2021). */
export function applyRules(otherSplit: boolean): SumRule[] {
  const out: SumRule[] = [];
  for (const col of APPLY_COLS) out.push(...columnRules(col, otherSplit));
  for (const row of allApplyRows(otherSplit)) out.push(rowRule(row));
  for (const g of APPEAL_GROUPS) {
    const ids = APPEAL_RESULTS.map((r) => `appeal.${g.id}.${r.id}`);
    out.push({
      rule: 'T4-SUM',
      severity: 'error',
      scope: `表四 ${g.label}`,
      left: [ids[4]!],
      op: '=',
      right: ids.slice(0, 4),
    });
  }
  CARRY_OVER.forEach(({ cell: carried, from }, i) => {
    out.push({
      rule: 'X-CARRY',
      severity: 'warning',
      scope: `表三 ${APPLY_COLS[i]!.label}列`,
      left: [carried],
      op: '=',
      right: [PRIOR + from],
    });
  });
  // carryForward.total > 0.5 × (new.total + carried.total) is unusual: 2·cf ≤ new + carried.
  out.push({
    rule: 'P-CARRYSIZE',
    severity: 'info',
    scope: '表三 总计列',
    left: [cell('carryForward', 'total'), cell('carryForward', 'total')],
    op: '<=',
    right: [cell('new', 'total'), cell('carried', 'total')],
  });
  return out;
}
