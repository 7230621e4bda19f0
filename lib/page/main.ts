import type { BackgroundRequest, FoundTable, PageState, PrefillItem, Request, Response } from '../messages';
import type { CheckInput, Report } from '../report';
import { valuesOf } from '../report';
import { planPrefill } from '../store/prefill-plan';
import { APPLY_COL_IDS } from '../formats/apply-sections';
import { FORMAT_IDS } from '../formats/types';
import {
  extApi, sendMessage, siteDisabledKey, siteOf, storageGet, storageRemove, storageSet, type ExtApi, type StorageChange,
} from './ext';
import { isRequest } from './request';
import { LiveTables, elementOf, type LiveDeps } from './live';
import { blockText, cellText, editAsOneStep, writeCell } from './write';
import { unwrittenMessage } from './write-message';
import { cellLabel } from '../formats';

/**
 * The content script of the top frame, as features that each start with `init(signal)` and stop
 * when the signal aborts (Refined-GitHub style). The per-site switch aborts the live feature.
 */

export interface PageOptions {
  deps: LiveDeps;
  api?: ExtApi | null;
  pauseMs?: number;
  /** The per-site switch as already read by the caller: skips the first storage read. */
  enabled?: boolean;
}

interface UndoEntry {
  cell: string;
  /** Text of the cell's innermost block before the fill ('' or &nbsp;). */
  before: string;
  /** The cell's markup before the fill (its blank shape, given back exactly), or a field's value. */
  markup: string;
  after: string;
}

const REPORT_KEY = /^report:/;

export class PageController {
  readonly site: string;
  private readonly api: ExtApi | null;
  private live: LiveTables | null = null;
  private liveAbort: AbortController | null = null;
  private enabled = true;
  private readonly priors = new Map<string, CheckInput | null>();
  private readonly pending = new Map<string, Promise<CheckInput | null>>();
  private undo: UndoEntry[] = [];

  constructor(
    private readonly win: Window,
    private readonly opts: PageOptions,
  ) {
    this.site = siteOf(win);
    this.api = opts.api === undefined ? extApi() : opts.api;
  }

  private signal: AbortSignal | null = null;

  /** Start all features; they stop when `signal` aborts. */
  init(signal: AbortSignal): void {
    this.signal = signal;
    this.initSiteControl(signal);
    if (this.win === this.win.top) this.initMessages(signal);
  }

  // ---- feature: per-site switch -----------------------------------------------------------

  private initSiteControl(signal: AbortSignal): void {
    const key = siteDisabledKey(this.site);
    const api = this.api;
    if (!api || this.opts.enabled !== undefined) this.setEnabled(this.opts.enabled ?? true, signal);
    if (!api) return;
    if (this.opts.enabled === undefined)
      void storageGet(api, key).then((items) => {
        if (!signal.aborted) this.setEnabled(items[key] !== true, signal);
      });
    const onChanged = (changes: Record<string, StorageChange>, area: string) => {
      if (area !== 'local') return;
      if (key in changes) this.setEnabled(changes[key]?.newValue !== true, signal);
      if (Object.keys(changes).some((k) => REPORT_KEY.test(k))) {
        this.priors.clear();
        this.live?.recheck();
      }
    };
    api.storage.onChanged.addListener(onChanged);
    signal.addEventListener('abort', () => api.storage.onChanged.removeListener(onChanged));
  }

  private setEnabled(on: boolean, signal: AbortSignal): void {
    this.enabled = on;
    if (on && !this.liveAbort && !signal.aborted) {
      const ctl = new AbortController();
      this.liveAbort = ctl;
      signal.addEventListener('abort', () => ctl.abort());
      this.initLive(ctl.signal);
    } else if (!on && this.liveAbort) {
      this.liveAbort.abort();
      this.liveAbort = null;
    }
  }

  // ---- feature: live checking -------------------------------------------------------------

  private initLive(signal: AbortSignal): void {
    const t0 = performance.now();
    const live = new LiveTables({
      top: this.win.document,
      deps: this.opts.deps,
      pauseMs: this.opts.pauseMs,
      prior: (r) => this.priorFor(r),
      references: (r) => this.referencesFor(r),
      fix: (c, value) =>
        void writeCell(c.el, String(value)).then((r) => {
          if (r.status !== 'written') live.notice(unwrittenMessage(this.labelOf(c.report, c.id), String(value), r));
        }),
      changed: () => this.sendCounts(),
    });
    this.live = live;
    live.start();
    try {
      // Start-up cost, readable by the benchmark through the shared performance timeline.
      performance.measure('nianbao:startup', { start: t0, end: performance.now() });
    } catch {
      /* performance.measure with options needs Chromium 78+: nothing to report then */
    }
    signal.addEventListener('abort', () => {
      live.stop();
      if (this.live === live) this.live = null;
      this.sendCounts();
    });
  }

  private counts = '0/0';

  /** Problem counts for the toolbar button (background), sent when they change. Top frame only. */
  private sendCounts(): void {
    if (!this.api || this.win !== this.win.top) return;
    let errors = 0;
    let warnings = 0;
    for (const { findings } of this.live?.reports(false) ?? [])
      for (const f of findings) {
        if (f.severity === 'error') errors++;
        else if (f.severity === 'warning') warnings++;
      }
    const key = `${errors}/${warnings}`;
    if (key === this.counts) return;
    this.counts = key;
    const msg: BackgroundRequest = { type: 'badge', errors, warnings };
    void sendMessage(this.api, msg);
  }

  /**
   * Last year's figures worth seeing beside this year's cells: 现行有效件数 (the base of this year's,
   * X-STOCK) and, beside 二、上年结转, last year's 结转下年度 (X-CARRY). Shown, never written.
   */
  private referencesFor(r: Report): { cell: string; value: number }[] {
    const prior = this.priorFor(r);
    if (!prior) return [];
    const out: { cell: string; value: number }[] = [];
    for (const [cell, value] of Object.entries(prior.values)) {
      if (cell.endsWith('.inForce') && typeof value === 'number' && cell in r.cells) out.push({ cell, value });
    }
    for (const col of APPLY_COL_IDS) {
      const value = prior.values[`apply.carryForward.${col}`];
      const cell = `apply.carried.${col}`;
      if (typeof value === 'number' && cell in r.cells) out.push({ cell, value });
    }
    return out;
  }

  private priorKey(r: Report): string | null {
    return r.format && r.year ? `${r.body ?? ''}|${r.year}` : null;
  }

  /** Last year's data for a report from the store; fetched once, then cached. */
  private priorFor(r: Report): CheckInput | undefined {
    const key = this.priorKey(r);
    if (!key) return undefined;
    if (this.priors.has(key)) return this.priors.get(key) ?? undefined;
    void this.loadPrior(r);
    return undefined;
  }

  private loadPrior(r: Report): Promise<CheckInput | null> {
    const key = this.priorKey(r);
    const api = this.api;
    if (!key || !api || !r.year) return Promise.resolve(null);
    if (this.priors.has(key)) return Promise.resolve(this.priors.get(key) ?? null);
    let p = this.pending.get(key);
    if (!p) {
      const req: BackgroundRequest = { type: 'prior', site: this.site, body: r.body ?? null, year: r.year };
      p = sendMessage(api, req)
        .then(asCheckInput)
        .then((prior) => {
          this.priors.set(key, prior);
          this.pending.delete(key);
          if (prior) this.live?.recheck();
          return prior;
        });
      this.pending.set(key, p);
    }
    return p;
  }

  // ---- feature: messages from the popup ---------------------------------------------------

  private initMessages(signal: AbortSignal): void {
    const api = this.api;
    if (!api) return;
    const listener = (msg: unknown, _sender: unknown, respond: (r: unknown) => void) => {
      if (!isRequest(msg)) return false;
      this.handle(msg).then(respond, (e: unknown) =>
        respond({ ok: false, message: `年报助手出错：${e instanceof Error ? e.message : String(e)}` }),
      );
      return true;
    };
    api.runtime.onMessage.addListener(listener);
    signal.addEventListener('abort', () => api.runtime.onMessage.removeListener(listener));
  }

  async handle(req: Request): Promise<Response> {
    switch (req.type) {
      case 'state':
        return { ok: true, state: await this.state() };
      case 'site-enabled': {
        if (this.api) {
          const key = siteDisabledKey(this.site);
          if (req.enabled) await storageRemove(this.api, key);
          else await storageSet(this.api, { [key]: true });
        }
        // Apply now so the answer shows the new state (storage.onChanged may arrive after it).
        if (this.signal) this.setEnabled(req.enabled, this.signal);
        return { ok: true, state: await this.state() };
      }
    }
    const live = this.live;
    if (!live) return { ok: false, message: this.enabled ? '页面还在加载，请稍后再试。' : '年报助手已在此网站停用。' };
    switch (req.type) {
      case 'reveal':
        return live.reveal(req.cell)
          ? { ok: true }
          : { ok: false, message: '找不到这个单元格：表格可能已被修改或移除。' };
      case 'apply-fix': {
        const c = live.cell(req.cell);
        if (!c) return { ok: false, message: '找不到这个单元格：表格可能已被修改或移除。' };
        const r = await writeCell(c.el, String(req.value));
        if (r.status === 'written') return { ok: true, written: [req.cell] };
        return { ok: false, message: unwrittenMessage(this.labelOf(c.report, req.cell), String(req.value), r) };
      }
      case 'prefill-plan': {
        const plan = await this.plan();
        return 'message' in plan ? { ok: false, message: plan.message } : { ok: true, plan: plan.items };
      }
      case 'prefill-apply':
        return this.prefill(live, req.items);
      case 'prefill-undo':
        return this.undoPrefill(live);
    }
  }

  private firstReport(): { doc: Document; report: Report } | null {
    const all = this.live?.reports() ?? [];
    return all.find((x) => x.report.format) ?? null;
  }

  async state(): Promise<PageState> {
    const live = this.live;
    const all = live?.reports() ?? [];
    const top = this.win.document;
    const tables: FoundTable[] = all.map(({ doc, report }) => {
      const first = Object.keys(report.cells)[0];
      const el = first ? elementOf(report, first) : undefined;
      const where = el && el.tagName === 'INPUT' ? '输入表格' : doc === top ? '本页' : '编辑器（iframe）';
      return { format: report.format, year: report.year, body: report.body ?? null, where, cellCount: Object.keys(report.cells).length };
    });
    const first = all.find((x) => x.report.format);
    let priorYear: number | null = null;
    if (first) {
      const prior = await this.loadPrior(first.report);
      priorYear = prior?.year ?? null;
    }
    return {
      siteEnabled: this.enabled,
      site: this.site,
      tables,
      findings: all.flatMap((x) => x.findings),
      values: first ? valuesOf(first.report) : null,
      priorYear,
      canUndoPrefill: this.undo.length > 0,
    };
  }

  private async plan(): Promise<{ items: PrefillItem[] } | { message: string }> {
    const first = this.firstReport();
    if (!first || !first.report.format) return { message: '本页没有识别到统计表。' };
    if (!first.report.year) return { message: '无法确定本报告的年度，不能查找上一年度数据。' };
    const prior = await this.loadPrior(first.report);
    if (!prior) return { message: `没有找到${first.report.year - 1}年度的已保存数据，请先导入上年报告。` };
    const items = planPrefill({ format: first.report.format, values: valuesOf(first.report) }, prior);
    return { items: items.map(({ cell, value }) => ({ cell, value })) };
  }

  private labelOf(r: Report, cell: string): string {
    return r.format ? cellLabel(r.format, cell) : cell;
  }

  private async prefill(live: LiveTables, items: PrefillItem[]): Promise<Response> {
    const written: string[] = [];
    const unwritten: { cell: string; message: string }[] = [];
    const undo: UndoEntry[] = [];
    const anchor = items.map((it) => live.cell(it.cell)).find((c) => c)?.el;
    if (anchor) {
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
          } else unwritten.push({ cell: it.cell, message: unwrittenMessage(this.labelOf(c.report, it.cell), after, r) });
        }
      });
    }
    if (undo.length) this.undo = undo;
    if (!written.length) {
      const why = unwritten.map((u) => u.message).join('\n');
      return { ok: false, message: why || '没有写入任何单元格：目标单元格已有数值或无法编辑。' };
    }
    return unwritten.length ? { ok: true, written, unwritten } : { ok: true, written };
  }

  private async undoPrefill(live: LiveTables): Promise<Response> {
    if (!this.undo.length) return { ok: false, message: '没有可撤销的预填。' };
    const written: string[] = [];
    const unwritten: { cell: string; message: string }[] = [];
    const anchor = this.undo.map((u) => live.cell(u.cell)).find((c) => c)?.el;
    if (anchor) {
      await editAsOneStep(anchor, async (write) => {
        for (const u of [...this.undo].reverse()) {
          const c = live.cell(u.cell);
          // A cell the user changed after the fill keeps the user's value.
          if (!c || cellText(c.el) !== u.after) continue;
          const field = c.el.tagName === 'INPUT';
          const r = await write(c.el, u.before, field ? undefined : u.markup);
          if (r.status === 'written') written.push(u.cell);
          else unwritten.push({ cell: u.cell, message: unwrittenMessage(this.labelOf(c.report, u.cell), u.before.trim(), r) });
        }
      });
    }
    this.undo = [];
    return unwritten.length ? { ok: true, written, unwritten } : { ok: true, written };
  }
}

/** The background's answer to 'prior', checked plainly (it was validated by the store's schema there). */
function asCheckInput(x: unknown): CheckInput | null {
  if (!x || typeof x !== 'object') return null;
  const o = x as Record<string, unknown>;
  if (!(FORMAT_IDS as readonly unknown[]).includes(o.format)) return null;
  if (!o.values || typeof o.values !== 'object') return null;
  const out: CheckInput = {
    format: o.format as CheckInput['format'],
    year: typeof o.year === 'number' ? o.year : null,
    values: o.values as CheckInput['values'],
  };
  if (typeof o.body === 'string') out.body = o.body;
  return out;
}
