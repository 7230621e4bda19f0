import * as z from 'zod/mini';
import type { Finding, Values } from '../report';

/**
 * A 核实性 warning marked as checked, with the clerk's 核实说明. Confirmations are not stored yet
 * (issue 15 item 3): the sheet already accepts them, so they print once they exist.
 * `values`: the named cells' values when confirmed; a change of any of them reopens the warning.
 */
export const Confirmation = z.object({
  rule: z.string(),
  cells: z.array(z.string()),
  note: z.string().check(z.minLength(1)),
  values: z.optional(z.record(z.string(), z.nullable(z.number()))),
  at: z.optional(z.string()),
});
export type Confirmation = z.infer<typeof Confirmation>;

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** The confirmation that passes this finding, if any: only warnings (强制性 problems cannot be confirmed). */
export function confirmationOf(f: Finding, confirmations: readonly Confirmation[], values: Values): Confirmation | undefined {
  if (f.severity !== 'warning') return undefined;
  return confirmations.find(
    (c) =>
      c.rule === f.rule &&
      sameSet(c.cells, f.cells) &&
      (!c.values || Object.entries(c.values).every(([id, v]) => (values[id] ?? null) === v)),
  );
}
