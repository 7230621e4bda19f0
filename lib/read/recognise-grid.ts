import type { FormatDef } from '../formats/types';
import type { RowRef } from './catalogue';
import { type Recognised, RowReader } from './row-reader';
import type { Tok } from './tokens';

/**
 * Maps the tokens of HTML table grids to the canonical cells of one format: a row's values are
 * the value cells of its own table row and never continue on the next one.
 */
export function recogniseGrid(tokens: readonly Tok[], format: FormatDef): Recognised {
  return new GridReader(tokens, format).read();
}

class GridReader extends RowReader {
  // header leaves of a section whose header says where each column is, by grid column
  private colMap: (string | null)[] = [];
  private colKey: unknown[] = [];
  private headerOpen = false;

  read(): Recognised {
    for (const t of this.tokens) {
      if (this.restartAt !== undefined) break;
      if (t.kind === 'noise' || t.kind === 'unit') continue;
      if (this.run.length && t.row !== this.runRow) this.flush(false);
      if (this.open && t.row !== this.open.tok.row && !t.copy && t.kind === 'value') this.close();
      if (t.kind === 'value') {
        if (!t.copy && this.headerOpen) this.headerOpen = false;
        this.push(t);
        continue;
      }
      if (this.inlineValue(t)) continue;
      if (this.run.length) this.flush(false);
      if (!this.info(t).shaped) continue;
      if (this.header(t, (hc) => this.noteColumn(t, hc))) continue;
      if (!this.row(t)) this.groupRow(t);
      // anything else is context
    }
    if (this.restartAt === undefined) this.flush(true);
    this.placeUnlabelled();
    return this.result();
  }

  /** A cell that a later table gives again: a second report begins there. */
  protected override accepts(id: string, tok: Tok): boolean {
    const had = this.cells[id]?.loc;
    if (had?.kind === 'table' && tok.loc.kind === 'table' && tok.loc.table > had.table) {
      this.restartAt = tok.loc.table;
      return false;
    }
    return true;
  }

  private noteColumn(t: Tok, hc: { si: number; id: string }): void {
    if (!this.sections[hc.si]!.quirks?.colsFromHeader || t.gc === undefined || hc.id === 'group') return;
    if (!this.headerOpen) {
      this.colMap = [];
      this.colKey = [];
      this.headerOpen = true;
    }
    for (let c = t.gc; c < t.gc + (t.gs ?? 1); c++) {
      this.colMap[c] = hc.id;
      this.colKey[c] = t;
    }
  }

  /** The header's leaf columns in grid order, null where a column holds no cell (小计). */
  private leaves(): (string | null)[] {
    const out: (string | null)[] = [];
    let last: unknown = undefined;
    for (let c = 0; c < this.colMap.length; c++) {
      const id = this.colMap[c];
      if (id === undefined || id === null) continue;
      if (this.colKey[c] === last) continue;
      last = this.colKey[c];
      out.push(id === 'extra' ? null : id);
    }
    return out;
  }

  protected override columns(ref: RowRef, run: Tok[]): { cols: string[]; vals: Tok[] } {
    if (ref.sec.quirks?.colsFromHeader && !ref.def.cols) {
      const leaves = this.leaves();
      if (leaves.length === run.length && leaves.some((l) => l !== null)) return { cols: leaves.map((l) => l ?? ''), vals: run };
    }
    return super.columns(ref, run);
  }

  protected assignLoose(run: Tok[]): void {
    // a one-row section (表四) as small tables, one per row, with the row named outside the table
    const sec = this.sec;
    if (sec?.quirks?.oneRow && run.length === sec.cols.length) this.addUnlabelled(run);
  }
}
