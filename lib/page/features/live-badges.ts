import { pageReferences } from '../../store/prefill-plan';
import { LiveTables } from '../live';
import { writeCell } from '../write';
import { unwrittenCell } from '../write-message';
import { gone, handle, type PageContext } from './context';

/** Live badges: the tables checked as they are typed, problems drawn beside their cells; 'reveal' shows a cell. */
export function initLiveBadges(ctx: PageContext, signal: AbortSignal): void {
  const t0 = performance.now();
  const live = new LiveTables({
    top: ctx.win.document,
    deps: ctx.deps,
    pauseMs: ctx.pauseMs,
    prior: (r) => ctx.priors.for(r),
    references: (r) => {
      const prior = ctx.priors.for(r);
      return prior ? pageReferences(Object.keys(r.cells), prior) : [];
    },
    // One-click fix on a badge: 改为 N, written like any other edit, read back; the clerk is told when it did not land.
    fix: (c, value) =>
      void writeCell(c.el, String(value)).then((r) => {
        if (r.status !== 'written') live.notice(unwrittenCell(c.report, c.id, String(value), r));
      }),
    changed: () => ctx.checked.forEach((f) => f()),
    confirmations: (r) => ctx.confirmations.of(r),
    confirm: (r, findings, note) => void ctx.confirmations.confirm(r, findings, note),
  });
  ctx.live = live;
  live.start();
  try {
    // Start-up cost, readable by the benchmark through the shared performance timeline.
    performance.measure('nianbao:startup', { start: t0, end: performance.now() });
  } catch {
    /* performance.measure with options needs Chromium 78+: nothing to report then */
  }
  handle(ctx, signal, 'reveal', async (req) =>
    req.type === 'reveal' && live.reveal(req.cell) ? { ok: true } : { ok: false, message: gone() },
  );
  signal.addEventListener('abort', () => {
    live.stop();
    if (ctx.live === live) ctx.live = null;
    ctx.checked.forEach((f) => f());
  });
}
