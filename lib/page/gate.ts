import { emptyPageState, type Request, type Response } from '../messages';
import { siteOfUrl } from '../store/keys';
import { extApi, type ExtApi } from './ext';
import { initPopupRequests } from './features/popup-requests';
import { Scheduler } from './scheduler';
import { SiteSwitch } from './site-switch';

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
  private readonly scheduler: Scheduler;
  private readonly sites: SiteSwitch;
  private checker: Promise<Checker> | null = null;
  private signal: AbortSignal | null = null;
  /** Stops the gate's own listeners once the checker takes over. */
  private readonly own = new AbortController();

  constructor(
    private readonly win: Window,
    private readonly opts: GateOptions,
  ) {
    this.api = opts.api === undefined ? extApi() : opts.api;
    this.scheduler = new Scheduler(win.document, { flush: (docs) => this.check(docs) }, opts.quietMs ?? 300);
    this.sites = new SiteSwitch(this.api, siteOfUrl(win.location.href), (on) => {
      if (this.checker) return;
      if (on && !this.scheduler.active) this.watch();
      else if (!on) this.scheduler.stop();
    });
  }

  /** Start: read the per-site switch, then watch (or stay idle while the site is switched off). */
  init(signal: AbortSignal): void {
    this.signal = signal;
    signal.addEventListener('abort', () => this.release());
    this.sites.init(this.own.signal);
    initPopupRequests(this.api, this.win, this.own.signal, (req) => this.handle(req));
  }

  private watch(): void {
    const t0 = performance.now();
    this.scheduler.start();
    try {
      // Start-up cost, readable by the benchmark through the shared performance timeline.
      performance.measure('nianbao:startup', { start: t0, end: performance.now() });
    } catch {
      /* performance.measure with options needs Chromium 78+: nothing to report then */
    }
  }

  /** Pre-filter the changed documents; the first that may hold a report loads the checker. */
  private check(docs: Document[]): void {
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
      this.scheduler.stop();
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
    this.scheduler.stop();
    this.own.abort();
  }

  // ---- messages from the popup, until the checker runs ------------------------------------

  async handle(req: Request): Promise<Response> {
    if (req.type === 'site-enabled' && !this.checker) {
      await this.sites.set(req.enabled);
      return this.handle({ type: 'state' });
    }
    if (!this.checker && this.sites.enabled) {
      // A table may have appeared since the last look (the popup asks right after typing).
      this.scheduler.rescan();
      this.scheduler.markAll();
      this.scheduler.flushNow();
    }
    if (this.checker || (this.sites.enabled && req.type !== 'state')) return (await this.start()).handle(req);
    if (req.type === 'state') return { ok: true, state: emptyPageState(this.sites.site, this.sites.enabled) };
    return { ok: false, message: STOPPED };
  }
}
