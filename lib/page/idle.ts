/** `fn` once the page is idle (at the latest after `timeoutMs`), unless `signal` aborts first. */
export function whenIdle(win: Window, fn: () => void, signal: AbortSignal, timeoutMs = 200): void {
  const run = () => {
    if (!signal.aborted) fn();
  };
  const w = win as Window & { requestIdleCallback?: (cb: () => void, o: { timeout: number }) => number };
  if (w.requestIdleCallback) w.requestIdleCallback(run, { timeout: timeoutMs });
  else win.setTimeout(run, 0);
}
