import { COVER_ATTRIBUTES, COVER_EVENTS, coverChanged } from './cover-watch';
import { STRUCTURE_ATTRIBUTES } from './value-edits';

/**
 * The one observer helper: per reachable document, one MutationObserver plus the few listeners the
 * live page needs, all removed when the signal aborts. The top document's observer also watches what can
 * cover a badge (lib/page/cover-watch.ts) when asked to. Attaching twice is harmless, so the
 * caller simply re-attaches after frames reload or documents are rewritten by document.open()
 * (which drops listeners). Nothing is written into the observed documents.
 */

export interface DocHandlers {
  /**
   * DOM changed (typing, paste, setContent, page scripts). `frames`: an iframe was added or removed.
   * `records`: the page's own changes (not the ignored nodes', not the cover attributes').
   */
  mutated(doc: Document, frames: boolean, records: readonly MutationRecord[]): void;
  /** An input/change event (typing in contenteditable or in an <input>), which happened at `at` (Date.now()'s clock). */
  input(doc: Document, target: EventTarget | null, at: number): void;
  /** Caret or focus moved (selectionchange, focusout, window blur). Not listened for when absent. */
  focus?(doc: Document): void;
  /** A frame in `doc` (re)loaded. */
  frameLoaded(doc: Document): void;
  /** Something scrolled or resized: positions must be recomputed. Not listened for when absent. */
  layout?(): void;
  /** In the cover document: a menu or dialog may have opened or closed over a badge. */
  cover?(): void;
}

interface Attached {
  mo: MutationObserver;
  /** The observer's callback, also run on the records still queued when the watcher is drained. */
  onRecords: (records: MutationRecord[]) => void;
  win: Window | null;
  off: () => void;
}

const FRAME_TAGS = new Set(['IFRAME', 'FRAME']);

function touchesFrames(nodes: NodeList): boolean {
  for (const n of Array.from(nodes)) {
    if (n.nodeType !== 1) continue;
    const el = n as Element;
    if (FRAME_TAGS.has(el.tagName) || el.getElementsByTagName('iframe').length || el.getElementsByTagName('frame').length)
      return true;
  }
  return false;
}

/**
 * When `e` happened, on Date.now()'s clock. Its timeStamp is on its document's performance clock, and the browser
 * may have worked on the keystroke for a while (the editor's handlers, selection, layout) before dispatching it.
 */
export function happenedAt(e: Pick<Event, 'timeStamp'>, win: Pick<Window, 'performance'> | null): number {
  const now = Date.now();
  const age = win ? win.performance.now() - e.timeStamp : 0;
  return age > 0 && age < 1000 ? now - age : now;
}

export class DocWatcher {
  private readonly attached = new Map<Document, Attached>();

  constructor(
    private readonly h: DocHandlers,
    /** Nodes the watcher ignores (the overlay host in the top document). */
    private readonly ignore: (n: Node) => boolean = () => false,
    /** The document whose changes may cover a badge (the top one, while badges are shown); null: none. */
    private readonly coverDoc: Document | null = null,
  ) {}

  has(doc: Document): boolean {
    return this.attached.has(doc);
  }

  documents(): Document[] {
    return [...this.attached.keys()];
  }

  /** Start (or renew) watching `doc`. */
  attach(doc: Document): void {
    const old = this.attached.get(doc);
    const win = doc.defaultView;
    if (old && old.win === win) {
      try {
        old.off(); // listeners may have been erased by document.open(); re-add them below
      } catch {
        /* the window went away or cross-origin */
      }
    } else if (old) {
      this.detach(doc);
    }
    const h = this.h;
    const cover = doc === this.coverDoc && !!h.cover;
    const onRecords =
      old?.onRecords ??
      ((records: MutationRecord[]) => {
        let frames = false;
        let structural = false;
        const relevant: MutationRecord[] = [];
        for (const r of records) {
          if (r.type === 'attributes' && STRUCTURE_ATTRIBUTES.includes(r.attributeName!)) structural = true;
          if (this.ignore(r.target)) continue;
          if (r.type === 'attributes') {
            if (STRUCTURE_ATTRIBUTES.includes(r.attributeName!) && (r.target as Element).getAttribute(r.attributeName!) !== r.oldValue) relevant.push(r);
            continue;
          }
          if (r.type === 'childList') {
            // The document's own children replaced: document.open()/write() rewrote it.
            if (r.target.nodeType === 9) frames = true;
            if (Array.from(r.addedNodes).every((n) => this.ignore(n)) && r.removedNodes.length === 0) continue;
            if (!frames && (touchesFrames(r.addedNodes) || touchesFrames(r.removedNodes))) frames = true;
          }
          relevant.push(r);
        }
        if (relevant.length) h.mutated(doc, frames, relevant);
        if (cover && coverChanged(structural ? records.filter((r) => r.type !== 'attributes' || COVER_ATTRIBUTES.includes(r.attributeName!)) : records, this.ignore)) h.cover?.();
      });
    const mo = old?.mo ?? new MutationObserver(onRecords);
    // Spans, input types and editing hosts change how a table is read (STRUCTURE_ATTRIBUTES); the cover document
    // also shows what may cover a badge.
    mo.observe(doc, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeOldValue: true,
      attributeFilter: cover ? [...STRUCTURE_ATTRIBUTES, ...COVER_ATTRIBUTES] : STRUCTURE_ATTRIBUTES,
    });
    const onInput = (e: Event) => h.input(doc, e.target, happenedAt(e, win));
    const onFocus = () => h.focus?.(doc);
    const onLoad = (e: Event) => {
      const t = e.target as Element | null;
      if (t && FRAME_TAGS.has(t.tagName)) h.frameLoaded(doc);
    };
    const onLayout = () => h.layout?.();
    const onCoverEnd = (e: Event) => {
      if (!this.ignore(e.target as Node)) h.cover?.();
    };
    const cap = { capture: true, passive: true } as const;
    type Listener = [EventTarget | null, string, (e: Event) => void];
    const listeners: Listener[] = [
      [doc, 'input', onInput],
      [doc, 'change', onInput],
      [doc, 'load', onLoad],
      ...(h.focus ? ([[doc, 'selectionchange', onFocus], [doc, 'focusout', onFocus], [win, 'blur', onFocus]] as Listener[]) : []),
      ...(h.layout ? ([[doc, 'scroll', onLayout], [win, 'resize', onLayout]] as Listener[]) : []),
      ...(cover ? COVER_EVENTS.map((type): Listener => [doc, type, onCoverEnd]) : []),
    ];
    for (const [target, type, fn] of listeners) target?.addEventListener(type, fn, cap);
    const off = () => {
      for (const [target, type, fn] of listeners) target?.removeEventListener(type, fn, cap);
    };
    this.attached.set(doc, { mo, onRecords, win, off });
  }

  /** Hand over the changes still queued for the observers now, not in their next callback. */
  drain(): void {
    for (const a of this.attached.values()) {
      const records = a.mo.takeRecords();
      if (records.length) a.onRecords(records);
    }
  }

  detach(doc: Document): void {
    const a = this.attached.get(doc);
    if (!a) return;
    this.attached.delete(doc);
    a.mo.disconnect();
    try {
      a.off();
    } catch (e) {
      // A window gone cross-origin or away: its listeners went with it.
      console.warn('年报助手：detach', e);
    }
  }

  /** Keep exactly these documents attached (renewing each); returns the ones newly attached. */
  sync(docs: Document[]): Document[] {
    const keep = new Set(docs);
    for (const d of this.documents()) if (!keep.has(d)) this.detach(d);
    const fresh = docs.filter((d) => !this.attached.has(d));
    for (const d of docs) this.attach(d);
    return fresh;
  }

  stop(): void {
    for (const d of this.documents()) this.detach(d);
  }
}
