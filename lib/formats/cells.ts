import type { CellDef, CellKind, SectionDef } from './types';

/** Every canonical cell of the given sections, in form order (rows, then columns). */
export function cellsOf(sections: readonly SectionDef[]): CellDef[] {
  const out: CellDef[] = [];
  for (const s of sections) {
    for (const r of s.rows) {
      const group = r.group ? s.groups?.find((g) => g.id === r.group)?.label : undefined;
      for (const c of s.cols) {
        if (r.cols && !r.cols.includes(c.id)) continue;
        const kind: CellKind = r.kind ?? c.kind ?? 'count';
        const def: CellDef = { id: s.cellId(r.id, c.id), kind, section: s.key, row: r.label };
        if (group) def.group = group;
        if (c.label) def.col = c.label;
        out.push(def);
      }
    }
  }
  return out;
}
