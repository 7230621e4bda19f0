import type { Values } from '../report';

/** How many recently edited cells are remembered (a paste of a whole table is not "an edit"). */
const KEPT = 20;

/**
 * The cells edited between two reads of the same report, most recent first, so that among equally
 * likely cells the one just typed in ranks first. A change of 20 cells or more (a paste, a
 * pre-fill) keeps the list as it was.
 */
export function recentEdits(before: Values | null, now: Values, recent: readonly string[]): string[] {
  if (!before) return [...recent];
  const changed: string[] = [];
  for (const id in now) if (before[id] !== now[id]) changed.push(id);
  if (!changed.length || changed.length >= KEPT) return [...recent];
  return [...changed, ...recent.filter((c) => !changed.includes(c))].slice(0, KEPT);
}
