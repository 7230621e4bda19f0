import type { Request, Response } from '../messages';
import { t } from '../i18n';
import { plainError } from '../plain-error';
import { siteOfUrl } from '../store/keys';
import { PageConfirmations } from './confirmations';
import { extApi, extKV, type ExtApi } from './ext';
import type { LiveDeps } from './live';
import { PriorCache } from './prior';
import { SiteSwitch } from './site-switch';
import type { PageContext } from './features/context';
import { initConfirm } from './features/confirm';
import { initLiveBadges } from './features/live-badges';
import { initLocale } from './features/locale';
import { initNextProblem } from './features/next-problem';
import { initNarrativeMarks } from './features/narrative-marks';
import { initOneClickFix } from './features/one-click-fix';
import { initPageState } from './features/page-state';
import { initPopupRequests } from './features/popup-requests';
import { initPrefill } from './features/prefill';
import { initToolbarCount } from './features/toolbar-count';

/**
 * The content script of the top frame, as features that each start with `init(signal)` and stop
 * when the signal aborts (Refined-GitHub style). It owns everything about the page — its reports,
 * findings, suggestion, pre-fill and site switch; the popup renders what `handle` answers. The
 * per-site switch aborts the live features.
 */

export interface PageOptions {
  deps: LiveDeps;
  api?: ExtApi | null;
  pauseMs?: number;
  /** The per-site switch as already read by the caller: skips the first storage read. */
  enabled?: boolean;
}

export class PageController {
  readonly site: string;
  private readonly ctx: PageContext;

  constructor(
    private readonly win: Window,
    private readonly opts: PageOptions,
  ) {
    this.site = siteOfUrl(win.location.href);
    const api = opts.api === undefined ? extApi() : opts.api;
    this.ctx = {
      win,
      api,
      deps: opts.deps,
      pauseMs: opts.pauseMs,
      priors: new PriorCache(api, this.site, () => this.ctx.live?.recheck()),
      confirmations: new PageConfirmations(api ? extKV(api) : null, this.site, () => this.ctx.live?.recheck()),
      sites: null,
      live: null,
      checked: new Set(),
      handlers: new Map(),
    };
  }

  /** Start all features; they stop when `signal` aborts. */
  init(signal: AbortSignal): void {
    const ctx = this.ctx;
    ctx.priors.init(signal);
    initLocale(ctx, signal);
    initToolbarCount(ctx, signal);
    initOneClickFix(ctx, signal);
    initConfirm(ctx, signal);
    initNextProblem(ctx, signal);
    const prefill = initPrefill(ctx, signal);
    initPageState(ctx, signal, prefill.canUndo);
    let liveAbort: AbortController | null = null;
    const sites = new SiteSwitch(ctx.api, this.site, (on) => {
      if (on && !liveAbort && !signal.aborted) {
        const ctl = (liveAbort = new AbortController());
        signal.addEventListener('abort', () => ctl.abort());
        initLiveBadges(ctx, ctl.signal);
        initNarrativeMarks(ctx, ctl.signal);
      } else if (!on && liveAbort) {
        liveAbort.abort();
        liveAbort = null;
      }
    });
    ctx.sites = sites;
    ctx.handlers.set('site-enabled', async (req) => {
      if (req.type === 'site-enabled') await sites.set(req.enabled);
      return this.handle({ type: 'state' });
    });
    sites.init(signal, this.opts.enabled);
    initPopupRequests(ctx.api, this.win, signal, (req) => this.handle(req), plainError);
  }

  handle(req: Request): Promise<Response> {
    const fn = this.ctx.handlers.get(req.type);
    if (fn) return fn(req);
    const message = t(this.ctx.sites?.enabled === false ? 'page.stopped' : 'page.loading');
    return Promise.resolve({ ok: false, message });
  }
}
