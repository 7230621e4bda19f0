import { Overlay, type BadgeView, type BadgeSeverity, type RefView } from '../../components/overlay/overlay';
import { cellLabel } from '../formats';
import { valuesOf, type CheckInput, type Finding, type Report } from '../report';
import { reachableDocuments } from './frames';
import { DocWatcher } from './observe';
import { contains, placeInTop, type Placement } from './place';

/**
 * Live report tables across the frame tree: read them with the reader, check them with the rule
 * engine on every change, and draw the findings in the overlay. Cell elements come from the
 * latest read only; every mutation triggers a fresh read, so no element outlives a change.
 */

export interface LiveDeps {
  /** Cheap pre-filter: false means the document certainly holds no report table. */
  mayHoldReport(root: Document): boolean;
  readDom(root: Document, source?: string): Report[];
  checkReport(input: CheckInput, prior?: CheckInput): Finding[];
}

export interface LiveOptions {
  top: Document;
  deps: LiveDeps;
  /** A hard finding on the cell being typed in waits this long after the last keystroke. */
  pauseMs?: number;
  /** Documents without a report are re-examined at most this often while they change. */
  quietMs?: number;
  /** Last year's data for a report, when known (cross-year rules). */
  prior?: (r: Report) => CheckInput | undefined;
  /** Last year's figures to show beside cells of a report, as references (never written). */
  references?: (r: Report) => { cell: string; value: number }[];
  /** Called after every check (state for the popup changed). */
  changed?: () => void;
  /** The user chose the one-click correction 改为 N on a badge. */
  fix?: (cell: LiveCell, value: number) => void;
}

interface DocState {
  doc: Document;
  id: number;
  reports: Report[];
  findings: Finding[][];
  cellOf: Map<Node, { r: number; id: string }>;
}

interface CellRef {
  doc: Document;
  r: number;
  id: string;
}

export interface LiveCell extends CellRef {
  report: Report;
  el: Element;
}

const SHOWN: ReadonlySet<string> = new Set(['error', 'warning']);

export class LiveTables {
  private readonly top: Document;
  private readonly win: Window;
  private readonly deps: LiveDeps;
  private readonly pauseMs: number;
  private readonly quietMs: number;
  private readonly watcher: DocWatcher;
  private readonly states = new Map<Document, DocState>();
  private readonly dirty = new Set<Document>();
  private overlay: Overlay | null = null;
  private nextId = 1;
  private flushQueued = false;
  private slowTimer = 0;
  private pauseTimer = 0;
  private placeQueued = false;
  private framesQueued = false;
  private typing: (CellRef & { at: number }) | null = null;
  /** badge key → where its cell is, resolved against the latest read at placement time. */
  private shown = new Map<string, CellRef>();
  private stopped = false;
  prior: LiveOptions['prior'];
  references: LiveOptions['references'];
  private readonly changed: () => void;
  private readonly fix: LiveOptions['fix'];
  /** reference key → its cell, like `shown` for badges. */
  private shownRefs = new Map<string, CellRef>();

  constructor(opts: LiveOptions) {
    this.top = opts.top;
    this.win = opts.top.defaultView!;
    this.deps = opts.deps;
    this.pauseMs = opts.pauseMs ?? 800;
    this.quietMs = opts.quietMs ?? 300;
    this.prior = opts.prior;
    this.references = opts.references;
    this.changed = opts.changed ?? (() => {});
    this.fix = opts.fix;
    this.watcher = new DocWatcher(
      {
        mutated: (doc, frames) => {
          if (frames) this.queueFrames();
          const st = this.states.get(doc);
          if (st?.reports.length) this.noteTyping(doc, false);
          this.markDirty(doc, !!st?.reports.length);
          if (doc === this.top) this.overlay?.ensureAttached();
        },
        input: (doc) => {
          this.noteTyping(doc, true);
          this.markDirty(doc, true);
        },
        focus: (doc) => this.focusMoved(doc),
        frameLoaded: () => this.queueFrames(),
        layout: () => this.queuePlace(),
      },
      (n) => this.overlay !== null && n === this.overlay.host,
    );
  }

  start(): void {
    this.rescanFrames();
    this.flush();
  }

  stop(): void {
    this.stopped = true;
    this.overlay?.destroy();
    this.overlay = null;
    this.watcher.stop();
    this.win.clearTimeout(this.slowTimer);
    this.win.clearTimeout(this.pauseTimer);
    this.states.clear();
    this.shown.clear();
    this.shownRefs.clear();
  }

  // ---- frames and scheduling -------------------------------------------------------------

  private queueFrames(): void {
    if (this.framesQueued) return;
    this.framesQueued = true;
    // A microtask: the page's own code (editor init, document.write) finishes first.
    queueMicrotask(() => {
      this.framesQueued = false;
      if (!this.stopped) this.rescanFrames();
    });
  }

  private rescanFrames(): void {
    const docs = reachableDocuments(this.top);
    this.watcher.sync(docs);
    const keep = new Set(docs);
    for (const d of [...this.states.keys()]) if (!keep.has(d)) this.states.delete(d);
    for (const d of docs) {
      if (!this.states.has(d)) this.states.set(d, { doc: d, id: this.nextId++, reports: [], findings: [], cellOf: new Map() });
      this.dirty.add(d); // a rewritten document (document.open) keeps its identity: read it again
    }
    this.queueFlush();
  }

  private markDirty(doc: Document, urgent: boolean): void {
    if (!this.states.has(doc)) return;
    this.dirty.add(doc);
    if (urgent) this.queueFlush();
    else if (!this.slowTimer)
      this.slowTimer = this.win.setTimeout(() => {
        this.slowTimer = 0;
        this.flush();
      }, this.quietMs);
  }

  private queueFlush(): void {
    if (this.flushQueued) return;
    this.flushQueued = true;
    queueMicrotask(() => {
      this.flushQueued = false;
      this.flush();
    });
  }

  /** Read and check every changed document now, then redraw. */
  flush(): void {
    if (this.stopped) return;
    const docs = [...this.dirty];
    this.dirty.clear();
    for (const d of docs) this.scan(d);
    if (docs.length) {
      this.render();
      this.changed();
    }
  }

  private scan(doc: Document): void {
    const st = this.states.get(doc);
    if (!st) return;
    let reports: Report[] = [];
    try {
      if (doc.documentElement && this.deps.mayHoldReport(doc)) reports = this.deps.readDom(doc, 'page');
    } catch (e) {
      console.warn('年报助手：读取表格出错', e);
    }
    st.reports = reports.filter((r) => Object.keys(r.cells).length > 0);
    st.cellOf = new Map();
    st.reports.forEach((rep, r) => {
      for (const [id, c] of Object.entries(rep.cells)) if (c.loc.kind === 'table' && c.loc.el) st.cellOf.set(c.loc.el, { r, id });
    });
    st.findings = st.reports.map((rep) => this.check(rep));
  }

  private check(rep: Report): Finding[] {
    if (!rep.format) return [];
    const input: CheckInput = { format: rep.format, year: rep.year, values: valuesOf(rep) };
    if (rep.body) input.body = rep.body;
    if (rep.narrative) input.narrative = rep.narrative;
    try {
      return this.deps.checkReport(input, this.prior?.(rep));
    } catch (e) {
      console.warn('年报助手：校验出错', e);
      return [];
    }
  }

  /** Re-check every report (prior-year data arrived). */
  recheck(): void {
    for (const d of this.states.keys()) this.dirty.add(d);
    this.flush();
  }

  // ---- typing hold -----------------------------------------------------------------------

  /** The report cell holding the caret (or the focused <input>) in `doc`. */
  private caretCell(doc: Document): CellRef | null {
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

  private noteTyping(doc: Document, fromInput: boolean): void {
    const c = this.caretCell(doc);
    if (c) this.typing = { ...c, at: Date.now() };
    else if (fromInput) this.typing = null;
  }

  private focusMoved(doc: Document): void {
    const t = this.typing;
    if (!t || t.doc !== doc) return;
    const c = this.caretCell(doc);
    const focused = doc.hasFocus();
    if (!focused || !c || c.r !== t.r || c.id !== t.id) {
      this.typing = null;
      this.render();
    }
  }

  private held(doc: Document, r: number, f: Finding, now: number): boolean {
    const t = this.typing;
    return !!t && t.doc === doc && t.r === r && f.cells.includes(t.id) && now - t.at < this.pauseMs;
  }

  // ---- drawing ---------------------------------------------------------------------------

  /** Number of report tables (distinct <table>s or input grids holding report cells). */
  tableCount(): number {
    let n = 0;
    for (const st of this.states.values()) {
      const seen = new Set<number>();
      for (const rep of st.reports) for (const c of Object.values(rep.cells)) if (c.loc.kind === 'table') seen.add(c.loc.table);
      n += seen.size;
    }
    return n;
  }

  private render(): void {
    if (this.stopped) return;
    const tables = this.tableCount();
    if (!this.overlay) {
      if (!tables) return; // nothing visible on pages without report tables
      this.overlay = new Overlay(this.top, (key, _cell, value) => {
        const ref = this.shown.get(key);
        const rep = ref && this.states.get(ref.doc)?.reports[ref.r];
        const el = ref && this.element(ref);
        if (ref && rep && el && this.fix) this.fix({ ...ref, report: rep, el }, value);
      });
    }
    this.overlay.ensureAttached();
    this.overlay.setTables(tables);
    const now = Date.now();
    let wait = Infinity;
    const views = new Map<string, BadgeView>();
    const before = new Set(this.shown.keys());
    this.shown.clear();
    for (const st of this.states.values()) {
      st.findings.forEach((fs, r) => {
        const rep = st.reports[r]!;
        for (const f of fs) {
          if (!SHOWN.has(f.severity)) continue;
          const cell = f.target ?? f.cells[0];
          if (!cell || !elementOf(rep, cell)) continue;
          const key = `${st.id}|${r}|${cell}`;
          // Holding only delays a new badge; one already on screen stays (no flicker while correcting).
          if (!before.has(key) && this.held(st.doc, r, f, now)) {
            wait = Math.min(wait, this.pauseMs - (now - this.typing!.at));
            continue;
          }
          const sev = f.severity as BadgeSeverity;
          const v = views.get(key);
          if (v) {
            if (sev === 'error') v.severity = 'error';
            if (!v.messages.includes(f.message)) v.messages.push(f.message);
            if (v.expected === undefined && f.expected !== undefined && (f.target ?? cell) === cell) {
              v.expected = f.expected;
              v.canFix = f.target === cell;
            }
          } else {
            const nv: BadgeView = {
              key,
              cell,
              severity: sev,
              label: rep.format ? cellLabel(rep.format, cell) : cell,
              messages: [f.message],
            };
            if (f.expected !== undefined && (f.target ?? cell) === cell) {
              nv.expected = f.expected;
              nv.canFix = f.target === cell;
            }
            views.set(key, nv);
            this.shown.set(key, { doc: st.doc, r, id: cell });
          }
        }
      });
    }
    const fresh = this.overlay.update([...views.values()]);
    this.overlay.updateRefs(this.referenceViews());
    this.placeAll();
    if (fresh.length) {
      const first = fresh[0]!;
      const more = fresh.length > 1 ? `等 ${fresh.length} 处` : '';
      this.overlay.announce(`年报助手发现问题：${first.label}${more}。${first.messages[0] ?? ''}`);
    }
    this.win.clearTimeout(this.pauseTimer);
    if (wait !== Infinity) this.pauseTimer = this.win.setTimeout(() => this.render(), Math.max(0, wait) + 1);
  }

  private referenceViews(): RefView[] {
    const out: RefView[] = [];
    this.shownRefs.clear();
    if (!this.references) return out;
    for (const st of this.states.values()) {
      st.reports.forEach((rep, r) => {
        for (const { cell, value } of this.references!(rep)) {
          if (!elementOf(rep, cell)) continue;
          const key = `${st.id}|${r}|${cell}`;
          out.push({ key, cell, text: `上年 ${value}` });
          this.shownRefs.set(key, { doc: st.doc, r, id: cell });
        }
      });
    }
    return out;
  }

  private queuePlace(): void {
    if (this.placeQueued || !this.overlay) return;
    this.placeQueued = true;
    this.win.requestAnimationFrame(() => {
      this.placeQueued = false;
      this.placeAll();
    });
  }

  private placeAll(): void {
    const o = this.overlay;
    if (!o) return;
    for (const [key, ref] of this.shown) {
      const el = this.element(ref);
      const p = el ? placeInTop(el, this.top) : null;
      if (!p) {
        o.place(key, { left: 0, top: 0, visible: false });
        if (el === null) this.markDirty(ref.doc, true);
        continue;
      }
      o.place(key, badgePosition(p));
    }
    for (const [key, ref] of this.shownRefs) {
      const el = this.element(ref);
      const p = el ? placeInTop(el, this.top) : null;
      const visible = !!p && contains(p.clip, p.rect.right - 2, p.rect.bottom - 2);
      o.placeRef(key, p ? { left: p.rect.right - 1, top: p.rect.bottom - 1, visible } : { left: 0, top: 0, visible: false });
    }
  }

  private element(ref: CellRef): Element | null {
    const rep = this.states.get(ref.doc)?.reports[ref.r];
    const el = rep ? elementOf(rep, ref.id) : undefined;
    return el && el.isConnected ? el : null;
  }

  // ---- queries for messages --------------------------------------------------------------

  reports(fresh = true): { doc: Document; report: Report; findings: Finding[] }[] {
    if (fresh) this.flush();
    const out: { doc: Document; report: Report; findings: Finding[] }[] = [];
    for (const st of this.states.values())
      st.reports.forEach((report, r) => out.push({ doc: st.doc, report, findings: st.findings[r] ?? [] }));
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

  /** Scroll a cell into view and highlight it briefly in the overlay. */
  reveal(id: string): boolean {
    const c = this.cell(id);
    if (!c) return false;
    c.el.scrollIntoView({ block: 'center', inline: 'nearest' });
    const p = placeInTop(c.el, this.top);
    if (p && this.overlay) this.overlay.flash(p.rect);
    this.queuePlace();
    return true;
  }

  get overlayHost(): HTMLElement | null {
    return this.overlay?.host ?? null;
  }
}

const BADGE = 16;

/** Badge in the cell's top-right corner, inside it; hidden when that corner is scrolled out of view. */
export function badgePosition(p: Placement): { left: number; top: number; visible: boolean } {
  const left = p.rect.right - BADGE - 1;
  const top = p.rect.top + 1;
  const visible = contains(p.clip, p.rect.right - 2, p.rect.top + 2);
  return { left, top, visible };
}

/** The live element a report cell was read from, if it came from a DOM table or input grid. */
export function elementOf(rep: Report, id: string): Element | undefined {
  const loc = rep.cells[id]?.loc;
  return loc && loc.kind === 'table' ? loc.el : undefined;
}
