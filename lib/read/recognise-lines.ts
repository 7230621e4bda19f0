import { normalizeLabel } from '../formats/normalize';
import { rulesOf } from '../formats/rules/index';
import type { FormatDef } from '../formats/types';
import type { RowRef } from './catalogue';
import { type Fused, type Relation, resolveFused } from './fused';
import { type Recognised, RowReader } from './row-reader';
import type { Tok } from './tokens';
import { t as say } from '../i18n';

/**
 * Maps the tokens of text lines (`|` renderings, one cell per line, PDF reading order) to the
 * canonical cells of one format: a row's values may follow on later lines, and labels or numbers
 * that PDF extraction put out of order are matched up afterwards.
 */
export function recogniseLines(tokens: readonly Tok[], format: FormatDef): Recognised {
  return new LineReader(tokens, format).read();
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

const NUMBERED_TITLE = /^[一二三四五六七八九十]、|表[二三四]/;
/** A crawled row whose cells ran together: its label (and unit), then every cell's digits (`规章105`). */
const FUSED_ROW = /^(.*[^\d.．])(\d+)$/;

/** The form's own relations that split cells must keep: its 强制性 sums and ≤, this year's cells only. */
function relationsOf(format: FormatDef): Relation[] {
  return rulesOf(format.id).filter((r) => r.severity === 'error' && ![...r.left, ...r.right].some((id) => id.startsWith('prior:')));
}

class LineReader extends RowReader {
  // rows whose label came before their numbers, out of reading order
  private pending: RowRef[] = [];
  // single numbers seen before their rows, and cells left empty by short rows
  private orphans: Tok[][] = this.sections.map(() => []);
  private holes: { id: string; si: number; problem: number }[] = [];
  private labelRows: Set<number> | undefined;
  // rows are only looked for once the tables have begun (a title, a column header, a
  // fingerprint label), so that the narrative before them cannot be taken for table rows
  private zone = false;
  private titled = new Set<number>();
  private subtotal: { si: number; at: number } | null = null;
  private subtotalAfter = false;
  private fused: Fused[] = [];

  read(): Recognised {
    for (let i = 0; i < this.tokens.length; i++) {
      const t = this.tokens[i]!;
      if (t.kind === 'noise' || t.kind === 'unit') continue;
      if (t.kind === 'value') {
        if (!this.zone) continue;
        // a row that has all its numbers ends at the line break
        if (this.open && this.run.length >= this.colsFor(this.open.ref).length && t.row !== this.runRow) this.flush(false);
        this.push(t);
        continue;
      }
      if (this.inlineValue(t)) continue;
      if (this.run.length) this.flush(false);
      const info = this.info(t);
      if (!info.shaped) {
        if (info.sentence) this.close();
        continue;
      }
      if (!this.zone) {
        if (t.norm!.length > 40 || !this.opensZone(t.norm!)) continue;
        this.zone = true;
      }
      this.noteOptional(t);
      if (this.title(t) || this.fusedRow(t, i)) continue;
      if (this.header(t, (hc) => this.noteSubtotal(hc))) continue;
      if (!this.row(t)) this.groupRow(t);
      // anything else continues the label
    }
    this.flush(true);
    this.placeUnlabelled();
    this.readStacked();
    const open = this.open;
    if (open && !this.filled.has(open.ref.def.id + '@' + open.ref.si))
      this.problems.push({ code: 'truncated', message: say('read.row.noValues', { row: `${open.ref.sec.name}·${open.ref.def.label}` }) });
    const settled = this.fillHoles();
    if (this.fused.length) this.problems.push(...resolveFused(this.fused, this.cells, relationsOf(this.format)));
    return this.result(settled);
  }

  /** A row of crawled text alone on its line, a catalogue label followed by its cells' digits run together. */
  private fusedRow(t: Tok, i: number): boolean {
    if (this.tokens[i + 1]?.row === t.row || this.tokens[i - 1]?.row === t.row) return false;
    const m = FUSED_ROW.exec(t.text.replace(/\s+/g, ''));
    if (!m || !this.row({ ...t, text: m[1]!, norm: normalizeLabel(m[1]!) })) return false;
    const ref = this.open!.ref;
    const ids = this.colsFor(ref).map((c) => ref.sec.cellId(ref.def.id, c));
    // a row of one cell has nothing to split: its number only lacks the space before it
    if (ids.length === 1) this.put(ids[0]!, { ...t, text: m[2]! });
    else this.fused.push({ ids, digits: m[2]!, tok: t, label: `${ref.sec.name}·${ref.def.label}` });
    this.used.add(t);
    this.rowFilled(ref);
    this.open = null;
    return true;
  }

  private opensZone(norm: string): boolean {
    return /^第二十条/.test(norm) || this.format.fingerprints.some((f) => f.test(norm)) || this.sections.some((sec) => sec.titleMatch.test(norm));
  }

  private title(t: Tok): boolean {
    const si = this.info(t).titles.find((s) => s >= this.secIdx) ?? -1;
    if (si < 0 || !(NUMBERED_TITLE.test(t.norm!) || this.sections[si]!.quirks?.bareTitle)) return false;
    this.close();
    this.secIdx = si;
    if (!this.titled.has(si)) this.orphans[si] = [];
    this.titled.add(si);
    this.used.add(t);
    return true;
  }

  /** Where a section's 小计 column sits: before the columns it sums when seen before them, else after. */
  private noteSubtotal(hc: { si: number; id: string }): void {
    const sec = this.sections[hc.si]!;
    const sub = sec.quirks?.subtotal;
    if (!sub) return;
    const at = (id: string) => sec.cols.findIndex((c) => c.id === id);
    if (hc.id === 'extra') this.subtotal = { si: hc.si, at: this.subtotalAfter ? at(sub.of[sub.of.length - 1]!) + 1 : at(sub.of[0]!) };
    if (hc.id === sub.of[0]) this.subtotalAfter = true;
  }

  protected override close(): void {
    const open = this.open;
    if (open && !this.filled.has(open.ref.def.id + '@' + open.ref.si) && open.ref.order >= 0 && !this.pending.includes(open.ref)) this.pending.push(open.ref);
    this.open = null;
  }

  protected override rowFilled(ref: RowRef): void {
    super.rowFilled(ref);
    const p = this.pending.indexOf(ref);
    if (p >= 0) this.pending.splice(p, 1);
  }

  protected override columns(ref: RowRef, run: Tok[]): { cols: string[]; vals: Tok[] } {
    const cols = this.colsFor(ref);
    const vals = this.withoutPadding(run, cols.length);
    const sub = this.subtotal;
    return { cols, vals: sub && sub.si === ref.si && run.length === cols.length + 1 ? run.filter((_, i) => i !== sub.at) : vals };
  }

  /** PDF text: a cell of several lines was extracted elsewhere; keep first and last columns. */
  protected override shortTargets(ref: RowRef, cols: string[], vals: Tok[], atEnd: boolean): string[] {
    if (atEnd || vals.length !== cols.length - 1 || cols.length < 3) return cols;
    this.holes.push({ id: ref.sec.cellId(ref.def.id, cols[vals.length - 1]!), si: ref.si, problem: this.problems.length });
    return [...cols.slice(0, vals.length - 1), cols[cols.length - 1]!];
  }

  protected assignLoose(run: Tok[], atEnd: boolean): void {
    // numbers whose label came earlier, out of reading order
    const target = this.pending.filter((r) => r.si === this.secIdx && this.colsFor(r).length >= 3).sort((a, b) => a.order - b.order)[0];
    if (target && run.length >= this.colsFor(target).length) {
      this.assignRow(target, run, atEnd);
      return;
    }
    if (run.length === 1 && this.secIdx < this.orphans.length) this.orphans[this.secIdx]!.push(run[0]!);
    else
      for (const line of byLine(run))
        // a lone number on a line (a page number, a stray 「1」) is never taken for a row
        // and a line with a label the format does not have is not a row without a label
        if (line.filter((t) => t.text.trim() !== '').length >= 2 && !this.labelledRows().has(line[0]!.row)) this.addUnlabelled(line);
  }

  private labelledRows(): Set<number> {
    return (this.labelRows ??= new Set(this.tokens.filter((t) => t.kind === 'label').map((t) => t.row)));
  }

  /**
   * A one-row section (表四) as flipbook text, column by column under header letters stacked one
   * per line: all its numbers, one per line, in the form's order.
   */
  private readStacked(): void {
    this.sections.forEach((sec, si) => {
      const has = sec.rows.some((r) => sec.cols.some((c) => this.cells[sec.cellId(r.id, c.id)]));
      if (sec.quirks?.oneRow && this.orphans[si]!.length === this.oneRowSize(sec) && !has) this.assignOneRow(si, this.orphans[si]!);
    });
  }

  /** Fills cells left empty by short rows with the single numbers extracted before them; returns the problems this settles. */
  private fillHoles(): Set<number> {
    for (let si = 0; si < this.sections.length; si++) {
      const hs = this.holes.filter((h) => h.si === si);
      const os = this.orphans[si]!;
      if (hs.length && hs.length === os.length) hs.forEach((h, k) => this.put(h.id, os[k]!));
    }
    return new Set(this.holes.filter((h) => this.cells[h.id]).map((h) => h.problem));
  }
}
