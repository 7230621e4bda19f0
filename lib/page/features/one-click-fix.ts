import { writeCell } from '../write';
import { GONE, handle, type PageContext } from './context';

/** 改为 N from the popup: the suggested value written into its cell (the badge's own button writes the same way). */
export function initOneClickFix(ctx: PageContext, signal: AbortSignal): void {
  handle(ctx, signal, 'apply-fix', async (req) => {
    if (req.type !== 'apply-fix') return { ok: false, message: GONE };
    const c = ctx.live?.cell(req.cell);
    if (!c) return { ok: false, message: GONE };
    const ok = await writeCell(c.el, String(req.value));
    return ok ? { ok: true, written: [req.cell] } : { ok: false, message: '无法在编辑器中写入这个单元格。' };
  });
}
