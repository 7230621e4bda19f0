import { isRequest } from '../request';
import type { ExtApi } from '../ext';
import type { Request, Response } from '../../messages';

/**
 * Requests from the popup (top frame only), answered by `handle` until `signal` aborts; a failure is answered
 * with `explain(error)` (the checker's plainError; the gate, which carries no dictionary, its own sentence).
 */
export function initPopupRequests(
  api: ExtApi | null,
  win: Window,
  signal: AbortSignal,
  handle: (req: Request) => Promise<Response>,
  explain: (e: unknown) => string,
): void {
  if (!api || win !== win.top) return;
  const listener = (msg: unknown, _sender: unknown, respond: (r: unknown) => void) => {
    if (!isRequest(msg)) return false;
    handle(msg).then(respond, (e: unknown) => respond({ ok: false, message: explain(e) }));
    return true;
  };
  api.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => api.runtime.onMessage.removeListener(listener));
}
