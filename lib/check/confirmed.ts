import type { Finding, Values } from '../report';

/**
 * 核实说明: a 核实性 warning the clerk marked as checked, with a note (the 联网直报 way of passing
 * one). It is keyed by the rule and the values of the cells it names: when any of them changes,
 * the warning is open again. 强制性 problems can never be confirmed. Plain types (the content
 * script uses this; the stored form is checked by lib/store/schema's Confirmation).
 */
export interface Confirmation {
  rule: string;
  cells: string[];
  note: string;
  /** The named cells' values when confirmed. */
  values?: Record<string, number | null>;
  /** When (ISO 8601). */
  at?: string;
}

/** Longest 核实说明 kept (a sentence or two). */
export const NOTE_MAX = 200;

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** A finding the clerk may confirm: a warning not yet confirmed. */
export const confirmable = (f: Finding): boolean => f.severity === 'warning' && f.confirmed === undefined;

/** The confirmation that passes this finding, if any: only warnings, only while the named cells keep their values. */
export function confirmationOf(f: Finding, confirmations: readonly Confirmation[], values: Values): Confirmation | undefined {
  if (f.severity !== 'warning') return undefined;
  return confirmations.find(
    (c) =>
      c.rule === f.rule &&
      sameSet(c.cells, f.cells) &&
      (!c.values || Object.entries(c.values).every(([id, v]) => (values[id] ?? null) === v)),
  );
}

/** The findings with each confirmed warning carrying its note (`confirmed`); the one place this is decided. */
export function markConfirmed(findings: readonly Finding[], confirmations: readonly Confirmation[], values: Values): Finding[] {
  if (!confirmations.length) return findings as Finding[];
  return findings.map((f) => {
    const c = confirmationOf(f, confirmations, values);
    return c ? { ...f, confirmed: c.note } : f;
  });
}

/** The confirmation of a warning with `note`, keyed by the values its cells have now; null for an empty note or a 强制性 problem. */
export function confirmWarning(f: Finding, note: string, values: Values, at: Date): Confirmation | null {
  const text = note.trim().slice(0, NOTE_MAX);
  if (f.severity !== 'warning' || !text) return null;
  return { rule: f.rule, cells: [...f.cells], note: text, values: Object.fromEntries(f.cells.map((c) => [c, values[c] ?? null])), at: at.toISOString() };
}

/** The same warning (rule and cells): a new confirmation replaces an older one of it. */
export const sameWarning = (a: Pick<Confirmation, 'rule' | 'cells'>, b: Pick<Confirmation, 'rule' | 'cells'>): boolean =>
  a.rule === b.rule && sameSet(a.cells, b.cells);

/** Whether stored data is a usable list of confirmations (checked by hand: the content script has no zod). */
export function asConfirmations(raw: unknown): Confirmation[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter(
    (c): c is Confirmation =>
      !!c &&
      typeof c === 'object' &&
      typeof c.rule === 'string' &&
      typeof c.note === 'string' &&
      c.note.trim().length > 0 &&
      Array.isArray(c.cells) &&
      c.cells.every((x: unknown) => typeof x === 'string') &&
      (c.values === undefined ||
        (typeof c.values === 'object' && c.values !== null && Object.values(c.values).every((v) => v === null || typeof v === 'number'))),
  );
}
