import { handle, type PageContext } from './context';
import { t } from '../../i18n';


/** 已核实 / 撤销核实 from the popup: the page's confirmations change here (the badge's own 已核实 goes the same way). */
export function initConfirm(ctx: PageContext, signal: AbortSignal): void {
  handle(ctx, signal, 'confirm', async (req) => {
    if (req.type !== 'confirm') return { ok: false, message: t('page.confirmGone') };
    if (!req.note.trim()) return { ok: false, message: t('page.noteFirst') };
    for (const { report, findings } of ctx.live?.reports() ?? []) {
      const f = findings.find((x) => x.rule === req.rule && sameCells(x.cells, req.cells));
      if (!f) continue;
      if (f.severity !== 'warning') return { ok: false, message: t('page.mandatoryNotConfirmable') };
      if (await ctx.confirmations.confirm(report, [f], req.note)) return { ok: true };
    }
    return { ok: false, message: t('page.confirmGone') };
  });
  handle(ctx, signal, 'unconfirm', async (req) => {
    if (req.type !== 'unconfirm') return { ok: false, message: t('page.confirmGone') };
    for (const { report } of ctx.live?.reports() ?? []) if (await ctx.confirmations.unconfirm(report, req)) return { ok: true };
    return { ok: false, message: t('page.confirmGone') };
  });
}

const sameCells = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));
