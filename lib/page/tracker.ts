import type { CheckOptions, CheckResult, Suggestion } from '../check';
import { markConfirmed, type Confirmation } from '../check/confirmed';
import { recentEdits } from '../check/recent';
import type { NarrativeMap } from '../read/dom';
import { sameValues, valuesOf, type CheckInput, type Finding, type Report, type Values } from '../report';
import type { CellRef } from './hold';
import { Scheduler } from './scheduler';
import { ValueEdits } from './value-edits';

/**
 * The live table tracker: the report tables of every reachable document, read with the reader and
 * checked with the check pipeline on every change. Cell elements come from the latest read only:
 * a change is read in full unless only the text of cells read last time, or text outside the tables, changed
 * (ValueEdits): then just those cells are read again, and the narrative.
 */

export interface TrackerDeps {
  /** Cheap pre-filter: false means the document certainly holds no report table. */
  mayHoldReport(root: Document): boolean;
  readDom(root: Document, source?: string): Report[];
  /** The check pipeline (lib/check). */
  check(report: Report, opts: CheckOptions): CheckResult | null;
  /** The document's narrative with its DOM positions, so a P-TEXT finding can point at its sentence. */
  mapNarrative?(root: Document): NarrativeMap;
  /**
   * A report of the last read with the cells read from `changed` read again, and `narrative` as its narrative
   * when given (lib/read/reread.ts); null when only a full read can tell. Without it every change is read in full.
   */
  rereadCells?(report: Report, changed: Iterable<Element>, narrative?: string): Report | null;
}

export interface TrackerEvents {
  /** Reports were read and checked again. */
  checked(): void;
  /** A document's DOM changed (`reports`: it holds report tables), or was typed in. */
  mutated(doc: Document, reports: boolean): void;
  /** `doc` was typed in at `at` (Date.now()'s clock). */
  input(doc: Document, at: number): void;
  focus(doc: Document): void;
  layout(): void;
  /** A menu or dialog may have opened or closed over the badges (top document). */
  cover(): void;
}

export interface DocState {
  doc: Document;
  id: number;
  reports: Report[];
  findings: Finding[][];
  suggestions: (Suggestion | null)[];
  cellOf: Map<Node, { r: number; id: string }>;
  /** How many tables (distinct <table>s or input grids) the reports' cells were read from. */
  tables: number;
  /** The narrative as read with the reports (rebuilt on every read); null without mapNarrative. */
  narrative: NarrativeMap | null;
  /** Per report: the last narrative check and what it was run on. */
  narrChecks: { text: string; format: Report['format']; year: number | null; values: Values; findings: Finding[] }[];
  /** Per report: its values at the last read and the cells edited since, most recent first. */
  edits: { values: Values; recent: string[] }[];
}

export interface LiveCell extends CellRef {
  report: Report;
  el: Element;
}

/** The narrative is checked again this long after the last change to the table alone. */
const NARRATIVE_DEFER_MS = 120;

export class LiveTracker {
  readonly states = new Map<Document, DocState>();
  readonly scheduler: Scheduler;
  private readonly win: Window;
  private readonly edits = new ValueEdits((doc) => this.states.get(doc)?.cellOf);
  /** The clerk's 核实说明 for a report: its confirmed warnings carry their note (lib/check/confirmed). */
  confirmations: ((r: Report) => readonly Confirmation[]) | undefined;
  private nextId = 1;
  private narrTimer = 0;
  /** When the narrative is due (performance.now()): typing moves it on, the one timer waits for it. */
  private narrAt = 0;
  private readonly narrDue = new Set<Document>();
  private narrNow = false;

  constructor(
    top: Document,
    private readonly deps: TrackerDeps,
    private readonly events: TrackerEvents,
    /** Last year's data for a report, when known (cross-year rules). */
    public prior: ((r: Report) => CheckInput | undefined) | undefined,
    quietMs: number,
    ignore: (n: Node) => boolean,
  ) {
    this.win = top.defaultView!;
    this.scheduler = new Scheduler(
      top,
      {
        flush: (docs) => {
          for (const d of docs) this.scan(d);
          this.events.checked();
        },
        documents: (docs) => {
          const keep = new Set(docs);
          for (const d of [...this.states.keys()])
            if (!keep.has(d)) {
              this.states.delete(d);
              this.edits.forget(d);
            }
          // frames came or went, or a document was rewritten: read each in full
          for (const d of docs) this.edits.unsure(d);
          for (const d of docs)
            if (!this.states.has(d))
              this.states.set(d, { doc: d, id: this.nextId++, reports: [], findings: [], suggestions: [], cellOf: new Map(), tables: 0, narrative: null, narrChecks: [], edits: [] });
        },
        mutated: (doc, records) => {
          this.edits.mutated(doc, records);
          const reports = !!this.states.get(doc)?.reports.length;
          this.events.mutated(doc, reports);
          return reports;
        },
        input: (doc, target, at) => {
          this.edits.input(doc, target);
          this.events.input(doc, at);
        },
        focus: (doc) => this.events.focus(doc),
        layout: () => this.events.layout(),
        cover: () => this.events.cover(),
      },
      quietMs,
      ignore,
    );
  }

  start(): void {
    this.scheduler.start();
  }

  stop(): void {
    this.scheduler.stop();
    this.win.clearTimeout(this.narrTimer);
    this.narrTimer = 0;
    this.narrDue.clear();
    this.states.clear();
    this.edits.forget();
  }

  /** Read and check every changed document now. */
  flush(): void {
    this.scheduler.flushNow();
  }

  /** Check every report again (prior-year data arrived). */
  recheck(): void {
    this.scheduler.markAll();
    this.scheduler.flushNow();
  }

  /** A document's cell went away: read it again. */
  stale(doc: Document): void {
    this.edits.unsure(doc);
    this.scheduler.markDirty(doc, true);
  }

  private scan(doc: Document): void {
    const st = this.states.get(doc);
    if (!st) return;
    const reread = this.reread(st);
    if (reread) st.reports = reread;
    else this.read(st);
    const results = st.reports.map((rep, r) => this.check(st, rep, r));
    st.findings = results.map((x, r) => {
      const fs = x?.findings ?? [];
      const confirmed = this.confirmations?.(st.reports[r]!) ?? [];
      return confirmed.length ? markConfirmed(fs, confirmed, x?.input.values ?? valuesOf(st.reports[r]!)) : fs;
    });
    st.suggestions = results.map((x) => x?.suggestion ?? null);
    st.narrChecks.length = st.reports.length;
    st.edits.length = st.reports.length;
  }

  /**
   * The reports with only the cells whose text changed read again, and the narrative when text outside the tables
   * changed; null when the document must be read in full.
   */
  private reread(st: DocState): Report[] | null {
    const changed = this.edits.take(st.doc);
    if (!changed || !st.reports.length || !this.deps.rereadCells) return null;
    try {
      let narrative: NarrativeMap | undefined;
      if (changed.outside.length) {
        if (!this.deps.mapNarrative) return null;
        narrative = this.deps.mapNarrative(st.doc);
      }
      const out: Report[] = [];
      const elements = changed.outside.length ? [...changed.cells, ...changed.outside] : changed.cells;
      for (const rep of st.reports) {
        const next = this.deps.rereadCells(rep, elements, narrative?.text);
        if (!next) return null;
        out.push(next);
      }
      if (narrative) st.narrative = narrative;
      return out;
    } catch (e) {
      console.warn('年报助手：读取表格出错', e);
      return null;
    }
  }

  /** Read the document's reports and narrative in full. */
  private read(st: DocState): void {
    const doc = st.doc;
    let reports: Report[] = [];
    try {
      // A document that held reports at the last read is read again at once (typing in it): the pre-filter
      // would only repeat the reader's own first look at the tables' text.
      if (doc.documentElement && (st.reports.length > 0 || this.deps.mayHoldReport(doc))) reports = this.deps.readDom(doc, 'page');
    } catch (e) {
      console.warn('年报助手：读取表格出错', e);
    }
    st.reports = reports.filter((r) => Object.keys(r.cells).length > 0);
    st.cellOf = new Map();
    const tables = new Set<number>();
    st.reports.forEach((rep, r) => {
      for (const [id, c] of Object.entries(rep.cells)) {
        if (c.loc.kind !== 'table') continue;
        tables.add(c.loc.table);
        if (c.loc.el) st.cellOf.set(c.loc.el, { r, id });
      }
    });
    st.tables = tables.size;
    st.narrative = null;
    if (st.reports.length && this.deps.mapNarrative) {
      try {
        st.narrative = this.deps.mapNarrative(doc);
        for (const rep of st.reports) rep.narrative = st.narrative.text;
      } catch (e) {
        console.warn('年报助手：读取正文出错', e);
      }
    }
    this.edits.read(doc);
  }

  private check(st: DocState, rep: Report, r: number): CheckResult | null {
    if (!rep.format) return null;
    const values = valuesOf(rep);
    const last = st.edits[r];
    const recent = recentEdits(last?.values ?? null, values, last?.recent ?? []);
    st.edits[r] = { values, recent };
    const opts: CheckOptions = { recentlyEdited: recent };
    const prior = this.prior?.(rep);
    if (prior) opts.prior = prior;
    const text = rep.narrative;
    const narr = st.narrChecks[r];
    if (text !== undefined && narr && narr.text === text) {
      // Only the table changed (typing in a cell): keep the cell's badge fast and check the narrative
      // once the typing pauses; its findings' spans still fit the unchanged text meanwhile.
      const same = narr.format === rep.format && narr.year === rep.year && sameValues(narr.values, values);
      if (same || !this.narrNow) opts.narrative = narr.findings;
      if (!same && !this.narrNow) this.deferNarrative(st.doc);
    }
    try {
      const out = this.deps.check(rep, opts);
      if (out && text !== undefined && !opts.narrative) st.narrChecks[r] = { text, format: rep.format, year: rep.year, values, findings: out.narrative };
      return out;
    } catch (e) {
      console.warn('年报助手：校验出错', e);
      return null;
    }
  }

  private deferNarrative(doc: Document): void {
    this.narrDue.add(doc);
    this.narrAt = this.win.performance.now() + NARRATIVE_DEFER_MS;
    if (!this.narrTimer) this.waitForNarrative(NARRATIVE_DEFER_MS);
  }

  private waitForNarrative(ms: number): void {
    this.narrTimer = this.win.setTimeout(() => {
      const left = this.narrAt - this.win.performance.now();
      if (left > 0) return this.waitForNarrative(left);
      this.narrTimer = 0;
      for (const d of this.narrDue) this.scheduler.mark(d);
      this.narrDue.clear();
      this.narrNow = true;
      try {
        this.flush();
      } finally {
        this.narrNow = false;
      }
    }, ms);
  }

  // ---- what is on the page now -----------------------------------------------------------

  /** The report cell holding the caret (or the focused <input>) in `doc`. */
  caretCell(doc: Document): CellRef | null {
    const st = this.states.get(doc);
    if (!st || !st.cellOf.size) return null;
    const ae = doc.activeElement;
    let node: Node | null =
      ae && (ae.tagName === 'INPUT' || ae.tagName === 'TEXTAREA') ? ae : (doc.getSelection()?.anchorNode ?? null);
    for (; node && node !== doc; node = node.parentNode) {
      const hit = st.cellOf.get(node);
      if (hit) return { doc, ...hit };
    }
    return null;
  }

  /** Number of report tables (distinct <table>s or input grids holding report cells). */
  tableCount(): number {
    let n = 0;
    for (const st of this.states.values()) n += st.tables;
    return n;
  }

  reports(fresh = true): { doc: Document; report: Report; findings: Finding[]; suggestion: Suggestion | null }[] {
    if (fresh) this.flush();
    const out: { doc: Document; report: Report; findings: Finding[]; suggestion: Suggestion | null }[] = [];
    for (const st of this.states.values())
      st.reports.forEach((report, r) => out.push({ doc: st.doc, report, findings: st.findings[r] ?? [], suggestion: st.suggestions[r] ?? null }));
    return out;
  }

  /** The first live cell with this canonical id, resolved now. */
  cell(id: string): LiveCell | null {
    this.flush();
    for (const st of this.states.values()) {
      for (let r = 0; r < st.reports.length; r++) {
        const rep = st.reports[r]!;
        const el = elementOf(rep, id);
        if (el && el.isConnected) return { doc: st.doc, r, id, report: rep, el };
      }
    }
    return null;
  }

  /** The cell's element in the latest read, if it is still in its document. */
  element(ref: CellRef): Element | null {
    const rep = this.states.get(ref.doc)?.reports[ref.r];
    const el = rep ? elementOf(rep, ref.id) : undefined;
    return el && el.isConnected ? el : null;
  }
}

/** The live element a report cell was read from, if it came from a DOM table or input grid. */
export function elementOf(rep: Report, id: string): Element | undefined {
  const loc = rep.cells[id]?.loc;
  return loc && loc.kind === 'table' ? loc.el : undefined;
}
