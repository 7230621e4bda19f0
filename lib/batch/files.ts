/** The files a batch reads, by name: what a dropped folder or a .zip is filtered to. */
export const READABLE_NAME = /\.(?:html?|shtml|txt|docx|pdf|json)$/i;

/** Same as READABLE_NAME, and .zip archives of them. */
export const ADDABLE_NAME = /\.(?:html?|shtml|txt|docx|pdf|json|zip)$/i;

/** The last part of a path: rows are named by file, as the command line names them. */
export const baseName = (path: string): string => path.split(/[\\/]/).pop() || path;

/** Two files of one name (from different folders) keep apart: the second becomes 「名称（2）」. */
export function uniqueNames<T extends { name: string }>(items: readonly T[]): T[] {
  const seen = new Map<string, number>();
  return items.map((x) => {
    const n = (seen.get(x.name) ?? 0) + 1;
    seen.set(x.name, n);
    return n > 1 ? { ...x, name: `${x.name}（${n}）` } : x;
  });
}
