import type { ReportCell } from '../report';
import type { Tok } from './tokens';
import { parseValue } from './value';

const CHILD = /^(?:\d{1,2}\.|（\d{1,2}）|其中)|[^\d]\d{1,2}$/;
const CUMULATIVE = /^历年累计/;

/**
 * 2008–2013 local tables have no national catalogue: each labelled number becomes
 * `local.<n>`, and numbered sub-items under it `local.<n>.<k>`, so that "parent = Σ numbered
 * children" can be checked from the ids alone. Provincial tables of 2014–2018 add a 历年累计
 * column: the second number of such a row is `local.<n>.cumulative`.
 */
export function recogniseLocal(tokens: readonly Tok[]): { cells: Record<string, ReportCell>; used: Set<Tok> } {
  const cells: Record<string, ReportCell> = {};
  const used = new Set<Tok>();
  let parent = 0;
  let child = 0;
  let label: Tok | null = null;
  let cumulative = false;
  let last: { id: string; row: number; kind: 'count' | 'amount' } | null = null;
  const put = (id: string, t: Tok, kind: 'count' | 'amount') => {
    const p = parseValue(t.text, kind);
    const cell: ReportCell = { id, value: p.value, raw: t.text.trim(), loc: t.loc };
    if (p.unreadable) cell.unreadable = true;
    cells[id] = cell;
    used.add(t);
  };
  for (const t of tokens) {
    if (t.kind === 'label') {
      if (t.norm && CUMULATIVE.test(t.norm)) cumulative = true;
      label = t.copy ? label : t;
      continue;
    }
    if (t.kind !== 'value') continue;
    if (!label) {
      if (cumulative && last && t.row === last.row) put(`${last.id}.cumulative`, t, last.kind);
      last = null;
      continue;
    }
    const norm = label.norm ?? '';
    let id: string;
    if (CHILD.test(norm) && parent > 0) id = `local.${parent}.${++child}`;
    else {
      parent++;
      child = 0;
      id = `local.${parent}`;
    }
    const kind = /万元|费用|经费/.test(norm) ? 'amount' : 'count';
    put(id, t, kind);
    used.add(label);
    last = { id, row: t.row, kind };
    label = null;
  }
  return { cells, used };
}
