import type { Report, ReportCell } from '../report';
import type { BatchInput } from './types';

/** A cell as packed: id, value, and the text only where it is not the value written plainly. */
type PackedCell = [id: string, value: number | null, raw?: string, flags?: number];

const UNREADABLE = 1;
const INFERRED = 2;
const NOWHERE: ReportCell['loc'] = { kind: 'text', start: 0, end: 0 };

/**
 * An input of a batch as compact JSON text: what the audit reads of each report (figures, text of
 * unreadable cells, body, year, narrative, reading problems), without where each cell was found —
 * a third of the size, for the page to keep and store. Unpacked cells are located nowhere.
 */
export function packInput(input: BatchInput): string {
  if ('error' in input) return JSON.stringify(input);
  const reports = input.reports.map((r) => ({
    ...r,
    cells: Object.values(r.cells).map((c): PackedCell => {
      const flags = (c.unreadable ? UNREADABLE : 0) | (c.inferred ? INFERRED : 0);
      const plain = c.raw === (c.value === null ? '' : String(c.value));
      return flags ? [c.id, c.value, c.raw, flags] : plain ? [c.id, c.value] : [c.id, c.value, c.raw];
    }),
  }));
  return JSON.stringify({ name: input.name, reports });
}

/** The input back from its packed text; null when the text is not one (damaged storage). */
export function unpackInput(text: string): BatchInput | null {
  try {
    const x = JSON.parse(text) as { name?: unknown; error?: unknown; reports?: { cells: PackedCell[] }[] };
    if (typeof x?.name !== 'string') return null;
    if (typeof x.error === 'string') return { name: x.name, error: x.error };
    if (!Array.isArray(x.reports)) return null;
    const reports = x.reports.map((r) => {
      const cells: Report['cells'] = {};
      for (const [id, value, raw, flags = 0] of r.cells) {
        const cell: ReportCell = { id, value, raw: raw ?? (value === null ? '' : String(value)), loc: NOWHERE };
        if (flags & UNREADABLE) cell.unreadable = true;
        if (flags & INFERRED) cell.inferred = true;
        cells[id] = cell;
      }
      return { ...(r as unknown as Report), cells };
    });
    return { name: x.name, reports };
  } catch {
    return null;
  }
}
