import { reachableDocuments } from './frames';
import { DocWatcher } from './observe';

/**
 * One scheduler per top document: it watches every reachable document (frames come and go) and
 * hands the changed ones over in batches — at once (a microtask) after typing in a document that
 * matters, otherwise at most every `quietMs` while a page changes on its own. The gate and the
 * live tracker both run on it.
 */

export interface SchedulerHooks {
  /** Documents changed since the last call: read them again. */
  flush(docs: Document[]): void;
  /** The reachable documents, after frames were added, removed or reloaded. */
  documents?(docs: Document[]): void;
  /** A document's DOM changed (`records`: the page's changes): whether it should be read again at once (it holds a report). */
  mutated?(doc: Document, records: readonly MutationRecord[]): boolean;
  /** Typed in `doc` at `at` (Date.now()'s clock). */
  input?(doc: Document, target: EventTarget | null, at: number): void;
  focus?(doc: Document): void;
  layout?(): void;
  /** Something in the top document may cover a badge (lib/page/cover-watch.ts); watched only when given. */
  cover?(): void;
}

export class Scheduler {
  private readonly watcher: DocWatcher;
  private readonly dirty = new Set<Document>();
  private docs = new Set<Document>();
  private running = false;
  private readonly queueFlush = once(() => this.flushNow());
  /** After the page's own code (editor init, document.write) finishes. */
  private readonly queueFrames = once(() => this.rescan());
  private timer = 0;

  constructor(
    private readonly top: Document,
    private readonly hooks: SchedulerHooks,
    private readonly quietMs = 300,
    /** Nodes whose changes are not the page's (the overlay host). */
    ignore?: (n: Node) => boolean,
  ) {
    // Only the events someone listens for (the gate needs no caret, layout or cover events).
    this.watcher = new DocWatcher(
      {
        mutated: (doc, frames, records) => {
          if (frames) this.queueFrames();
          this.markDirty(doc, this.hooks.mutated?.(doc, records) ?? false);
        },
        input: (doc, target, at) => {
          this.hooks.input?.(doc, target, at);
          this.markDirty(doc, true);
        },
        frameLoaded: () => this.queueFrames(),
        ...(hooks.focus ? { focus: (doc: Document) => this.hooks.focus?.(doc) } : {}),
        ...(hooks.layout ? { layout: () => this.hooks.layout?.() } : {}),
        ...(hooks.cover ? { cover: () => this.hooks.cover?.() } : {}),
      },
      ignore,
      hooks.cover ? top : null,
    );
  }

  /** Watch every reachable document and read them all now. */
  start(): void {
    this.running = true;
    this.rescan();
    this.flushNow();
  }

  stop(): void {
    this.running = false;
    this.watcher.stop();
    this.dirty.clear();
    this.top.defaultView?.clearTimeout(this.timer);
    this.timer = 0;
  }

  get active(): boolean {
    return this.running;
  }

  /** Every reachable document is read again at the next flush. */
  markAll(): void {
    for (const d of this.docs) this.dirty.add(d);
  }

  /** `doc` is read again at the next flush (which the caller runs). */
  mark(doc: Document): void {
    if (this.docs.has(doc)) this.dirty.add(doc);
  }

  markDirty(doc: Document, urgent: boolean): void {
    if (!this.running || !this.docs.has(doc)) return;
    this.dirty.add(doc);
    if (urgent) this.queueFlush();
    else if (!this.timer)
      this.timer = this.top.defaultView!.setTimeout(() => {
        this.timer = 0;
        this.flushNow();
      }, this.quietMs);
  }

  /** Hand every changed document over now (with the changes its observer has not delivered yet). */
  flushNow(): void {
    if (!this.running) return;
    this.watcher.drain();
    if (!this.dirty.size) return;
    const docs = [...this.dirty];
    this.dirty.clear();
    this.hooks.flush(docs);
  }

  /** Look for frames again now (a request may come right after a frame appeared). */
  rescan(): void {
    if (!this.running) return;
    const docs = reachableDocuments(this.top);
    this.watcher.sync(docs);
    this.docs = new Set(docs);
    this.hooks.documents?.(docs);
    // A rewritten document (document.open) keeps its identity: read every one again.
    for (const d of docs) this.dirty.add(d);
    this.queueFlush();
  }
}

/** `fn` run once in a microtask however often the returned function is called before it. */
function once(fn: () => void): () => void {
  let queued = false;
  return () => {
    if (queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      fn();
    });
  };
}
