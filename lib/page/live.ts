import { BADGE_SIZE, Overlay, type BadgeView, type BadgeSeverity, type Rect, type RefView } from '../../components/overlay/overlay';
import { cellLabel } from '../formats';
import type { NarrativeMap } from '../read/dom';
import { valuesOf, type CheckInput, type Finding, type Report } from '../report';
import { reachableDocuments } from './frames';
import { DocWatcher } from './observe';
import { contains, intersect, placeInTop, type Placement } from './place';

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
  /** The document's narrative with its DOM positions, so a P-TEXT finding can point at its sentence. */
  mapNarrative?(root: Document): NarrativeMap;
  /**
   * P-TEXT on its own: given, the tracker runs it apart from checkReport and only when the
   * narrative or the table's values changed since the last check (it costs ~2 ms per 5,000 characters).
   */
  checkNarrative?(text: string, input: CheckInput): Finding[];
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
  /** The narrative as read with the reports (rebuilt on every read); null without mapNarrative. */
  narrative: NarrativeMap | null;
  /** Per report: the last narrative check and what it was run on. */
  narrChecks: { text: string; values: string; findings: Finding[] }[];
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
const RANK = { error: 0, warning: 1, info: 2 } as const;
/** The narrative is checked again this long after the last change to the table alone. */
const NARRATIVE_DEFER_MS = 120;

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
  /** Deferred narrative checks after the table's values changed (see check). */
  private narrTimer = 0;
  private readonly narrDue = new Set<Document>();
  private narrNow = false;
  private placeQueued = false;
  private framesQueued = false;
  private typing: (CellRef & { at: number }) | null = null;
  /** The narrative (editable text outside report cells) was last typed in: that document, then. */
  private typingText: { doc: Document; at: number } | null = null;
  /** badge key → where its cell is, resolved against the latest read at placement time. */
  private shown = new Map<string, CellRef>();
  /** sentence mark key → its document and narrative span, resolved against the latest read when placed. */
  private shownMarks = new Map<string, { doc: Document; span: { start: number; end: number } }>();
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
    this.win.clearTimeout(this.narrTimer);
    this.states.clear();
    this.shown.clear();
    this.shownRefs.clear();
    this.shownMarks.clear();
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
      if (!this.states.has(d)) this.states.set(d, { doc: d, id: this.nextId++, reports: [], findings: [], cellOf: new Map(), narrative: null, narrChecks: [] });
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
    st.narrative = null;
    if (st.reports.length && this.deps.mapNarrative) {
      try {
        st.narrative = this.deps.mapNarrative(doc);
        for (const rep of st.reports) rep.narrative = st.narrative.text;
      } catch (e) {
        console.warn('年报助手：读取正文出错', e);
      }
    }
    st.findings = st.reports.map((rep, r) => this.check(st, rep, r));
    st.narrChecks.length = st.reports.length;
  }

  private check(st: DocState, rep: Report, r: number): Finding[] {
    if (!rep.format) return [];
    const input: CheckInput = { format: rep.format, year: rep.year, values: valuesOf(rep) };
    if (rep.body) input.body = rep.body;
    const separate = this.deps.checkNarrative;
    if (rep.narrative && !separate) input.narrative = rep.narrative;
    try {
      const out = this.deps.checkReport(input, this.prior?.(rep));
      if (!separate || !rep.narrative) return out;
      const text = rep.narrative;
      const values = JSON.stringify([input.format, input.year, input.values]);
      let last = st.narrChecks[r];
      if (last && last.text === text && last.values !== values && !this.narrNow) {
        // Only the table changed (typing in a cell): keep the cell's badge fast and check the narrative
        // once the typing pauses; its findings' spans still fit the unchanged text meanwhile.
        this.deferNarrative(st.doc);
      } else if (last?.text !== text || last.values !== values) {
        st.narrChecks[r] = last = { text, values, findings: separate(text, input) };
      }
      return last.findings.length ? [...out, ...last.findings].sort((a, b) => RANK[a.severity] - RANK[b.severity]) : out;
    } catch (e) {
      console.warn('年报助手：校验出错', e);
      return [];
    }
  }

  private deferNarrative(doc: Document): void {
    this.narrDue.add(doc);
    this.win.clearTimeout(this.narrTimer);
    this.narrTimer = this.win.setTimeout(() => {
      this.narrTimer = 0;
      for (const d of this.narrDue) if (this.states.has(d)) this.dirty.add(d);
      this.narrDue.clear();
      this.narrNow = true;
      try {
        this.flush();
      } finally {
        this.narrNow = false;
      }
    }, NARRATIVE_DEFER_MS);
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
    else {
      if (fromInput) this.typing = null;
      // Model editors (CKEditor 5) fire no input event: a change with the caret in editable text counts too.
      if (fromInput || caretInEditable(doc)) this.typingText = { doc, at: Date.now() };
    }
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

  /** How long a new finding still waits because one of its cells (or, for P-TEXT, the narrative) is being typed in; 0 = show it. */
  private held(doc: Document, r: number, f: Finding, now: number): number {
    let wait = 0;
    const t = this.typing;
    if (t && t.doc === doc && t.r === r && f.cells.includes(t.id)) wait = this.pauseMs - (now - t.at);
    const x = this.typingText;
    if (f.span && x && x.doc === doc) wait = Math.max(wait, this.pauseMs - (now - x.at));
    return Math.max(0, wait);
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
    const marks: BadgeView[] = [];
    const before = new Set(this.shown.keys());
    const marksBefore = new Set(this.shownMarks.keys());
    this.shown.clear();
    this.shownMarks.clear();
    for (const st of this.states.values()) {
      st.findings.forEach((fs, r) => {
        const rep = st.reports[r]!;
        const sentences = new Map<string, number>();
        for (const f of fs) {
          if (!SHOWN.has(f.severity)) continue;
          const cell = f.target ?? f.cells[0];
          if (f.span && st.narrative && cell) {
            // The n-th P-TEXT sentence about this cell: stable while the text before it changes.
            const n = (sentences.get(cell) ?? 0) + 1;
            sentences.set(cell, n);
            const key = `${st.id}|${r}|${cell}|sentence${n}`;
            const hold = marksBefore.has(key) ? 0 : this.held(st.doc, r, f, now);
            if (hold) wait = Math.min(wait, hold);
            else {
              const label = rep.format ? cellLabel(rep.format, cell) : cell;
              marks.push({ key, cell, severity: f.severity as BadgeSeverity, label, messages: [f.message] });
              this.shownMarks.set(key, { doc: st.doc, span: f.span });
            }
          }
          if (!cell || !elementOf(rep, cell)) continue;
          const key = `${st.id}|${r}|${cell}`;
          // Holding only delays a new badge; one already on screen stays (no flicker while correcting).
          const hold = before.has(key) ? 0 : this.held(st.doc, r, f, now);
          if (hold) {
            wait = Math.min(wait, hold);
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
    this.overlay.updateMarks(marks);
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
    for (const [key, m] of this.shownMarks) {
      const rects = this.sentenceRects(m.doc, m.span);
      if (rects === null) this.markDirty(m.doc, true);
      o.placeMark(key, rects ?? []);
    }
  }

  /**
   * The visible line boxes of a narrative span, in the top viewport; null only when the latest read's
   * text nodes no longer hold it (the document changed: read it again).
   */
  private sentenceRects(doc: Document, span: { start: number; end: number }): Rect[] | null {
    const at = this.states.get(doc)?.narrative?.locate(span.start, span.end);
    if (!at) return [];
    const { startNode, startOffset, endNode, endOffset } = at;
    if (!startNode.isConnected || !endNode.isConnected || startOffset > startNode.length || endOffset > endNode.length) return null;
    const root = doc.documentElement;
    const origin = root ? placeInTop(root, this.top) : null;
    if (!origin) return [];
    // Same offsets as placeInTop gives an element of this document.
    const own = root!.getBoundingClientRect();
    const dx = origin.rect.left - own.left;
    const dy = origin.rect.top - own.top;
    const range = doc.createRange();
    range.setStart(startNode, startOffset);
    range.setEnd(endNode, endOffset);
    const out: Rect[] = [];
    for (const r of Array.from(range.getClientRects())) {
      if (r.width < 1 || r.height < 1) continue;
      const box = intersect({ left: r.left + dx, top: r.top + dy, right: r.right + dx, bottom: r.bottom + dy }, origin.clip);
      if (box.right > box.left && box.bottom > box.top) out.push(box);
    }
    range.detach();
    return out;
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

  /** Tell the clerk something they must act on (shown in the overlay, also read out). */
  notice(text: string): void {
    this.overlay?.notice(text);
  }

  get overlayHost(): HTMLElement | null {
    return this.overlay?.host ?? null;
  }
}

/** How far a badge's centre sits up and right of its cell's top-right corner, px. */
const BADGE_SHIFT = 2;

/**
 * Badge on the cell's top-right corner, straddling its border and shifted up and right: only a
 * 5 px square of it is inside the cell, off the cell's text (narrow cells keep their digits
 * readable). Hidden when that corner is scrolled out of view.
 */
export function badgePosition(p: Placement): { left: number; top: number; visible: boolean } {
  const left = p.rect.right - BADGE_SIZE / 2 + BADGE_SHIFT;
  const top = p.rect.top - BADGE_SIZE / 2 - BADGE_SHIFT;
  const visible = contains(p.clip, p.rect.right - 2, p.rect.top + 2);
  return { left, top, visible };
}

/** The live element a report cell was read from, if it came from a DOM table or input grid. */
export function elementOf(rep: Report, id: string): Element | undefined {
  const loc = rep.cells[id]?.loc;
  return loc && loc.kind === 'table' ? loc.el : undefined;
}

/** The caret is in editable text of `doc` (an editor body in design mode or a contenteditable region). */
function caretInEditable(doc: Document): boolean {
  if (!doc.hasFocus()) return false;
  if (doc.designMode === 'on') return true;
  const n = doc.getSelection()?.anchorNode;
  const el = n ? (n.nodeType === 1 ? (n as Element) : n.parentElement) : null;
  return !!el && (el as HTMLElement).isContentEditable;
}
