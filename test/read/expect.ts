/** Helpers to type expected values by hand, one table row per line. */
const N = null;
export { N };
export type V = number | null;

const APPLY = ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'otherOrg', 'total'];
const APPEAL = ['upheld', 'corrected', 'other', 'pending', 'total'];

/** `apply('new', [2, 0, …])` → apply.new.natural = 2, … (only as many columns as given). */
export function apply(row: string, vals: V[]): Record<string, V> {
  return Object.fromEntries(vals.map((v, i) => [`apply.${row}.${APPLY[i]}`, v]));
}
export function appeal(group: string, vals: V[]): Record<string, V> {
  return Object.fromEntries(vals.map((v, i) => [`appeal.${group}.${APPEAL[i]}`, v]));
}
export function row(prefix: string, cols: string[], vals: V[]): Record<string, V> {
  return Object.fromEntries(vals.map((v, i) => [`${prefix}.${cols[i]}`, v]));
}
export const DOCS19 = ['made', 'published', 'publicTotal'];
export const ITEMS19 = ['prevItems', 'delta', 'decisions'];
export const DOCS21 = ['issued', 'repealed', 'inForce'];
export const blank7 = [N, N, N, N, N, N, N];
export const zero7 = [0, 0, 0, 0, 0, 0, 0];
