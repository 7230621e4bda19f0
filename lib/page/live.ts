import type { Confirmation } from '../check/confirmed';
import { t } from '../i18n';
import type { Report, CheckInput, Finding } from '../report';
import { badgeViews, referenceViews } from './badges';
import { TypingHold, type CellRef } from './hold';
import { CoverMemory, typingOnly } from './cover-watch';
import { whenIdle, type IdleTime } from './idle';
import { covered, offscreenSide, placeInTop, probePoints, Reads, refPosition, spotOf, Spots, type Box, type Spot } from './place';
import { LiveTracker, type DocState, type LiveCell, type TrackerDeps } from './tracker';
import type { BadgeView, MakeOverlay, OverlayView, Pos } from './view';

export { elementOf, type LiveCell } from './tracker';

/**
 * Live badges: the tracker's findings drawn next to their cells across the frame tree, held while
 * a cell is typed in, placed in the top viewport and kept there as the page scrolls.
 */

export interface LiveDeps extends TrackerDeps {
  /** The drawing surface, handed over by the entry point. */
  overlay: MakeOverlay;
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
  /** The clerk's 核实说明 of a report (its confirmed warnings leave the counts). */
  confirmations?: (r: Report) => readonly Confirmation[];
  /** The user marked these 核实性 problems of a cell 已核实 with `note` on its badge. */
  confirm?: (report: Report, findings: Finding[], note: string) => void;
}

/** What a layer may ask of the page while placing: the top document, a document's state, "re-read it", and cover. */
export interface LayerPage {
  top: Document;
  /** The top viewport. */
  view: Box;
  /** What this placing pass has read of the page (boxes, frames, styles): read again only what is not there. */
  reads: Reads;
  stateOf(doc: Document): DocState | undefined;
  stale(doc: Document): void;
  /** Whether the page or the editor draws over `box` (inside `clip`) where `scope` should show through. */
  covered(scope: Element, box: Box, clip: Box): boolean;
}

/** A further drawing on the live overlay (a feature's), drawn after every check and placed with the badges. */
export interface LiveLayer {
  /** Show what the states say; returns the ms until a held item is due (Infinity when none). */
  render(overlay: OverlayView, states: DocState[], hold: TypingHold, now: number): number;
  place(overlay: OverlayView, page: LayerPage): void;
  /**
   * What placing the items held by typing will read (their boxes, whether they are covered), one piece of work per
   * item: drawn at the pause, they are then only drawn.
   */
  prepare?(): ((page: LayerPage) => void)[];
  clear(overlay: OverlayView | null): void;
}

/** Held items are prepared for drawing this long after the last keystroke (the pause is 800 ms). */
const PREPARE_AFTER_MS = 200;
/** Another held item is prepared in the same idle time while this much of it is left (ms). */
const PREPARE_SLICE_MS = 8;

export class LiveTables {
  private readonly top: Document;
  private readonly win: Window;
  private readonly tracker: LiveTracker;
  private readonly hold: TypingHold;
  private overlay: OverlayView | null = null;
  private pauseTimer = 0;
  /** When a held item is due (Date.now()), as of the last drawing; when the pause timer fires. */
  private pauseDue = Infinity;
  private pauseTimerAt = 0;
  private prepareTimer = 0;
  /** Counts the held items' preparings: one put off by typing stops. */
  private preparing = 0;
  private readonly life = new AbortController();
  private placeQueued = false;
  private shown = new Map<string, CellRef>();
  private readonly layers = new Set<LiveLayer>();
  private shownRefs = new Map<string, CellRef>();
  private heldCells = new Map<string, CellRef>();
  /** Whether each badge's spot is covered, kept until something that can cover may have changed. */
  private readonly covers = new CoverMemory();
  private readonly spots = new Spots();
  references: LiveOptions['references'];

  constructor(private readonly opts: LiveOptions) {
    this.top = opts.top;
    this.win = opts.top.defaultView!;
    this.references = opts.references;
    this.tracker = new LiveTracker(
      opts.top,
      opts.deps,
      {
        checked: () => {
          this.render();
          opts.changed?.();
        },
        mutated: (doc, reports) => {
          if (reports) this.hold.note(doc, false);
          if (doc === this.top) this.overlay?.ensureAttached();
          // The top document's changes that may cover come as `cover`; a frame's, unless all typing, here.
          else if (!typingOnly(doc)) this.covers.forget();
        },
        input: (doc, at) => this.hold.note(doc, true, at),
        focus: (doc) => {
          if (this.hold.focusMoved(doc)) this.render();
          else if (this.shownRefs.size) this.queuePlace(); // reference tags follow the caret
        },
        layout: () => {
          this.covers.forget();
          this.queuePlace();
        },
        // Menus and dialogs opening without a scroll or resize hide the badges they cover at once.
        cover: () => {
          this.covers.forget();
          this.queuePlace();
        },
      },
      opts.prior,
      opts.quietMs ?? 300,
      (n) => this.overlay !== null && n === this.overlay.host,
    );
    this.hold = new TypingHold(opts.pauseMs ?? 800, (doc) => this.tracker.caretCell(doc));
    this.tracker.confirmations = opts.confirmations;
  }

  get prior(): LiveOptions['prior'] {
    return this.tracker.prior;
  }

  set prior(p: LiveOptions['prior']) {
    this.tracker.prior = p;
  }

  start(): void {
    this.tracker.start();
  }

  stop(): void {
    this.overlay?.destroy();
    this.overlay = null;
    this.tracker.stop();
    this.win.clearTimeout(this.pauseTimer);
    this.win.clearTimeout(this.prepareTimer);
    this.life.abort();
    this.shown.clear();
    this.shownRefs.clear();
    this.heldCells.clear();
    for (const l of this.layers) l.clear(null);
    this.layers.clear();
  }

  /** Draw a layer with the badges from now on; the returned function takes it off again. */
  addLayer(layer: LiveLayer): () => void {
    this.layers.add(layer);
    this.render();
    return () => {
      if (!this.layers.delete(layer)) return;
      layer.clear(this.overlay);
    };
  }

  flush(): void {
    this.tracker.flush();
  }

  recheck(): void {
    this.tracker.recheck();
  }

  tableCount(): number {
    return this.tracker.tableCount();
  }

  reports(fresh = true): ReturnType<LiveTracker['reports']> {
    return this.tracker.reports(fresh);
  }

  cell(id: string): LiveCell | null {
    return this.tracker.cell(id);
  }

  /** Tell the clerk something they must act on (shown in the overlay, also read out). */
  notice(text: string): void {
    this.overlay?.notice(text);
  }

  /** Scroll a cell into view and highlight it briefly in the overlay. */
  reveal(id: string): boolean {
    const c = this.cell(id);
    if (!c) return false;
    c.el.scrollIntoView({ block: 'center', inline: 'nearest' });
    this.covers.forget();
    const p = placeInTop(c.el, this.top);
    if (p && this.overlay) this.overlay.flash(p.rect);
    this.queuePlace();
    return true;
  }

  private render(): void {
    if (this.life.signal.aborted) return;
    const tables = this.tracker.tableCount();
    if (!this.overlay) {
      if (!tables) return; // nothing visible on pages without report tables
      this.overlay = this.opts.deps.overlay(
        this.top,
        (key, _cell, value) => {
          const ref = this.shown.get(key);
          const rep = ref && this.tracker.states.get(ref.doc)?.reports[ref.r];
          const el = ref && this.tracker.element(ref);
          if (ref && rep && el && this.opts.fix) this.opts.fix({ ...ref, report: rep, el }, value);
        },
        (key, note) => {
          const ref = this.shown.get(key);
          const st = ref && this.tracker.states.get(ref.doc);
          const rep = st?.reports[ref!.r];
          if (!ref || !st || !rep || !this.opts.confirm) return;
          const open = (st.findings[ref.r] ?? []).filter((f) => (f.target ?? f.cells[0]) === ref.id && f.severity === 'warning' && f.confirmed === undefined);
          if (open.length) this.opts.confirm(rep, open, note);
        },
      );
    }
    const o = this.overlay;
    o.ensureAttached();
    // One pass reads every box first and draws after: a write before a read would make the browser lay out again.
    const writes: (() => void)[] = [];
    const later = deferDrawing(o, writes);
    later.setTables(tables);
    const states = [...this.tracker.states.values()];
    const now = Date.now();
    const v = badgeViews(states, this.hold, new Set(this.shown.keys()), now);
    this.shown = v.cells;
    this.heldCells = v.held;
    let wait = v.wait;
    const refs = this.references ? referenceViews(states, this.references) : { views: [], cells: new Map<string, CellRef>() };
    this.shownRefs = refs.cells;
    let fresh: BadgeView[] = [];
    writes.push(() => void (fresh = o.update(v.badges)));
    for (const l of this.layers) wait = Math.min(wait, l.render(later, states, this.hold, now));
    later.updateRefs(refs.views);
    this.readPlaces(later);
    for (const w of writes) w();
    if (fresh.length) {
      const first = fresh[0]!;
      const more = fresh.length > 1 ? t('page.announceMore', { n: fresh.length }) : '';
      o.announce(t('page.announce', { label: first.label, more, message: first.messages[0] ?? '' }));
    }
    this.waitForPause(wait === Infinity ? Infinity : now + Math.max(0, wait) + 1);
    if (wait !== Infinity) this.prepareHeld();
  }

  /**
   * Once typing has paused a little, and while the page is idle, what drawing the held items at the pause will read
   * is read: hit tests for cover cost a millisecond or more each on a slow PC, and are then kept (CoverMemory) until
   * anything that can cover changes. One item at a time while the page stays idle, so a keystroke waits for one
   * at most; typing again puts it all off.
   */
  private prepareHeld(): void {
    this.win.clearTimeout(this.prepareTimer);
    const run = ++this.preparing;
    this.prepareTimer = this.win.setTimeout(() => {
      const work: ((page: LayerPage) => void)[] = [];
      for (const ref of this.heldCells.values()) work.push((page) => this.prepareBadge(ref, page));
      for (const l of this.layers) work.push(...(l.prepare?.() ?? []));
      const step = (idle: IdleTime) => {
        const o = this.overlay;
        if (!o || run !== this.preparing) return;
        const reads = new Reads(this.covers);
        const page = this.layerPage(reads, reads.viewport(this.top)!, o.host, () => {});
        do work.shift()!(page);
        while (work.length && idle.timeRemaining() > PREPARE_SLICE_MS);
        if (work.length) whenIdle(this.win, step, this.life.signal);
      };
      if (work.length) whenIdle(this.win, step, this.life.signal);
    }, PREPARE_AFTER_MS);
  }

  /** What placing a held badge reads (readPlaces): its cell's box and, where it shows, whether it is covered. */
  private prepareBadge(ref: CellRef, page: LayerPage): void {
    const el = this.tracker.element(ref);
    const p = el && placeInTop(el, this.top, page.reads);
    const spot = p && spotOf(p, page.view);
    if (spot?.pos.visible && this.overlay) this.badgeCovered(el!, spot.points, this.overlay.host, page.reads);
  }

  /** Whether the page draws over a cell's badge at its spot's points (its table shows through, else the cell). */
  private badgeCovered(el: Element, points: Spot['points'], host: Element, reads: Reads): boolean {
    return covered(el.closest('table') ?? el, this.top, points, host, reads);
  }

  /**
   * Draw again at `due` (Date.now(); Infinity: no need), the soonest a held item is due as of the last drawing.
   * Typing moves it on: a timer already set for sooner is kept, and when it fires it only waits the rest.
   */
  private waitForPause(due: number): void {
    this.pauseDue = due;
    if (this.pauseTimer && this.pauseTimerAt <= due && due !== Infinity) return;
    this.win.clearTimeout(this.pauseTimer);
    this.pauseTimer = 0;
    if (due !== Infinity) this.armPause(due);
  }

  private armPause(at: number): void {
    this.pauseTimerAt = at;
    this.pauseTimer = this.win.setTimeout(() => {
      this.pauseTimer = 0;
      if (this.pauseDue === Infinity) return;
      // The held item is due a millisecond before `pauseDue`; Date.now() counts whole ones (a timer set for the
      // fraction left would fire again and again at once, and the browser then clamps it to 4 ms).
      if (Date.now() < this.pauseDue - 1) this.armPause(this.pauseDue);
      else this.render();
    }, Math.max(0, at - Date.now()));
  }

  private queuePlace(): void {
    if (this.placeQueued || !this.overlay) return;
    this.placeQueued = true;
    this.win.requestAnimationFrame(() => {
      this.placeQueued = false;
      this.placeAll();
    });
  }

  /**
   * Every badge, tag and mark at its place, hidden where its spot is out of view or covered by the page
   * or the editor (toolbars, menus, dialogs, fixed headers); problems hidden so are counted at the edge
   * of the editor's visible area, with a jump to them.
   */
  private placeAll(): void {
    const o = this.overlay;
    if (!o) return;
    // Every box is read before anything is drawn: a write between two reads would make the browser lay out again.
    const writes: (() => void)[] = [];
    this.readPlaces(deferDrawing(o, writes));
    for (const w of writes) w();
  }

  /** The reading part of placeAll: every box read now, every placing queued on `later` (a deferDrawing overlay). */
  private readPlaces(later: OverlayView): void {
    const reads = new Reads(this.covers);
    const view = reads.viewport(this.top)!;
    const away = { above: [] as Away[], below: [] as Away[] };
    let area: Box | null = null;
    for (const [key, ref] of this.shown) {
      const el = this.tracker.element(ref);
      const p = el ? placeInTop(el, this.top, reads) : null;
      const spot = p && this.spots.spot(key, p, view);
      let pos: Pos = spot ? spot.pos : { left: 0, top: 0, visible: false };
      if (spot && el && pos.visible && this.badgeCovered(el, spot.points, later.host, reads)) pos = { ...pos, visible: false };
      later.place(key, pos);
      if (el === null) this.tracker.stale(ref.doc);
      if (p && !pos.visible) {
        area ??= p.clip;
        away[offscreenSide(p.rect, p.clip)].push({ key, y: p.rect.top, el: el! });
      }
    }
    this.spots.done();
    for (const [key, ref] of this.shownRefs) {
      const el = this.tracker.element(ref);
      const caret = this.tracker.caretCell(ref.doc);
      const focused = !!caret && caret.r === ref.r && caret.id === ref.id && ref.doc.hasFocus();
      later.placeRef(key, refPosition(el && focused ? placeInTop(el, this.top, reads) : null, focused));
    }
    const page = this.layerPage(reads, view, later.host, (d) => this.tracker.stale(d));
    for (const l of this.layers) l.place(later, page);
    this.away = away;
    later.offscreen(area && (away.above.length || away.below.length) ? { above: away.above.length, below: away.below.length, area } : null, (dir) => this.jump(dir));
  }

  private layerPage(reads: Reads, view: Box, host: Element, stale: (d: Document) => void): LayerPage {
    return {
      top: this.top,
      view,
      reads,
      stateOf: (d) => this.tracker.states.get(d),
      stale,
      covered: (scope, box, clip) => covered(scope, this.top, probePoints(box, clip), host, reads),
    };
  }

  private away: { above: Away[]; below: Away[] } = { above: [], below: [] };

  /**
   * 下一个问题 (the keyboard command): the next open problem after the one focused, in reading order
   * (top to bottom, then left to right), scrolled into view with its tooltip open; false when none.
   */
  next(): boolean {
    const o = this.overlay;
    if (!o) return false;
    const open: Away[] = [];
    for (const [key, ref] of this.shown) {
      const st = this.tracker.states.get(ref.doc);
      const el = this.tracker.element(ref);
      const fs = st?.findings[ref.r] ?? [];
      const counted = fs.some((f) => (f.target ?? f.cells[0]) === ref.id && f.confirmed === undefined && (f.severity === 'error' || f.severity === 'warning'));
      const p = el && counted ? placeInTop(el, this.top) : null;
      if (p) open.push({ key, y: p.rect.top, x: p.rect.left, el: el! });
    }
    if (!open.length) return false;
    const ROW = 2; // px: cells of one row share their top
    open.sort((a, b) => (Math.abs(a.y - b.y) > ROW ? a.y - b.y : (a.x ?? 0) - (b.x ?? 0)));
    const focused = o.focused();
    const caret = focused ? null : this.caretBox();
    let at: number;
    if (caret) {
      // From the editor: the problem at the caret's cell, or the first one after it.
      at = open.findIndex((a) => a.y > caret.top + ROW || (Math.abs(a.y - caret.top) <= ROW && (a.x ?? 0) >= caret.left - ROW));
      if (at < 0) at = 0;
    } else at = (open.findIndex((a) => a.key === (focused ?? this.lastNext)) + 1) % open.length;
    const next = open[at]!;
    this.lastNext = next.key;
    this.goTo(next);
    return true;
  }

  private lastNext: string | null = null;

  /** The cell holding the caret of the focused editor, in the top viewport. */
  private caretBox(): Box | null {
    for (const st of this.tracker.states.values()) {
      if (!st.doc.hasFocus()) continue;
      const ref = this.tracker.caretCell(st.doc);
      const el = ref && this.tracker.element(ref);
      const p = el ? placeInTop(el, this.top) : null;
      if (p) return p.rect;
    }
    return null;
  }

  /** Scroll the nearest problem out of view that way into view and open its tooltip. */
  private jump(dir: 'above' | 'below'): void {
    const list = this.away[dir];
    const next = dir === 'above' ? list.reduce<Away | null>((a, b) => (!a || b.y > a.y ? b : a), null) : list.reduce<Away | null>((a, b) => (!a || b.y < a.y ? b : a), null);
    if (next) this.goTo(next);
  }

  private goTo(next: Away): void {
    next.el.scrollIntoView({ block: 'center', inline: 'nearest' });
    this.covers.forget();
    this.win.requestAnimationFrame(() => {
      const p = placeInTop(next.el, this.top); // read before placeAll draws
      this.placeAll();
      if (p && this.overlay) this.overlay.flash(p.rect);
      this.overlay?.focusBadge(next.key);
    });
  }
}

interface Away {
  key: string;
  /** Top of the problem's cell or sentence (top viewport), to find the nearest one. */
  y: number;
  x?: number;
  el: Element;
}

/**
 * The overlay as a render pass's reading part sees it: every drawing (what is shown and where) is queued in
 * `writes`, drawn after the last read; reading the overlay (its focus, its host) and its own actions go through.
 */
function deferDrawing(o: OverlayView, writes: (() => void)[]): OverlayView {
  const later =
    <A extends unknown[]>(draw: (...a: A) => void) =>
    (...a: A) =>
      void writes.push(() => draw(...a));
  return {
    host: o.host,
    ensureAttached: () => o.ensureAttached(),
    setTables: later((n) => o.setTables(n)),
    update: (views) => {
      writes.push(() => o.update(views));
      return []; // the fresh badges are known when the update is drawn (LiveTables.render queues its own)
    },
    place: later((key, pos) => o.place(key, pos)),
    updateRefs: later((views) => o.updateRefs(views)),
    placeRef: later((key, pos) => o.placeRef(key, pos)),
    updateMarks: later((views) => o.updateMarks(views)),
    placeMark: later((key, rects, badge) => o.placeMark(key, rects, badge)),
    offscreen: later((view, jump) => o.offscreen(view, jump)),
    focusBadge: (key) => o.focusBadge(key),
    focused: () => o.focused(),
    announce: (text) => o.announce(text),
    notice: (text) => o.notice(text),
    flash: (box) => o.flash(box),
    destroy: () => o.destroy(),
  };
}
