import { activeSection2019 } from '../gov2019';
import { PRIOR, type SumRule } from '../rule-types';
import { applyRules } from './apply';

/** X-ITEMS: prevItems(N) = prevItems(N−1) + delta(N−1), for every row that has both. */
export function gov2019Rules(): SumRule[] {
  const items: SumRule[] = activeSection2019.rows
    .filter((r) => r.cols?.includes('prevItems') && r.cols.includes('delta'))
    .map((r) => ({
      rule: 'X-ITEMS',
      kind: 'carry',
      severity: 'warning',
      scope: `表二 ${r.label}`,
      left: [`active.${r.id}.prevItems`],
      op: '=',
      right: [`${PRIOR}active.${r.id}.prevItems`, `${PRIOR}active.${r.id}.delta`],
    }));
  return [...applyRules(false), ...items];
}
