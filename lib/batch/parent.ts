import { FORMATS } from '../formats';
import { t } from '../i18n';
import { labelOf } from '../rules/labels';
import type { CheckInput, Finding } from '../report';
import { nameScore } from './names';
import type { ParentSpec } from './types';

export const PARENT_RULE = 'B-PARENT';

interface Named {
  id: string;
  input: CheckInput;
}

/** The report whose body best matches `name` (of `year` when given). */
function find(name: string, all: readonly Named[], year?: number | null): Named | undefined {
  let best: Named | undefined;
  let score = 0;
  for (const o of all) {
    if (year !== undefined && o.input.year !== year) continue;
    const s = o.input.body ? nameScore(name, o.input.body) : 0;
    if (s > score) {
      best = o;
      score = s;
    }
  }
  return best;
}

/** The 表三 cells of a format (none for formats without a 表三). */
function table3(input: CheckInput): string[] {
  const sec = FORMATS[input.format].sections.find((s) => s.key === '三');
  if (!sec || input.format === 'gov2014' || input.format === 'local') return [];
  return sec.rows.flatMap((r) => sec.cols.map((c) => sec.cellId(r.id, c.id)));
}

/**
 * Parent = Σ children: each 表三 figure of the parent's report against the sum of its children's
 * reports of the same year and format; every difference is one 核实性 finding on the parent's cell
 * (a parent's own report may rightly cover only its own office). Null when the parent is not found.
 */
export function parentFindings(spec: ParentSpec, all: readonly Named[]): { parent: string; findings: Finding[]; children: string[] } | null {
  const parent = find(spec.parent, all);
  if (!parent) return null;
  const findings: Finding[] = [];
  const kids: Named[] = [];
  const missing: string[] = [];
  const other: string[] = [];
  for (const name of spec.children) {
    const k = find(name, all.filter((o) => o !== parent), parent.input.year);
    if (!k) missing.push(name);
    else if (k.input.format !== parent.input.format) other.push(name);
    else if (!kids.includes(k)) kids.push(k);
  }
  if (missing.length)
    findings.push({ rule: PARENT_RULE, severity: 'info', cells: [], message: t('batch.parent.missing', { list: missing.join(t('common.enumSeparator')) }) });
  if (other.length)
    findings.push({ rule: PARENT_RULE, severity: 'info', cells: [], message: t('batch.parent.otherFormat', { list: other.join(t('common.enumSeparator')) }) });
  if (!kids.length) return { parent: parent.id, findings, children: [] };
  for (const id of table3(parent.input)) {
    const own = parent.input.values[id];
    if (own === undefined) continue;
    const sum = kids.reduce((s, k) => s + (k.input.values[id] ?? 0), 0);
    const mine = own ?? 0;
    if (mine === sum) continue;
    findings.push({
      rule: PARENT_RULE,
      severity: 'warning',
      cells: [id],
      message: t('batch.parent.differs', { cell: labelOf(parent.input.format, id), mine, n: kids.length, sum, diff: mine - sum }),
      expected: sum,
      actual: mine,
    });
  }
  return { parent: parent.id, findings, children: kids.map((k) => k.id) };
}

/** 「本级单位=所属单位1,所属单位2」 → the spec; null when either side is missing. */
export function parseParent(spec: string): ParentSpec | null {
  const [parent, kids] = spec.split(/[=＝]/);
  const children = (kids ?? '').split(/[,，、;；]/).map((s) => s.trim()).filter(Boolean);
  return parent?.trim() && children.length ? { parent: parent.trim(), children } : null;
}
