import type { ReadProblem, ReportCell } from '../report';
import { type Fused, fusedRow, resolveFused } from './fused';
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
  const problems = fused.length ? resolveFused(fused, cells, (id) => familyOf(id, cells, fused)) : [];
  return { cells, used, problems };
}

/** The item and its numbered sub-items that `id` (`local.2`, `local.2.1`, `….cumulative`) belongs to. */
function familyOf(id: string, cells: Record<string, ReportCell>, fused: readonly Fused[]): { parent: string; children: string[] } | null {
  const base = id.replace(/\.cumulative$/, '');
  const parts = base.split('.');
  const ids = new Set([...Object.keys(cells), ...fused.flatMap((f) => f.ids)].map((x) => x.replace(/\.cumulative$/, '')));
  const family = (parent: string) => {
    const children = [...ids].filter((x) => x.startsWith(parent + '.') && x.split('.').length === 3);
    return children.length ? { parent, children } : null;
  };
  if (parts.length === 2) return family(base);
  if (parts.length === 3) return family(parts.slice(0, 2).join('.'));
  return null;
}
