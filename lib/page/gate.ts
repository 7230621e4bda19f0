import type { PageState, Request, Response } from '../messages';
import { extApi, siteDisabledKey, siteOf, storageGet, storageRemove, storageSet, type ExtApi, type MessageListener, type StorageChange } from './ext';
import { reachableDocuments } from './frames';
import { DocWatcher } from './observe';
import { isRequest } from './request';

/**
 * The always-loaded part of the content script: it watches the frame tree with the cheap
 * pre-filter and loads the checker (reader, rules, overlay: PageController) only once a document
 * may hold a report table. Until then it answers the popup itself (no table found) and follows
 * the per-site switch; once the checker runs, the checker does both.
 */

/** What the lazily loaded checker offers: start it on this window, given the per-site switch is on. */
export interface Checker {
  handle(req: Request): Promise<Response>;
}
export type StartChecker = (win: Window, signal: AbortSignal) => Checker;

export interface GateOptions {
  mayHoldReport(root: Document): boolean;
  /** Loads the checker (a dynamic import of its module). */
  load(): Promise<StartChecker>;
  api?: ExtApi | null;
  /** Documents changing without input are looked at again at most this often. */
  quietMs?: number;
}

const STOPPED = '年报助手已在此网站停用。';

export class Gate {
  private readonly api: ExtApi | null;
  private readonly site: string;
  private readonly quietMs: number;
  private readonly watcher: DocWatcher;
  private enabled = true;
  private watching = false;
  private checker: Promise<Checker> | null = null;
  private readonly dirty = new Set<Document>();
  private timer = 0;
  private microtask = false;
  private framesQueued = false;
  private readonly offs: (() => void)[] = [];

  constructor(
    private readonly win: Window,
    private readonly opts: GateOptions,
  ) {
    this.api = opts.api === undefined ? extApi() : opts.api;
    this.site = siteOf(win);
    this.quietMs = opts.quietMs ?? 300;
    this.watcher = new DocWatcher({
      mutated: (doc, frames) => {
        if (frames) this.queueFrames();
        this.markDirty(doc, false);
      },
      input: (doc) => this.markDirty(doc, true),
      focus: () => {},
      frameLoaded: () => this.queueFrames(),
      layout: () => {},
    });
  }

  /** Start: read the per-site switch, then watch (or stay idle while the site is switched off). */
  init(signal: AbortSignal): void {
    this.signal = signal;
    signal.addEventListener('abort', () => this.release());
    const api = this.api;
    if (!api) {
      this.setEnabled(true);
      return;
    }
    const key = siteDisabledKey(this.site);
    void storageGet(api, key).then((items) => {
      if (!this.checker && !signal.aborted) this.setEnabled(items[key] !== true);
    });
    const onChanged = (changes: Record<string, StorageChange>, area: string) => {
      if (area === 'local' && key in changes) this.setEnabled(changes[key]?.newValue !== true);
    };
    api.storage.onChanged.addListener(onChanged);
    this.offs.push(() => api.storage.onChanged.removeListener(onChanged));
    if (this.win === this.win.top) {
      const listener: MessageListener = (msg, _sender, respond) => {
        if (!isRequest(msg)) return false;
        this.handle(msg).then(respond, (e: unknown) =>
          respond({ ok: false, message: `年报助手出错：${e instanceof Error ? e.message : String(e)}` }),
        );
        return true;
      };
      api.runtime.onMessage.addListener(listener);
      this.offs.push(() => api.runtime.onMessage.removeListener(listener));
    }
  }

  private signal: AbortSignal | null = null;

  private setEnabled(on: boolean): void {
    if (this.checker) return;
    this.enabled = on;
    if (on && !this.watching) this.watch();
    else if (!on && this.watching) this.unwatch();
  }

  // ---- watching --------------------------------------------------------------------------

  private watch(): void {
    const t0 = performance.now();
    this.watching = true;
    this.rescanFrames();
    this.check();
    try {
      // Start-up cost, readable by the benchmark through the shared performance timeline.
      performance.measure('nianbao:startup', { start: t0, end: performance.now() });
    } catch {
      /* performance.measure with options needs Chromium 78+: nothing to report then */
    }
  }

  private unwatch(): void {
    this.watching = false;
    this.watcher.stop();
    this.dirty.clear();
    this.win.clearTimeout(this.timer);
    this.timer = 0;
  }

  private queueFrames(): void {
    if (this.framesQueued) return;
    this.framesQueued = true;
    // A microtask: the page's own code (editor init, document.write) finishes first.
    queueMicrotask(() => {
      this.framesQueued = false;
      if (this.watching) {
        this.rescanFrames();
        this.check();
      }
    });
  }

  private rescanFrames(): void {
    const docs = reachableDocuments(this.win.document);
    this.watcher.sync(docs);
    for (const d of docs) this.dirty.add(d);
  }

  private markDirty(doc: Document, urgent: boolean): void {
    if (!this.watching) return;
    this.dirty.add(doc);
    if (urgent) {
      if (this.microtask) return;
      this.microtask = true;
      queueMicrotask(() => {
        this.microtask = false;
        this.check();
      });
    } else if (!this.timer) {
      this.timer = this.win.setTimeout(() => {
        this.timer = 0;
        this.check();
      }, this.quietMs);
    }
  }

  /** Pre-filter every changed document; the first that may hold a report loads the checker. */
  private check(): void {
    if (!this.watching) return;
    const docs = [...this.dirty];
    this.dirty.clear();
    if (docs.some((d) => this.mayHold(d))) void this.start().catch(() => {});
  }

  private mayHold(doc: Document): boolean {
    try {
      return !!doc.documentElement && this.opts.mayHoldReport(doc);
    } catch {
      return false;
    }
  }

  /** Load and start the checker (once); the gate stops watching and answering. */
  private start(): Promise<Checker> {
    if (!this.checker) {
      this.unwatch();
      const signal = this.signal ?? new AbortController().signal;
      this.checker = this.opts.load().then(
        (startChecker) => {
          this.release();
          return startChecker(this.win, signal);
        },
        (e: unknown) => {
          console.warn('年报助手：加载检查模块出错', e);
          throw e;
        },
      );
    }
    return this.checker;
  }

  private release(): void {
    this.unwatch();
    for (const off of this.offs.splice(0)) off();
  }

  // ---- messages from the popup, until the checker runs ------------------------------------

  async handle(req: Request): Promise<Response> {
    if (req.type === 'site-enabled') {
      if (this.api) {
        const key = siteDisabledKey(this.site);
        if (req.enabled) await storageRemove(this.api, key);
        else await storageSet(this.api, { [key]: true });
      }
      this.setEnabled(req.enabled);
      return this.handle({ type: 'state' });
    }
    if (!this.checker && this.enabled) {
      // A table may have appeared since the last look (the popup asks right after typing).
      for (const d of reachableDocuments(this.win.document)) this.dirty.add(d);
      this.check();
    }
    if (this.checker || (this.enabled && req.type !== 'state')) return (await this.start()).handle(req);
    if (req.type === 'state') return { ok: true, state: this.state() };
    return { ok: false, message: STOPPED };
  }

  private state(): PageState {
    return {
      siteEnabled: this.enabled,
      site: this.site,
      tables: [],
      findings: [],
      values: null,
      priorYear: null,
      canUndoPrefill: false,
    };
  }
}
