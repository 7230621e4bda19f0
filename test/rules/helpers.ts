import { FORMATS, type FormatId } from '@/lib/formats';
import type { CheckInput, Finding, Values } from '@/lib/report';

/** Every catalogue cell of the format set to 0: consistent under every rule. */
export function zeroTable(format: FormatId, year: number): CheckInput {
  const values: Values = {};
  for (const c of FORMATS[format].cells) values[c.id] = 0;
  return { format, year, values };
}

/** Whether a finding is (or groups) a violation of the rule. */
export const hasRule = (f: Finding, rule: string) => f.rule === rule || (f.rules?.includes(rule) ?? false);
export const byRule = (fs: Finding[], rule: string) => fs.filter((f) => hasRule(f, rule));
export const errors = (fs: Finding[]) => fs.filter((f) => f.severity === 'error');

export function clone(i: CheckInput): CheckInput {
  return { ...i, values: { ...i.values } };
}

export function add(i: CheckInput, id: string, d: number): CheckInput {
  const v = i.values[id];
  if (typeof v !== 'number') throw new Error(`no number at ${id}`);
  i.values[id] = v + d;
  return i;
}
