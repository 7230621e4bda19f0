import { emptyPageState, type Request, type Response } from '../messages';
import { GATE_WORDS, type GateWords } from '../i18n/gate-words';
import { LOCALE_KEY, siteOfUrl } from '../store/keys';
import { localeOf } from '../store/locale';
import { extApi, extKV, type ExtApi } from './ext';
import { initPopupRequests } from './features/popup-requests';
import { reachableDocuments } from './frames';
import { Scheduler } from './scheduler';
import { whenIdle } from './idle';
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


export class Gate {
  private api: ExtApi | null = null;
  private apiRead = false;
  private listening = false;
  /** Watching for a report to appear: made when first needed (not on a page's first look). */
  private watching: Scheduler | null = null;
  private sites: SiteSwitch | null = null;
  private checker: Promise<Checker> | null = null;
  private signal: AbortSignal | null = null;
  /** A document may hold a report: start the checker as soon as the per-site switch reads on. */
  private wanted = false;
  /** The per-site switch has been read from storage. */
  private switchRead = false;
  /** Stops the gate's own listeners once the checker takes over. */
  private readonly own = new AbortController();

  constructor(
    private readonly win: Window,
    private readonly opts: GateOptions,
  ) {}

  private get scheduler(): Scheduler {
    return (this.watching ??= new Scheduler(this.win.document, { flush: (docs) => this.check(docs) }, this.opts.quietMs ?? 300));
  }

  /**
   * Start: pre-filter every reachable document at once; one that may hold a report starts the checker. On a
   * page without one, watching for a report to appear and the popup's listener wait until the page is idle
   * (the scheduler's start looks at every document again, so nothing added meanwhile is missed), and the
   * per-site switch is read from storage only when something needs it (a popup request, a possible report).
   */
  init(signal: AbortSignal): void {
    this.signal = signal;
    signal.addEventListener('abort', () => this.release());
    this.check(reachableDocuments(this.win.document));
    if (this.wanted) return;
    // two idle tasks: each stays short on a slow PC
    whenIdle(this.win, () => this.watch(), this.own.signal);
    whenIdle(this.win, () => this.listen(), this.own.signal);
  }

  /** Watch for a report to appear, unless one was found or the site is switched off meanwhile. */
  private watch(): void {
    if (!this.wanted && !this.scheduler.active && (!this.sites || this.sites.enabled)) this.scheduler.start();
  }

  private ext(): ExtApi | null {
    if (!this.apiRead) {
      this.apiRead = true;
      this.api = this.opts.api === undefined ? extApi() : this.opts.api;
    }
    return this.api;
  }

  /** Answer the popup until the checker runs. */
  private listen(): void {
    if (this.listening) return;
    this.listening = true;
    initPopupRequests(this.ext(), this.win, this.own.signal, (req) => this.answer(req), () => GATE_WORDS.zh.unavailable);
  }

  /** The per-site switch, read and followed from its first use on. */
  private switch(): SiteSwitch {
    if (this.sites) return this.sites;
    const sites = (this.sites = new SiteSwitch(this.ext(), siteOfUrl(this.win.location.href), (on) => this.switched(on)));
    sites.init(this.own.signal);
    return sites;
  }

  private switched(on: boolean): void {
    this.switchRead = true;
    if (this.checker) return;
    if (!on) this.watching?.stop();
    else if (this.wanted) void this.start().catch(() => {});
    else if (!this.scheduler.active) this.scheduler.start();
  }

  /** Pre-filter the changed documents; the first that may hold a report loads the checker. */
  private check(docs: Document[]): void {
    if (this.wanted || !docs.some((d) => this.mayHold(d))) return;
    this.wanted = true;
    this.watching?.stop();
    // the checker starts once the switch reads on (at once when it already did)
    this.listen();
    const sites = this.switch();
    if (this.switchRead && sites.enabled) void this.start().catch(() => {});
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
      this.watching?.stop();
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
    this.watching?.stop();
    this.own.abort();
  }

  // ---- messages from the popup, until the checker runs ------------------------------------

  /**
   * Before the checker runs, a request fails only when the checker cannot be loaded or storage cannot be
   * reached: both mean the extension was updated or turned off under the page. (Not plainError: its dictionary
   * would ride in the script every page loads.)
   */
  private async answer(req: Request): Promise<Response> {
    try {
      return await this.handle(req);
    } catch {
      return { ok: false, message: (await this.words()).unavailable };
    }
  }

  /** The gate's words in the chosen 界面语言, read only when the gate has something to say. */
  private async words(): Promise<GateWords> {
    return GATE_WORDS[localeOf(this.api ? (await extKV(this.api).get(LOCALE_KEY))[LOCALE_KEY] : null)];
  }

  async handle(req: Request): Promise<Response> {
    const sites = this.switch();
    await sites.ready;
    if (req.type === 'site-enabled' && !this.checker) {
      await sites.set(req.enabled);
      return this.handle({ type: 'state' });
    }
    if (!this.checker && sites.enabled && !this.wanted) {
      // A table may have appeared since the last look (the popup asks right after typing).
      this.scheduler.rescan();
      this.scheduler.markAll();
      this.scheduler.flushNow();
    }
    if (this.checker || (sites.enabled && (this.wanted || req.type !== 'state'))) return (await this.start()).handle(req);
    if (req.type === 'state') return { ok: true, state: emptyPageState(sites.site, sites.enabled) };
    return { ok: false, message: (await this.words()).stopped };
  }
}
