import type { FoundTable, PageState } from '../../messages';
import { valuesOf } from '../../report';
import { elementOf } from '../tracker';
import { handle, type PageContext } from './context';
import { t } from '../../i18n';

/** 'state': everything the popup shows, decided here (the popup only renders it). */
export function initPageState(ctx: PageContext, signal: AbortSignal, canUndoPrefill: () => boolean): void {
  handle(ctx, signal, 'state', async () => ({ ok: true, state: await pageState(ctx, canUndoPrefill()) }));
}

export async function pageState(ctx: PageContext, canUndoPrefill: boolean): Promise<PageState> {
  const all = ctx.live?.reports() ?? [];
  const top = ctx.win.document;
  const tables: FoundTable[] = all.map(({ doc, report }) => {
    const first = Object.keys(report.cells)[0];
    const el = first ? elementOf(report, first) : undefined;
    const where = t(el && el.tagName === 'INPUT' ? 'page.where.input' : doc === top ? 'page.where.body' : 'page.where.editor');
    return { format: report.format, year: report.year, body: report.body ?? null, where, cellCount: Object.keys(report.cells).length };
  });
  const first = all.find((x) => x.report.format);
  const prior = first ? await ctx.priors.load(first.report.body ?? null, first.report.year) : null;
  return {
    siteEnabled: ctx.sites?.enabled ?? true,
    site: ctx.sites?.site ?? '',
    tables,
    findings: all.flatMap((x) => x.findings),
    suggestion: first?.suggestion ?? null,
    values: first ? valuesOf(first.report) : null,
    priorYear: prior?.year ?? null,
    canUndoPrefill,
    confirmations: first ? ctx.confirmations.of(first.report) : [],
  };
}
