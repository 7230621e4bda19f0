import { APPEAL_GROUPS, APPEAL_RESULTS, APPLY_COL_IDS } from '../formats/apply-sections';
import { cellDef } from '../formats/index';
import type { CellKind, FormatDef, SectionDef } from '../formats/types';
import type { ReadProblem, ReportCell } from '../report';
import { type RowRef, catalogue, labelInfo, nearMatch } from './catalogue';
import { numbering } from './labels';
import type { Tok } from './tokens';
import { parseValue } from './value';

interface Open {
  ref: RowRef;
  tok: Tok;
}

export interface Recognised {
  cells: Record<string, ReportCell>;
  problems: ReadProblem[];
  /** Tokens that belong to the statistics tables (everything else is narrative). */
  used: Set<Tok>;
  /** HTML: index of the table where a second report begins (its cells repeat ones already read). */
  restartAt?: number;
}


function byLine(run: readonly Tok[]): Tok[][] {
  const out: Tok[][] = [];
  for (const t of run) {
    const last = out[out.length - 1];
    if (last && last[0]!.row === t.row) last.push(t);
    else out.push([t]);
  }
  return out;
}

function sectionName(sec: SectionDef): string {
  return sec.key === '表' ? '统计表' : `表${sec.key}`;
}


const valueCache = new Map<string, ReturnType<typeof parseValue>>();
function parseCached(raw: string, kind: CellKind): ReturnType<typeof parseValue> {
  const key = kind + raw;
  let v = valueCache.get(key);
  if (!v) {
    if (valueCache.size > 5000) valueCache.clear();
    v = parseValue(raw, kind);
    valueCache.set(key, v);
  }
  return v;
}

/**
 * Maps tokens to canonical cells of one format by label order and the known number of value
 * columns of each row. `strict`: tokens come from table rows (HTML), so a row's values never
 * continue on the next row; otherwise (text) values may follow on later lines, and labels or
 * numbers that PDF extraction put out of order are matched up afterwards.
 */
export function recognise(tokens: readonly Tok[], format: FormatDef, strict: boolean): Recognised {
  const sections = format.sections;
  const cat = catalogue(format);
  const info = (t: Tok) => labelInfo(format, cat, t.norm!);
  const cells: Record<string, ReportCell> = {};
  const problems: ReadProblem[] = [];
  const used = new Set<Tok>();
  const appealIdx = sections.findIndex((s) => s.key === '四');
  const applyIdx = sections.findIndex((s) => s.key === '三');
  const is2014 = format.id === 'gov2014';

  let secIdx = 0;
  let recency: string[] = [];
  let open: Open | null = null;
  const pending: RowRef[] = [];
  const filled = new Set<string>();
  // text path: single numbers seen before their rows, and cells left empty by short rows
  const orphans: Tok[][] = sections.map(() => []);
  const holes: { id: string; kind: CellKind; si: number; problem: number }[] = [];
  // text path: rows of numbers with no label, between the rows read before and after them
  const unlabelled: { run: Tok[]; si: number; after: number; before?: number }[] = [];
  let lastOrder = -1;
  let labelRows: Set<number> | undefined;
  const labelledRows = () => (labelRows ??= new Set(tokens.filter((t) => t.kind === 'label').map((t) => t.row)));
  let hasCumulative = false;
  let subtotalAt: number | null = null;
  let cellsSeenCommercial = false;
  // HTML: header leaves of section 三 by grid column
  let colMap: (string | null)[] = [];
  let colKey: unknown[] = [];
  let headerOpen = false;
  // text path: rows are only looked for once the tables have begun (a title, a column header,
  // a fingerprint label), so that the narrative before them cannot be taken for table rows
  let zone = strict;
  const titled = new Set<number>();
  const opensZone = (norm: string) =>
    /^第二十条/.test(norm) || format.fingerprints.some((f) => f.test(norm)) || sections.some((sec) => sec.titleMatch.test(norm));

  let restartAt: number | undefined;
  const put = (id: string, tok: Tok) => {
    const had = cells[id]?.loc;
    if (restartAt !== undefined) return;
    if (strict && had?.kind === 'table' && tok.loc.kind === 'table' && tok.loc.table > had.table) {
      restartAt = tok.loc.table;
      return;
    }
    const kind = cellDef(format.id, id)?.kind ?? 'count';
    const parsed = parseCached(tok.text, kind);
    // a blank repeat (a trailing row of empty cells) never overrides a value already read
    if (parsed.value === null && !parsed.unreadable && cells[id] && cells[id].value !== null) {
      used.add(tok);
      return;
    }
    const cell: ReportCell = { id, value: parsed.value, raw: tok.text.trim(), loc: tok.loc };
    if (parsed.unreadable) cell.unreadable = true;
    cells[id] = cell;
    used.add(tok);
  };

  const colsFor = (ref: RowRef): string[] => {
    if (is2014) return hasCumulative ? ['value', 'cumulative'] : ['value'];
    if (ref.def.cols) return [...ref.def.cols];
    return ref.sec.cols.map((c) => c.id);
  };

  const candidates = (t: Tok): RowRef[] => info(t).rows.filter((r) => r.si >= secIdx);

  const pick = (t: Tok, list: RowRef[]): RowRef => {
    if (list.length === 1) return list[0]!;
    const num = info(t).num;
    const rank = (r: RowRef) => {
      const g = r.def.group ? recency.indexOf(r.def.group) : -2;
      return (num && r.num === num ? 0 : 10_000) + (g === -2 ? 500 : g === -1 ? 1000 : g) * 10 + r.order / 1000;
    };
    return [...list].sort((a, b) => rank(a) - rank(b))[0]!;
  };

  const headerCol = (t: Tok): { si: number; id: string } | null => info(t).header.find((h) => h.si >= secIdx) ?? null;

  const close = () => {
    if (open && !strict && !filled.has(open.ref.def.id + '@' + open.ref.si) && open.ref.order >= 0) {
      if (!pending.includes(open.ref)) pending.push(open.ref);
    }
    open = null;
  };

  const assignRow = (ref: RowRef, run: Tok[], atEnd: boolean) => {
    let cols = colsFor(ref);
    let vals = !strict ? withoutPadding(run, cols.length) : run;
    if (ref.si === applyIdx && !strict && subtotalAt !== null && run.length === cols.length + 1) {
      vals = run.filter((_, i) => i !== subtotalAt);
    }
    if (strict && ref.si === applyIdx && !ref.def.cols) {
      const leaves = leavesOf();
      if (leaves.length === run.length && leaves.some((l) => l !== null)) {
        cols = leaves.map((l) => l ?? '');
        vals = run;
      }
    }
    const label = `${sectionName(ref.sec)}·${ref.def.label}`;
    // blanks after the last expected value are layout artefacts (`| 2 | … | 2 | ||`)
    if (vals.length > cols.length) {
      const extra = vals.slice(cols.length).filter((t) => parseValue(t.text).value !== null);
      if (extra.length) problems.push({ code: 'extra-values', message: `${label} 多出${extra.length}个数（${extra.map((t) => t.text.trim()).join('、')}），已忽略` });
      vals = vals.slice(0, cols.length);
    }
    let targets: (string | null)[] = cols;
    if (vals.length < cols.length) {
      if (!strict && !atEnd && vals.length === cols.length - 1 && cols.length >= 3) {
        // PDF text: a cell of several lines was extracted elsewhere; keep first and last columns
        targets = [...cols.slice(0, vals.length - 1), cols[cols.length - 1]!];
        const gap = cols[vals.length - 1]!;
        const id = ref.sec.cellId(ref.def.id, gap);
        holes.push({ id, kind: cellDef(format.id, id)?.kind ?? 'count', si: ref.si, problem: problems.length });
      }
      problems.push({
        code: atEnd ? 'truncated' : 'short-row',
        message: `${label} 只读到${vals.length}个数，应有${cols.length}个${atEnd ? '（表格在此中断）' : ''}`,
      });
    }
    vals.forEach((t, i) => {
      const col = targets[i];
      if (col && col !== 'extra') put(ref.sec.cellId(ref.def.id, col), t);
      else used.add(t);
    });
    filled.add(ref.def.id + '@' + ref.si);
    const p = pending.indexOf(ref);
    if (p >= 0) pending.splice(p, 1);
  };

  // text path: empty cells under label columns (`| | | 4.保护… | 0 |`) when the row has too many
  const withoutPadding = (run: Tok[], want: number): Tok[] => {
    let k = 0;
    while (run.length - k > want && run[k]!.text.trim() === '') used.add(run[k++]!);
    return k ? run.slice(k) : run;
  };

  const leavesOf = (): (string | null)[] => {
    const out: (string | null)[] = [];
    let last: unknown = undefined;
    for (let c = 0; c < colMap.length; c++) {
      const id = colMap[c];
      if (id === undefined || id === null) continue;
      if (colKey[c] === last) continue;
      last = colKey[c];
      out.push(id === 'extra' ? null : id);
    }
    return out;
  };

  const assignAppeal = (run: Tok[]) => {
    const sec = sections[appealIdx]!;
    let i = 0;
    for (const g of APPEAL_GROUPS) for (const r of APPEAL_RESULTS) put(sec.cellId(g.id, r.id), run[i++]!);
  };

  const assignRun = (run: Tok[], atEnd: boolean) => {
    if (!run.length) return;
    if (appealIdx >= 0 && secIdx === appealIdx && run.length >= 15 && (!open || open.ref.si === appealIdx)) {
      assignAppeal(run);
      open = null;
      return;
    }
    if (open) {
      assignRow(open.ref, run, atEnd);
      open = null;
      return;
    }
    // 表四 as three small tables, one per group, with the group named outside the table
    if (strict && secIdx === appealIdx && run.length === sections[appealIdx]!.cols.length) unlabelled.push({ run, si: secIdx, after: lastOrder });
    if (strict) return;
    // text path: numbers whose label came earlier, out of reading order
    const target = pending
      .filter((r) => r.si === secIdx && colsFor(r).length >= 3)
      .sort((a, b) => a.order - b.order)[0];
    if (target && run.length >= colsFor(target).length) {
      assignRow(target, run, atEnd);
      return;
    }
    if (run.length === 1 && secIdx < orphans.length) orphans[secIdx]!.push(run[0]!);
    else
      for (const line of byLine(run))
        // a lone number on a line (a page number, a stray 「1」) is never taken for a row
        // and a line with a label the format does not have is not a row without a label
        if (line.filter((t) => t.text.trim() !== '').length >= 2 && !labelledRows().has(line[0]!.row)) unlabelled.push({ run: line, si: secIdx, after: lastOrder });
  };

  /**
   * Rows of numbers without a label are given to the rows missing between the labelled rows
   * around them only when that is unambiguous: as many rows missing there as rows of numbers,
   * each with its number of columns. Otherwise they stay unread, and the problem says so.
   */
  const placeUnlabelled = () => {
    const gaps = new Map<string, typeof unlabelled>();
    for (const u of unlabelled) {
      const key = `${u.si}:${u.after}:${u.before ?? ''}`;
      gaps.set(key, [...(gaps.get(key) ?? []), u]);
    }
    for (const runs of gaps.values()) {
      const { si, after, before } = runs[0]!;
      const rows = cat.rows.filter((r) => r.si === si && r.order > after && (before === undefined || r.order < before) && !filled.has(r.def.id + '@' + r.si));
      const fits = rows.length === runs.length && runs.every((u, k) => withoutPadding(u.run, colsFor(rows[k]!).length).length === colsFor(rows[k]!).length);
      if (fits) runs.forEach((u, k) => assignRow(rows[k]!, u.run, false));
      if (fits || !rows.length) continue;
      const sec = sections[si]!;
      const near = [cat.rows[after], before === undefined ? undefined : cat.rows[before]].filter((r) => r && r.si === si).map((r) => `“${r!.def.label}”`);
      problems.push({
        code: 'unlabelled-row',
        message: `${sectionName(sec)}${near.length ? `在${near.join('和')}${near.length > 1 ? '之间' : '附近'}` : ''}有${runs.length}行数字没有栏目名称，无法确定属于哪一行，未读取`,
      });
    }
  };

  let run: Tok[] = [];
  let runRow = -1;
  const flush = (atEnd: boolean) => {
    const r = run;
    run = [];
    assignRun(r, atEnd);
  };

  for (let i = 0; i < tokens.length && restartAt === undefined; i++) {
    const t = tokens[i]!;
    if (t.kind === 'noise' || t.kind === 'unit') continue;
    if (strict && run.length && t.row !== runRow) flush(false);
    if (strict && open && t.row !== open.tok.row && !t.copy && t.kind === 'value') close();
    if (t.kind === 'value') {
      if (!zone) continue;
      // text: a row that has all its numbers ends at the line break
      if (!strict && open && run.length >= colsFor(open.ref).length && t.row !== runRow) flush(false);
      if (strict && !t.copy && headerOpen) headerOpen = false;
      run.push(t);
      runRow = t.row;
      continue;
    }
    // a label
    const norm = t.norm!;
    // text in a value cell of the row being read (`约20`): kept as an unreadable value
    if (open && !t.copy && t.row === open.tok.row && /\d/.test(norm) && norm.length <= 10 && !candidates(t).length) {
      run.push(t);
      runRow = t.row;
      continue;
    }
    if (run.length) flush(false);
    if (!info(t).shaped) {
      if (!strict && info(t).sentence) close();
      continue;
    }
    if (!zone) {
      if (norm.length > 40 || !opensZone(norm)) continue;
      zone = true;
    }
    // section titles (text path)
    const title = info(t).titles.find((si) => si >= secIdx) ?? -1;
    if (title >= 0 && !strict && (/^[一二三四五六七八九十]、|表[二三四]/.test(norm) || sections[title]!.key === '表')) {
      close();
      secIdx = title;
      if (!titled.has(title)) orphans[title] = [];
      titled.add(title);
      used.add(t);
      continue;
    }
    const hc = headerCol(t);
    if (hc) {
      used.add(t);
      if (!t.copy && hc.si > secIdx && hc.id !== 'extra') secIdx = hc.si;
      if (is2014 && hc.id === 'cumulative') hasCumulative = true;
      if (hc.si === applyIdx && !strict) {
        if (hc.id === 'extra') subtotalAt = cellsSeenCommercial ? 6 : 1;
        if (hc.id === 'commercial') cellsSeenCommercial = true;
      }
      if (strict && hc.si === applyIdx && t.gc !== undefined && hc.id !== 'group') {
        if (!headerOpen) {
          colMap = [];
          colKey = [];
          headerOpen = true;
        }
        for (let c = t.gc; c < t.gc + (t.gs ?? 1); c++) {
          colMap[c] = hc.id;
          colKey[c] = t;
        }
      }
      continue;
    }
    for (const g of info(t).groups) if (g.si >= secIdx) recency = [g.id, ...recency.filter((x) => x !== g.id)];
    let list = candidates(t);
    if (!list.length && !t.copy) list = nearMatch(cat, info(t), norm, secIdx, recency[0], filled);
    if (list.length) {
      const ref = pick(t, list);
      if (t.copy) continue;
      if (open && open.ref === ref) {
        used.add(t);
        continue;
      }
      close();
      open = { ref, tok: t };
      secIdx = Math.max(secIdx, ref.si);
      for (const u of unlabelled) if (u.before === undefined && u.si === ref.si) u.before = ref.order;
      lastOrder = ref.order;
      used.add(t);
      continue;
    }
    // a group row with values of its own: （六）其他处理 in one row, a （三）不予公开 subtotal
    if (!t.copy && applyIdx >= 0 && secIdx <= applyIdx) {
      const g = sections[applyIdx]!.groups?.find((gr) => gr.match.test(norm) && info(t).num === numbering(gr.label));
      if (g && secIdx === applyIdx) {
        close();
        open = { ref: { si: applyIdx, sec: sections[applyIdx]!, def: { id: g.id, label: g.label, match: g.match }, order: -1, num: '' }, tok: t };
        used.add(t);
        continue;
      }
    }
    // anything else: a continuation of the label (text) or context (table)
  }
  if (restartAt === undefined) flush(true);
  placeUnlabelled();
  // 表四 as flipbook text, column by column under header letters stacked one per line: its
  // fifteen numbers, one per line, in the form's order
  if (!strict && appealIdx >= 0 && orphans[appealIdx]!.length === APPEAL_GROUPS.length * APPEAL_RESULTS.length && !Object.keys(cells).some((id) => id.startsWith('appeal.')))
    assignAppeal(orphans[appealIdx]!);
  if (open && !strict) {
    const o: Open = open;
    if (!filled.has(o.ref.def.id + '@' + o.ref.si)) problems.push({ code: 'truncated', message: `${sectionName(o.ref.sec)}·${o.ref.def.label} 没有数值（表格在此中断）` });
  }
  // fill cells left empty by short rows with the single numbers extracted before them
  for (let si = 0; si < sections.length; si++) {
    const hs = holes.filter((h) => h.si === si);
    const os = orphans[si]!;
    if (hs.length && hs.length === os.length) hs.forEach((h, k) => put(h.id, os[k]!));
  }
  const fixed = new Set(holes.filter((h) => cells[h.id]).map((h) => h.problem));
  const out: Recognised = { cells, problems: problems.filter((_, i) => !fixed.has(i)), used };
  if (restartAt !== undefined) out.restartAt = restartAt;
  return out;
}
