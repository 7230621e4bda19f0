import type { PrefillItem, Response, Unwritten } from '../../messages';
import { valuesOf } from '../../report';
import { planPrefill } from '../../store/prefill-plan';
import type { LiveTables } from '../live';
import { blockText, cellText, editAsOneStep } from '../write';
import { unwrittenCell } from '../write-message';
import { handle, type PageContext } from './context';
import { t } from '../../i18n';

/**
 * Pre-fill from last year: the plan (the store's pure model) over the page's first recognised
 * report, written as one step of the editor's undo, and 撤销预填.
 */

interface UndoEntry {
  cell: string;
  /** Text of the cell's innermost block before the fill ('' or &nbsp;). */
  before: string;
  /** The cell's markup before the fill (its blank shape, given back exactly), or a field's value. */
  markup: string;
  after: string;
}

export function initPrefill(ctx: PageContext, signal: AbortSignal): { canUndo(): boolean } {
  let undo: UndoEntry[] = [];
  const off = (): Response => ({ ok: false, message: t(ctx.sites?.enabled === false ? 'page.stopped' : 'page.loading') });

  handle(ctx, signal, 'prefill-plan', async (req) => {
    if (req.type !== 'prefill-plan') return off();
    const first = ctx.live?.reports().find((x) => x.report.format)?.report;
    if (!ctx.live) return off();
    if (!first?.format) return { ok: false, message: t('page.noTable') };
    const year = first.year ?? req.year ?? null;
    const body = first.body ?? (req.body?.trim() || null);
    if (!year || year <= 1990) return { ok: false, message: t('page.noYear') };
    const prior = await ctx.priors.load(body, year);
    if (!prior) return { ok: false, message: t('page.noPrior', { body: body ? t('page.noPriorBody', { body }) : t('page.ownBody'), year: year - 1 }) };
    const items = planPrefill({ format: first.format, values: valuesOf(first) }, prior).map(({ cell, value }) => ({ cell, value }));
    return { ok: true, plan: items };
  });

  handle(ctx, signal, 'prefill-apply', async (req) => {
    if (req.type !== 'prefill-apply' || !ctx.live) return off();
    const out = await fill(ctx.live, req.items);
    if (out.undo.length) undo = out.undo;
    if (!out.written.length && req.items.length) {
      const why = out.unwritten.map((u) => u.message).join('\n');
      return { ok: false, message: why || t('page.nothingWritten') };
    }
    return out.unwritten.length ? { ok: true, written: out.written, unwritten: out.unwritten } : { ok: true, written: out.written };
  });

  handle(ctx, signal, 'prefill-undo', async () => {
    if (!ctx.live) return off();
    if (!undo.length) return { ok: false, message: t('page.nothingToUndo') };
    const { written, unwritten } = await unfill(ctx.live, undo);
    undo = [];
    return unwritten.length ? { ok: true, written, unwritten } : { ok: true, written };
  });

  return { canUndo: () => undo.length > 0 };
}

interface Filled {
  written: string[];
  /** Cells whose write did not read back right (taken back), each with what to tell the clerk. */
  unwritten: Unwritten[];
}

async function fill(live: LiveTables, items: PrefillItem[]): Promise<Filled & { undo: UndoEntry[] }> {
  const written: string[] = [];
  const unwritten: Unwritten[] = [];
  const undo: UndoEntry[] = [];
  const anchor = items.map((it) => live.cell(it.cell)).find((c) => c)?.el;
  if (!anchor) return { written, unwritten, undo };
  // The whole fill is one step of the editor's own undo, where the editor allows it.
  await editAsOneStep(anchor, async (write) => {
    for (const it of items) {
      const c = live.cell(it.cell);
      // A value typed since the plan was made is never overwritten.
      if (!c || c.report.cells[it.cell]?.value !== null) continue;
      const field = c.el.tagName === 'INPUT';
      const before = field ? (c.el as HTMLInputElement).value : blockText(c.el);
      const markup = field ? before : c.el.innerHTML;
      const after = String(it.value);
      const r = await write(c.el, after);
      if (r.status === 'written') {
        written.push(it.cell);
        undo.push({ cell: it.cell, before, markup, after });
      } else unwritten.push({ cell: it.cell, message: unwrittenCell(c.report, it.cell, after, r) });
    }
  });
  return { written, unwritten, undo };
}

async function unfill(live: LiveTables, undo: UndoEntry[]): Promise<Filled> {
  const written: string[] = [];
  const unwritten: Unwritten[] = [];
  const anchor = undo.map((u) => live.cell(u.cell)).find((c) => c)?.el;
  if (!anchor) return { written, unwritten };
  await editAsOneStep(anchor, async (write) => {
    for (const u of [...undo].reverse()) {
      const c = live.cell(u.cell);
      // A cell the user changed after the fill keeps the user's value.
      if (!c || cellText(c.el) !== u.after) continue;
      const field = c.el.tagName === 'INPUT';
      const r = await write(c.el, u.before, field ? undefined : u.markup);
      if (r.status === 'written') written.push(u.cell);
      else unwritten.push({ cell: u.cell, message: unwrittenCell(c.report, u.cell, u.before.trim(), r) });
    }
  });
  return { written, unwritten };
}
