import type { ReportCell } from '../report';
import type { Tok } from './tokens';
import { parseValue } from './value';

const CHILD = /^(?:\d{1,2}\.|（\d{1,2}）|其中)|[^\d]\d{1,2}$/;

/**
 * 2008–2013 local tables have no national catalogue: each labelled number becomes
 * `local.<n>`, and numbered sub-items under it `local.<n>.<k>`, so that "parent = Σ numbered
 * children" can be checked from the ids alone.
 */
export function recogniseLocal(tokens: readonly Tok[]): { cells: Record<string, ReportCell>; used: Set<Tok> } {
  const cells: Record<string, ReportCell> = {};
  const used = new Set<Tok>();
  let parent = 0;
  let child = 0;
  let label: Tok | null = null;
  for (const t of tokens) {
    if (t.kind === 'label') {
      label = t.copy ? label : t;
      continue;
    }
    if (t.kind !== 'value' || !label) continue;
    const norm = label.norm ?? '';
    let id: string;
    if (CHILD.test(norm) && parent > 0) id = `local.${parent}.${++child}`;
    else {
      parent++;
      child = 0;
      id = `local.${parent}`;
    }
    const p = parseValue(t.text, /万元|费用|经费/.test(norm) ? 'amount' : 'count');
    const cell: ReportCell = { id, value: p.value, raw: t.text.trim(), loc: t.loc };
    if (p.unreadable) cell.unreadable = true;
    cells[id] = cell;
    used.add(t).add(label);
    label = null;
  }
  return { cells, used };
}
