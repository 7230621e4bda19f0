import type { Request, Response } from '../../messages';
import type { PageConfirmations } from '../confirmations';
import type { ExtApi } from '../ext';
import type { LiveDeps, LiveTables } from '../live';
import type { PriorCache } from '../prior';
import type { SiteSwitch } from '../site-switch';
import { t } from '../../i18n';

/** What the content script's features share: the page, its live tables, and the request handlers they register. */
export interface PageContext {
  readonly win: Window;
  readonly api: ExtApi | null;
  readonly deps: LiveDeps;
  readonly pauseMs?: number;
  readonly priors: PriorCache;
  /** The clerk's 核实说明 of the page's reports (one owner: lib/page/confirmations). */
  readonly confirmations: PageConfirmations;
  sites: SiteSwitch | null;
  /** The live tables while the site is switched on. */
  live: LiveTables | null;
  /** Called after every check, by the features that follow the page's findings. */
  readonly checked: Set<() => void>;
  readonly handlers: Map<Request['type'], Handler>;
}

export type Handler = (req: Request) => Promise<Response>;

/** Register a request handler until `signal` aborts. */
export function handle(ctx: PageContext, signal: AbortSignal, type: Request['type'], fn: Handler): void {
  ctx.handlers.set(type, fn);
  signal.addEventListener('abort', () => {
    if (ctx.handlers.get(type) === fn) ctx.handlers.delete(type);
  });
}

/** The answer when a cell the popup names is no longer on the page. */
export const gone = (): string => t('page.gone');
