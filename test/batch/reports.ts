import type { CheckInput, Report } from '@/lib/report';
import { consistentReport, seeded } from '../locate/generate';

/** A read report holding exactly these figures, as the reader returns it. */
export function reportOf(input: CheckInput, body: string, source = `${body}-${input.year}.html`): Report {
  const cells: Report['cells'] = {};
  for (const [id, value] of Object.entries(input.values)) cells[id] = { id, value, raw: value === null ? '' : String(value), loc: { kind: 'text', start: 0, end: 0 } };
  return { source, format: input.format, year: input.year, body, cells, problems: [] };
}

/** A consistent gov2021 report of the body for the year (seeded by its name), and its prior agreeing on carry-over. */
export function bodyReport(body: string, year = 2023, seed = body.length * 7919 + year): CheckInput {
  return consistentReport(seeded(seed), year);
}

/** Last year's report agreeing with `input` on 上年结转 (X-CARRY) and 现行有效件数 (X-STOCK). */
export function priorFor(input: CheckInput, seed = 5): CheckInput {
  const prior = consistentReport(seeded(seed), (input.year ?? 2023) - 1);
  const v = { ...prior.values };
  for (const id in input.values) if (id.startsWith('apply.carried.')) v[id.replace('carried', 'carryForward')] = input.values[id]!;
  for (const row of ['regulation', 'normative'])
    v[`active.${row}.inForce`] = (input.values[`active.${row}.inForce`] as number) - (input.values[`active.${row}.issued`] as number) + (input.values[`active.${row}.repealed`] as number);
  return { ...prior, values: v };
}
