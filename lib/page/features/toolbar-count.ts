import type { BackgroundRequest } from '../../messages';
import { sendMessage } from '../ext';
import { whenIdle } from '../idle';
import type { PageContext } from './context';

/**
 * Problem counts for the toolbar button (background), sent when they change. Top frame only. Sent once the page
 * is idle: a message to the background costs a few milliseconds on a slow PC, and the keystroke that changed the
 * count should not wait for it before its badge is drawn.
 */
export function initToolbarCount(ctx: PageContext, signal: AbortSignal): void {
  const api = ctx.api;
  if (!api || ctx.win !== ctx.win.top) return;
  let last = '0/0';
  let queued = false;
  const send = () => {
    queued = false;
    let errors = 0;
    let warnings = 0;
    for (const { findings } of ctx.live?.reports(false) ?? [])
      for (const f of findings) {
        if (f.severity === 'error') errors++;
        else if (f.severity === 'warning' && f.confirmed === undefined) warnings++;
      }
    const key = `${errors}/${warnings}`;
    if (key === last) return;
    last = key;
    const msg: BackgroundRequest = { type: 'badge', errors, warnings };
    void sendMessage(api, msg);
  };
  const queue = () => {
    if (queued) return;
    queued = true;
    whenIdle(ctx.win, send, signal);
  };
  ctx.checked.add(queue);
  signal.addEventListener('abort', () => ctx.checked.delete(queue));
}
