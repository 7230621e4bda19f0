import type { PrefillItem, Response } from '../../messages';
import { valuesOf } from '../../report';
import { planPrefill } from '../../store/prefill-plan';
import type { LiveTables } from '../live';
import { cellText, editAsOneStep, innermostBlock } from '../write';
import { handle, type PageContext } from './context';

/**
 * Pre-fill from last year: the plan (the store's pure model) over the page's first recognised
 * report, written as one step of the editor's undo, and 撤销预填.
 */

interface UndoEntry {
  cell: string;
  /** Text of the cell's innermost block before the fill ('' or &nbsp;). */
  before: string;
  after: string;
}

export function initPrefill(ctx: PageContext, signal: AbortSignal): { canUndo(): boolean } {
  let undo: UndoEntry[] = [];
  const off = (): Response => ({ ok: false, message: ctx.sites?.enabled === false ? '年报助手已在此网站停用。' : '页面还在加载，请稍后再试。' });

  handle(ctx, signal, 'prefill-plan', async (req) => {
    if (req.type !== 'prefill-plan') return off();
    const first = ctx.live?.reports().find((x) => x.report.format)?.report;
    if (!ctx.live) return off();
    if (!first?.format) return { ok: false, message: '本页没有识别到统计表。' };
    const year = first.year ?? req.year ?? null;
    const body = first.body ?? (req.body?.trim() || null);
    if (!year || year <= 1990) return { ok: false, message: '本页没有写明报告年度：请在上方填写本报告的年度后再点「从上年数据预填」' };
    const prior = await ctx.priors.load(body, year);
    if (!prior) return { ok: false, message: `没有找到${body ? `「${body}」` : '本单位'} ${year - 1} 年的数据：请先「导入上年报告…」` };
    const items = planPrefill({ format: first.format, values: valuesOf(first) }, prior).map(({ cell, value }) => ({ cell, value }));
    return { ok: true, plan: items };
  });

  handle(ctx, signal, 'prefill-apply', async (req) => {
    if (req.type !== 'prefill-apply' || !ctx.live) return off();
    const out = await fill(ctx.live, req.items);
    if (out.undo.length) undo = out.undo;
    if (!out.written.length && req.items.length) return { ok: false, message: '没有写入任何单元格：目标单元格已有数值或无法编辑。' };
    return { ok: true, written: out.written };
  });

  handle(ctx, signal, 'prefill-undo', async () => {
    if (!ctx.live) return off();
    if (!undo.length) return { ok: false, message: '没有可撤销的预填。' };
    const written = await unfill(ctx.live, undo);
    undo = [];
    return { ok: true, written };
  });

  return { canUndo: () => undo.length > 0 };
}

async function fill(live: LiveTables, items: PrefillItem[]): Promise<{ written: string[]; undo: UndoEntry[] }> {
  const written: string[] = [];
  const undo: UndoEntry[] = [];
  const anchor = items.map((it) => live.cell(it.cell)).find((c) => c)?.el;
  if (!anchor) return { written, undo };
  // The whole fill is one step of the editor's own undo, where the editor allows it.
  await editAsOneStep(anchor, async (write) => {
    for (const it of items) {
      const c = live.cell(it.cell);
      // A value typed since the plan was made is never overwritten.
      if (!c || c.report.cells[it.cell]?.value !== null) continue;
      const before = c.el.tagName === 'INPUT' ? (c.el as HTMLInputElement).value : (innermostBlock(c.el).textContent ?? '');
      const after = String(it.value);
      if (await write(c.el, after)) {
        written.push(it.cell);
        undo.push({ cell: it.cell, before, after });
      }
    }
  });
  return { written, undo };
}

async function unfill(live: LiveTables, undo: UndoEntry[]): Promise<string[]> {
  const written: string[] = [];
  const anchor = undo.map((u) => live.cell(u.cell)).find((c) => c)?.el;
  if (!anchor) return written;
  await editAsOneStep(anchor, async (write) => {
    for (const u of [...undo].reverse()) {
      const c = live.cell(u.cell);
      // A cell the user changed after the fill keeps the user's value.
      if (!c || cellText(c.el) !== u.after) continue;
      if (await write(c.el, u.before)) written.push(u.cell);
    }
  });
  return written;
}
