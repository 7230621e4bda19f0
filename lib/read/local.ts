import type { ReadProblem, ReportCell } from '../report';
import { type Fused, type Relation, fusedRow, resolveFused } from './fused';
import type { Tok } from './tokens';
import { parseValue } from './value';

const CHILD = /^(?:\d{1,2}\.|（\d{1,2}）|其中)|[^\d]\d{1,2}$/;
const CUMULATIVE = /^历年累计|本年度?历年累计$/;

/**
 * 2008–2013 local tables have no national catalogue: each labelled number becomes
 * `local.<n>`, and numbered sub-items under it `local.<n>.<k>`, so that "parent = Σ numbered
 * children" can be checked from the ids alone. Provincial tables of 2014–2018 add a 历年累计
 * column: the second number of such a row is `local.<n>.cumulative`.
 */
export function recogniseLocal(tokens: readonly Tok[]): { cells: Record<string, ReportCell>; used: Set<Tok>; problems: ReadProblem[] } {
  const cells: Record<string, ReportCell> = {};
  const used = new Set<Tok>();
  let parent = 0;
  let child = 0;
  let label: Tok | null = null;
  let cumulative = false;
  let last: { id: string; row: number; kind: 'count' | 'amount' } | null = null;
  let header = false;
  const fused: Fused[] = [];
  const nextId = (norm: string): string => {
    if (CHILD.test(norm) && parent > 0) return `local.${parent}.${++child}`;
    parent++;
    child = 0;
    return `local.${parent}`;
  };
  const put = (id: string, t: Tok, kind: 'count' | 'amount') => {
    const p = parseValue(t.text, kind);
    const cell: ReportCell = { id, value: p.value, raw: t.text.trim(), loc: t.loc };
    if (p.unreadable) cell.unreadable = true;
    cells[id] = cell;
    used.add(t);
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'label') {
      if (t.norm && CUMULATIVE.test(t.norm)) cumulative = true;
      if (t.norm && /本年度/.test(t.norm) && t.norm.length <= 20) header = true;
      // crawled text: the row's cells ran together after its unit (`申请总数件1295`)
      const f = header && !t.copy && tokens[i + 1]?.row !== t.row ? fusedRow(t.text) : null;
      if (f) {
        const id = nextId(f.label);
        fused.push({ ids: cumulative ? [id, `${id}.cumulative`] : [id], digits: f.digits, tok: t, label: f.label });
        used.add(t);
        label = null;
        last = null;
        continue;
      }
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
    const id = nextId(norm);
    const kind = /万元|费用|经费/.test(norm) ? 'amount' : 'count';
    put(id, t, kind);
    used.add(label);
    last = { id, row: t.row, kind };
    label = null;
  }
  const problems = fused.length ? resolveFused(fused, cells, relationsOf(cells, fused)) : [];
  return { cells, used, problems };
}

/**
 * What the split cells must keep: each item equals the sum of its numbered sub-items (`local.2` =
 * `local.2.1` + `local.2.2`, in each column), and this year ≤ 历年累计 on a split row.
 */
function relationsOf(cells: Record<string, ReportCell>, fused: readonly Fused[]): Relation[] {
  const ids = new Set([...Object.keys(cells), ...fused.flatMap((f) => f.ids)].map((x) => x.replace(/\.cumulative$/, '')));
  const out: Relation[] = [];
  for (const parent of ids) {
    if (parent.split('.').length !== 2) continue;
    const children = [...ids].filter((x) => x.startsWith(parent + '.') && x.split('.').length === 3);
    if (!children.length) continue;
    for (const col of ['', '.cumulative']) out.push({ left: [parent + col], op: '=', right: children.map((c) => c + col) });
  }
  for (const f of fused) if (f.ids.length === 2) out.push({ left: [f.ids[0]!], op: '<=', right: [f.ids[1]!] });
  return out;
}
