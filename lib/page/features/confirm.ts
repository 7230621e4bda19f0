import { handle, type PageContext } from './context';

const NOT_FOUND = '找不到这个核实性问题：表格可能已经改动，请重新打开本窗口。';

/** 已核实 / 撤销核实 from the popup: the page's confirmations change here (the badge's own 已核实 goes the same way). */
export function initConfirm(ctx: PageContext, signal: AbortSignal): void {
  handle(ctx, signal, 'confirm', async (req) => {
    if (req.type !== 'confirm') return { ok: false, message: NOT_FOUND };
    if (!req.note.trim()) return { ok: false, message: '请先写一句核实说明。' };
    for (const { report, findings } of ctx.live?.reports() ?? []) {
      const f = findings.find((x) => x.rule === req.rule && sameCells(x.cells, req.cells));
      if (!f) continue;
      if (f.severity !== 'warning') return { ok: false, message: '强制性问题不能标为已核实，请按提示改正。' };
      if (await ctx.confirmations.confirm(report, [f], req.note)) return { ok: true };
    }
    return { ok: false, message: NOT_FOUND };
  });
  handle(ctx, signal, 'unconfirm', async (req) => {
    if (req.type !== 'unconfirm') return { ok: false, message: NOT_FOUND };
    for (const { report } of ctx.live?.reports() ?? []) if (await ctx.confirmations.unconfirm(report, req)) return { ok: true };
    return { ok: false, message: NOT_FOUND };
  });
}

const sameCells = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));
