import type { CheckInput, Finding } from '../report';
import { t } from '@/lib/i18n';
import { labelOf } from './labels';
import { num } from './messages';

const PATH = /^local\.(\d+(?:\.\d+)*)$/;

/**
 * 2008–2013 local tables (loose): a parent equals the sum of its numbered children. The reader
 * names cells `local.<n>` in reading order and a numbered child of item n `local.<n>.<k>`; a
 * parent with at least two filled children whose sum differs gets a warning (`L-SUM`), never an
 * error, because local tables did not always define their items as partitions.
 */
export function localFindings(input: CheckInput): Finding[] {
  const children = new Map<string, string[]>();
  for (const id in input.values) {
    const m = PATH.exec(id);
    if (!m || !m[1]!.includes('.')) continue;
    const parent = `local.${m[1]!.slice(0, m[1]!.lastIndexOf('.'))}`;
    const list = children.get(parent);
    if (list) list.push(id);
    else children.set(parent, [id]);
  }
  const out: Finding[] = [];
  // C-CUM: a 历年累计 figure is never below this year's
  for (const id in input.values) {
    if (!id.endsWith('.cumulative')) continue;
    const base = id.slice(0, -'.cumulative'.length);
    const cum = input.values[id];
    const now = input.values[base];
    if (typeof cum !== 'number' || typeof now !== 'number' || cum >= now) continue;
    out.push({
      rule: 'C-CUM',
      severity: 'error',
      cells: [id, base],
      message: t('rule.localCumulative', { cell: labelOf('local', base), cum: num(cum), now: num(now) }),
    });
  }
  for (const [parent, kids] of children) {
    const pv = input.values[parent];
    if (typeof pv !== 'number' || kids.length < 2) continue;
    const vals = kids.map((k) => input.values[k]);
    if (vals.some((v) => typeof v !== 'number')) continue;
    const sum = (vals as number[]).reduce((a, b) => a + b, 0);
    if (Math.abs(sum - pv) < 1e-6) continue;
    out.push({
      rule: 'L-SUM',
      severity: 'warning',
      cells: [parent, ...kids],
      message: t('rule.localParts', {
        cell: labelOf('local', parent),
        value: num(pv),
        parts: kids.map((k, i) => `${labelOf('local', k)}(${num(vals[i] as number)})`).join('+'),
        sum: num(sum),
        diff: num(Math.abs(sum - pv)),
      }),
    });
  }
  return out;
}
