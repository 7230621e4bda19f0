import { DECLARED_WORDS, OTHER_CHECKS, familyOf } from '../help/families';
import { t } from '../i18n';
import type { Severity } from '../report';
import { PARENT_RULE } from './parent';
import { STATE_ORDER, type BatchRow, type State } from './types';

export interface BatchSummary {
  total: number;
  byState: Record<State, number>;
  /** Problem kinds by how many reports have them, most first (强制性 before 核实性 on a tie). */
  common: { family: string; title: string; severity: Severity; reports: number; problems: number }[];
}

/** The words for a rule's family: 「表三收支平衡」. */
export function ruleTitle(rule: string): string {
  if (rule === PARENT_RULE) return t('batch.parent.title');
  const fam = familyOf(rule);
  return DECLARED_WORDS[fam]?.title ?? OTHER_CHECKS.find((c) => rule === c.id || rule.startsWith(c.id + '-'))?.title ?? rule;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The summary atop the results: bodies by state and the most common problems (hints left out). */
export function summarise(rows: readonly BatchRow[]): BatchSummary {
  const byState = Object.fromEntries(STATE_ORDER.map((s) => [s, 0])) as Record<State, number>;
  const kinds = new Map<string, BatchSummary['common'][number]>();
  for (const r of rows) {
    byState[r.state]++;
    const seen = new Set<string>();
    for (const p of r.problems) {
      if (p.severity === 'info') continue;
      const title = ruleTitle(p.rule);
      const key = `${p.severity}|${title}`;
      let k = kinds.get(key);
      if (!k) kinds.set(key, (k = { family: familyOf(p.rule), title, severity: p.severity, reports: 0, problems: 0 }));
      k.problems++;
      if (!seen.has(key)) {
        seen.add(key);
        k.reports++;
      }
    }
  }
  const common = [...kinds.values()].sort((a, b) => b.reports - a.reports || RANK[a.severity] - RANK[b.severity] || b.problems - a.problems);
  return { total: rows.length, byState, common };
}
