import { writeCell } from '../write';
import { unwrittenCell } from '../write-message';
import { gone, handle, type PageContext } from './context';

/** 改为 N from the popup: the suggested value written into its cell (the badge's own button writes the same way). */
export function initOneClickFix(ctx: PageContext, signal: AbortSignal): void {
  handle(ctx, signal, 'apply-fix', async (req) => {
    if (req.type !== 'apply-fix') return { ok: false, message: gone() };
    const c = ctx.live?.cell(req.cell);
    if (!c) return { ok: false, message: gone() };
    const r = await writeCell(c.el, String(req.value));
    if (r.status === 'written') return { ok: true, written: [req.cell] };
    return { ok: false, message: unwrittenCell(c.report, req.cell, String(req.value), r) };
  });
}
