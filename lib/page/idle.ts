/** How long the page is idle for yet (ms); 0 where the browser cannot tell. */
export interface IdleTime {
  timeRemaining(): number;
}

/** `fn` once the page is idle (at the latest after `timeoutMs`), unless `signal` aborts first. */
export function whenIdle(win: Window, fn: (idle: IdleTime) => void, signal: AbortSignal, timeoutMs = 200): void {
  const run = (idle: IdleTime) => {
    if (!signal.aborted) fn(idle);
  };
  const w = win as Window & { requestIdleCallback?: (cb: (idle: IdleTime) => void, o: { timeout: number }) => number };
  if (w.requestIdleCallback) w.requestIdleCallback(run, { timeout: timeoutMs });
  else win.setTimeout(() => run({ timeRemaining: () => 0 }), 0);
}
