import { PRIOR, type SumRule } from '../rule-types';
import { applyRules } from './apply';

/** X-STOCK: inForce(N) = inForce(N−1) + issued(N) − repealed(N), written without subtraction. */
const stock = (row: string, label: string): SumRule => ({
  rule: 'X-STOCK',
  kind: 'carry',
  severity: 'warning',
  scope: `表二 ${label}`,
  left: [`active.${row}.inForce`, `active.${row}.repealed`],
  op: '=',
  right: [`${PRIOR}active.${row}.inForce`, `active.${row}.issued`],
});

export function gov2021Rules(): SumRule[] {
  return [...applyRules(true), stock('regulation', '规章'), stock('normative', '行政规范性文件')];
}
