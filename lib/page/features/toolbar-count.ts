import type { BackgroundRequest } from '../../messages';
import { sendMessage } from '../ext';
import type { PageContext } from './context';

/** Problem counts for the toolbar button (background), sent when they change. Top frame only. */
export function initToolbarCount(ctx: PageContext, signal: AbortSignal): void {
  const api = ctx.api;
  if (!api || ctx.win !== ctx.win.top) return;
  let last = '0/0';
  const send = () => {
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
  ctx.checked.add(send);
  signal.addEventListener('abort', () => ctx.checked.delete(send));
}
