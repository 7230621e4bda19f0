import { cellDef } from '../formats/index';
import type { CellKind, FormatDef, SectionDef } from '../formats/types';
import type { ReadProblem, ReportCell } from '../report';
import { type Catalogue, type LabelInfo, type RowRef, catalogue, labelInfo, nearMatch } from './catalogue';
import { numbering } from './labels';
import type { Tok } from './tokens';
import { parseValue } from './value';
import { t as say } from '../i18n';

export interface Recognised {
  cells: Record<string, ReportCell>;
  problems: ReadProblem[];
  /** Tokens that belong to the statistics tables (everything else is narrative). */
  used: Set<Tok>;
  /** HTML: index of the table where a second report begins (its cells repeat ones already read). */
  restartAt?: number;
  /** Cells given by more than one token (the last non-blank one is kept). */
  repeated?: ReadonlySet<string>;
}

/** A row whose label has been read and whose values are awaited. */
export interface Open {
  ref: RowRef;
  tok: Tok;
}

/** Rows of numbers with no label, between the rows read before and after them. */
interface Unlabelled {
  run: Tok[];
  si: number;
  after: number;
  before?: number;
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
 * What both recognisers share: the cells read so far, the row whose values are awaited, and the
 * reading of labels (headers, rows, group rows) against the format's catalogue. The recognisers
 * for HTML grids and for text lines decide where a row's values begin and end.
 */
export abstract class RowReader {
  readonly sections: readonly SectionDef[];
  readonly cat: Catalogue;
  readonly cells: Record<string, ReportCell> = {};
  readonly problems: ReadProblem[] = [];
  readonly used = new Set<Tok>();
  readonly filled = new Set<string>();
  readonly repeated = new Set<string>();
  readonly unlabelled: Unlabelled[] = [];
  secIdx = 0;
  open: Open | null = null;
  run: Tok[] = [];
  runRow = -1;
  restartAt: number | undefined;
  private recency: string[] = [];
  private lastOrder = -1;
  private seenOptional = new Set<string>();

  constructor(
    readonly tokens: readonly Tok[],
    readonly format: FormatDef,
  ) {
    this.sections = format.sections;
    this.cat = catalogue(format);
  }

  info(t: Tok): LabelInfo {
    return labelInfo(this.format, this.cat, t.norm!);
  }

  /** The section being read. */
  get sec(): SectionDef | undefined {
    return this.sections[this.secIdx];
  }

  /** Values read while no row is open: the recogniser decides where they belong, if anywhere. */
  protected abstract assignLoose(run: Tok[], atEnd: boolean): void;

  /** Hands a row of values to the row they belong to. */
  private assignRun(run: Tok[], atEnd: boolean): void {
    if (!run.length || this.takesOneRow(run)) return;
    if (!this.open) return this.assignLoose(run, atEnd);
    this.assignRow(this.open.ref, run, atEnd);
    this.open = null;
  }

  /** The open row ends without (more) values. */
  protected close(): void {
    this.open = null;
  }

  /** Whether a value may still be put: false once a second report has begun. */
  protected accepts(_id: string, _tok: Tok): boolean {
    return true;
  }

  put(id: string, tok: Tok): void {
    if (this.restartAt !== undefined || !this.accepts(id, tok)) return;
    const kind = cellDef(this.format.id, id)?.kind ?? 'count';
    const parsed = parseCached(tok.text, kind);
    if (this.cells[id]) this.repeated.add(id);
    // a blank repeat (a trailing row of empty cells) never overrides a value already read
    if (parsed.value === null && !parsed.unreadable && this.cells[id] && this.cells[id].value !== null) {
      this.used.add(tok);
      return;
    }
    const cell: ReportCell = { id, value: parsed.value, raw: tok.text.trim(), loc: tok.loc };
    if (parsed.unreadable) cell.unreadable = true;
    this.cells[id] = cell;
    this.used.add(tok);
  }

  colsFor(ref: RowRef): string[] {
    if (ref.def.cols) return [...ref.def.cols];
    const optional = ref.sec.quirks?.optionalCols ?? [];
    return ref.sec.cols.filter((c) => !optional.includes(c.id) || this.seenOptional.has(c.id)).map((c) => c.id);
  }

  candidates(t: Tok): RowRef[] {
    return this.info(t).rows.filter((r) => r.si >= this.secIdx);
  }

  private pick(t: Tok, list: RowRef[]): RowRef {
    if (list.length === 1) return list[0]!;
    const num = this.info(t).num;
    const rank = (r: RowRef) => {
      const g = r.def.group ? this.recency.indexOf(r.def.group) : -2;
      return (num && r.num === num ? 0 : 10_000) + (g === -2 ? 500 : g === -1 ? 1000 : g) * 10 + r.order / 1000;
    };
    return [...list].sort((a, b) => rank(a) - rank(b))[0]!;
  }

  flush(atEnd: boolean): void {
    const r = this.run;
    this.run = [];
    this.assignRun(r, atEnd);
  }

  push(t: Tok): void {
    this.run.push(t);
    this.runRow = t.row;
  }

  /** Text in a value cell of the row being read (`约20`): kept as an unreadable value. */
  inlineValue(t: Tok): boolean {
    const open = this.open;
    if (!open || t.copy || t.row !== open.tok.row || !/\d/.test(t.norm!) || t.norm!.length > 10 || this.candidates(t).length) return false;
    this.push(t);
    return true;
  }

  /** The columns of `ref` that `run` fills, and the values to put there. */
  protected columns(ref: RowRef, run: Tok[]): { cols: string[]; vals: Tok[] } {
    return { cols: this.colsFor(ref), vals: run };
  }

  /** The columns the values of a short row go to (in order). */
  protected shortTargets(_ref: RowRef, cols: string[], _vals: Tok[], _atEnd: boolean): string[] {
    return cols;
  }

  protected rowFilled(ref: RowRef): void {
    this.filled.add(ref.def.id + '@' + ref.si);
  }

  assignRow(ref: RowRef, run: Tok[], atEnd: boolean): void {
    const fit = this.columns(ref, run);
    const cols = fit.cols;
    let vals = fit.vals;
    const label = `${ref.sec.name}·${ref.def.label}`;
    // blanks after the last expected value are layout artefacts (`| 2 | … | 2 | ||`)
    if (vals.length > cols.length) {
      const extra = vals.slice(cols.length).filter((t) => parseValue(t.text).value !== null);
      if (extra.length) this.problems.push({ code: 'extra-values', message: say('read.row.extra', { row: label, n: extra.length, values: extra.map((t) => t.text.trim()).join(say('common.enumSeparator')) }) });
      vals = vals.slice(0, cols.length);
    }
    let targets: (string | null)[] = cols;
    if (vals.length < cols.length) {
      targets = this.shortTargets(ref, cols, vals, atEnd);
      this.problems.push({
        code: atEnd ? 'truncated' : 'short-row',
        message: say(atEnd ? 'read.row.truncated' : 'read.row.short', { row: label, n: vals.length, want: cols.length }),
      });
    }
    vals.forEach((t, i) => {
      const col = targets[i];
      if (col && col !== 'extra') this.put(ref.sec.cellId(ref.def.id, col), t);
      else this.used.add(t);
    });
    this.rowFilled(ref);
  }

  /** Empty cells under label columns (`| | | 4.保护… | 0 |`) when the row has too many. */
  withoutPadding(run: Tok[], want: number): Tok[] {
    let k = 0;
    while (run.length - k > want && run[k]!.text.trim() === '') this.used.add(run[k++]!);
    return k ? run.slice(k) : run;
  }

  /** A section that is one row of values (表四) reads its values in form order. */
  assignOneRow(si: number, run: Tok[]): void {
    const sec = this.sections[si]!;
    let i = 0;
    for (const row of sec.rows) for (const col of sec.cols) this.put(sec.cellId(row.id, col.id), run[i++]!);
  }

  oneRowSize(sec: SectionDef): number {
    return sec.rows.length * sec.cols.length;
  }

  /** A run that fills the whole of a one-row section being read. */
  takesOneRow(run: Tok[]): boolean {
    const sec = this.sec;
    if (!sec?.quirks?.oneRow || run.length < this.oneRowSize(sec) || (this.open && this.open.ref.si !== this.secIdx)) return false;
    this.assignOneRow(this.secIdx, run);
    this.open = null;
    return true;
  }

  addUnlabelled(run: Tok[]): void {
    this.unlabelled.push({ run, si: this.secIdx, after: this.lastOrder });
  }

  /** A column header: moves to its section; `onHeader` lets the recogniser note where columns are. */
  header(t: Tok, onHeader: (hc: { si: number; id: string }) => void): boolean {
    const hc = this.info(t).header.find((h) => h.si >= this.secIdx);
    if (!hc) return false;
    this.used.add(t);
    if (!t.copy && hc.si > this.secIdx && hc.id !== 'extra') this.secIdx = hc.si;
    if (this.sections[hc.si]!.quirks?.optionalCols?.includes(hc.id)) this.seenOptional.add(hc.id);
    onHeader(hc);
    return true;
  }

  /** A header that runs several column names together (`统计指标单位统计数历年累计`) still shows the optional ones. */
  noteOptional(t: Tok): void {
    for (const sec of this.sections)
      for (const id of sec.quirks?.optionalCols ?? []) if (sec.cols.find((c) => c.id === id)?.match.test(t.norm!)) this.seenOptional.add(id);
  }

  /** A row label of the catalogue: opens that row. */
  row(t: Tok): boolean {
    const info = this.info(t);
    for (const g of info.groups) if (g.si >= this.secIdx) this.recency = [g.id, ...this.recency.filter((x) => x !== g.id)];
    let list = this.candidates(t);
    if (!list.length && !t.copy) list = nearMatch(this.cat, info, t.norm!, this.secIdx, this.recency[0], this.filled);
    if (!list.length) return false;
    const ref = this.pick(t, list);
    if (t.copy) return true;
    if (this.open && this.open.ref === ref) {
      this.used.add(t);
      return true;
    }
    this.close();
    this.open = { ref, tok: t };
    this.secIdx = Math.max(this.secIdx, ref.si);
    for (const u of this.unlabelled) if (u.before === undefined && u.si === ref.si) u.before = ref.order;
    this.lastOrder = ref.order;
    this.used.add(t);
    return true;
  }

  /** A group row with values of its own, in a section whose group rows may carry them. */
  groupRow(t: Tok): boolean {
    const sec = this.sec;
    if (t.copy || !sec?.quirks?.groupRowValues) return false;
    const g = sec.groups?.find((gr) => gr.match.test(t.norm!) && this.info(t).num === numbering(gr.label));
    if (!g) return false;
    this.close();
    this.open = { ref: { si: this.secIdx, sec, def: { id: g.id, label: g.label, match: g.match }, order: -1, num: '' }, tok: t };
    this.used.add(t);
    return true;
  }

  /**
   * Rows of numbers without a label are given to the rows missing between the labelled rows
   * around them only when that is unambiguous: as many rows missing there as rows of numbers,
   * each with its number of columns. Otherwise they stay unread, and the problem says so.
   */
  placeUnlabelled(): void {
    const gaps = new Map<string, Unlabelled[]>();
    for (const u of this.unlabelled) {
      const key = `${u.si}:${u.after}:${u.before ?? ''}`;
      gaps.set(key, [...(gaps.get(key) ?? []), u]);
    }
    const cat = this.cat;
    for (const runs of gaps.values()) {
      const { si, after, before } = runs[0]!;
      const rows = cat.rows.filter((r) => r.si === si && r.order > after && (before === undefined || r.order < before) && !this.filled.has(r.def.id + '@' + r.si));
      const fits = rows.length === runs.length && runs.every((u, k) => this.withoutPadding(u.run, this.colsFor(rows[k]!).length).length === this.colsFor(rows[k]!).length);
      if (fits) runs.forEach((u, k) => this.assignRow(rows[k]!, u.run, false));
      if (fits || !rows.length) continue;
      const sec = this.sections[si]!;
      const near = [cat.rows[after], before === undefined ? undefined : cat.rows[before]].filter((r) => r && r.si === si).map((r) => `“${r!.def.label}”`);
      const where = near.length > 1 ? 'read.row.unlabelledBetween' : near.length ? 'read.row.unlabelledNear' : 'read.row.unlabelled';
      this.problems.push({ code: 'unlabelled-row', message: say(where, { section: sec.name, row: near[0] ?? '', next: near[1] ?? '', n: runs.length }) });
    }
  }

  result(dropped: ReadonlySet<number> = new Set()): Recognised {
    const out: Recognised = { cells: this.cells, problems: this.problems.filter((_, i) => !dropped.has(i)), used: this.used, repeated: this.repeated };
    if (this.restartAt !== undefined) out.restartAt = this.restartAt;
    return out;
  }
}
