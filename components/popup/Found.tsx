import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { FORMATS, cellLabel, formatTitle } from '@/lib/formats';
import type { FoundTable, PageState, PrefillItem } from '@/lib/messages';
import { t } from '@/lib/i18n';
import { plainError } from '@/lib/plain-error';
import { toCsv, toJson, type NewReport, type SavedReport, STORE_VERSION } from '@/lib/store';
import { confirmedList, countListed, groupByCell, inCellWords } from '../shared/findings';
import { CONFIRM_TEXT, ConfirmNote } from './ConfirmNote';
import { safeName } from '../shared/download';
import type { PopupApi } from './api';
import { LinkPrompt } from './LinkPrompt';
import { SavePanel } from './SavePanel';
import { emptyPlanNote } from './prefill-note';
import { openSheet } from './sheet';
import type { Say } from './Popup';

export function importRoute(state: PageState, table: FoundTable | null): string {
  const q = new URLSearchParams({ site: state.site });
  if (table?.body) q.set('body', table.body);
  if (table?.year) q.set('year', String(table.year));
  return `#import?${q}`;
}

/** The recognised tables, one line per report (same format, year and body, in the same place). */
function tableLines(tables: readonly FoundTable[]): string[] {
  const lines = new Map<string, { t: FoundTable; n: number; cells: number }>();
  for (const t of tables) {
    if (!t.format) continue;
    const k = `${t.format}|${t.year}|${t.body}|${t.where}`;
    const l = lines.get(k) ?? { t, n: 0, cells: 0 };
    l.n++;
    l.cells += t.cellCount;
    lines.set(k, l);
  }
  return [...lines.values()].map(({ t, n, cells }) =>
    `${formatTitle(FORMATS[t.format!])} · ${t.year ? `${t.year} 年度` : '年度未知'} · ${t.body ?? '单位名称未知'}（${t.where}${n > 1 ? `，${n} 张表` : ''}，${cells} 格）`,
  );
}

export function Found({ api, state, table, refresh, say, more }: {
  api: PopupApi;
  state: PageState;
  table: FoundTable;
  refresh: () => Promise<void>;
  say: Say;
  more: (exportAs?: (kind: 'json' | 'csv') => void) => JSX.Element;
}) {
  const format = table.format!;
  const groups = groupByCell(state.findings, format);
  const counts = countListed(groups);
  const confirmed = confirmedList(state.findings, format);
  const listed = new Set(groups.flatMap((g) => g.problems.map((p) => p.message)));
  const fixOf = (cell: string) => state.suggestion?.fixes.find((f) => f.cell === cell)?.value;
  const confirmations = state.confirmations ?? [];
  const [body, setBody] = useState(table.body ?? '');
  const [year, setYear] = useState(table.year ? String(table.year) : '');
  const [saving, setSaving] = useState(false);
  const [plan, setPlan] = useState<PrefillItem[] | null>(null);
  // Which cell is most likely mistyped, as the page's badges say: each value it can apply gets 改为 N.
  const suggestion = state.suggestion;

  const fail = (e: unknown) => ({ ok: false as const, message: plainError(e) });

  const fix = async (cell: string, value: number) => {
    const res = await api.send({ type: 'apply-fix', cell, value }).catch(fail);
    if (!res.ok) return say(res.message, true);
    say(`已将 ${cellLabel(format, cell)} 改为 ${value}（可在编辑器中撤销）`);
    await refresh();
  };

  /** 已核实 / 撤销核实: the page keeps the list; the popup shows what the page then says. */
  const confirm = async (req: { type: 'confirm'; rule: string; cells: string[]; note: string } | { type: 'unconfirm'; rule: string; cells: string[] }) => {
    const res = await api.send(req).catch(fail);
    if (!res.ok) {
      say(res.message, true);
      return false;
    }
    say(req.type === 'confirm' ? '已标为已核实，核实说明会随本年数据保存，并印在审核单上。' : '已撤销核实，这个问题重新计入问题个数。');
    await refresh();
    return true;
  };

  const report = (b: string, y: string): NewReport | null => {
    const n = Number(y);
    if (!state.values || !b.trim() || !Number.isInteger(n) || n <= 0) return null;
    return { site: state.site, body: b.trim(), year: n, format, values: state.values, source: api.tab?.url ?? 'page', ...(confirmations.length ? { confirmations } : {}) };
  };

  /** The page plans (from the year and body it read, or those typed here when it does not say them). */
  const askPlan = async () => {
    const y = Number(year);
    const req = { type: 'prefill-plan' as const, ...(Number.isInteger(y) && y > 0 ? { year: y } : {}), ...(body.trim() ? { body: body.trim() } : {}) };
    const res = await api.send(req).catch(fail);
    if (!res.ok) return say(res.message, true);
    if (!res.plan?.length) return say(emptyPlanNote(format, state.values));
    setSaving(false);
    setPlan(res.plan);
  };

  const applyPlan = async () => {
    if (!plan) return;
    const res = await api.send({ type: 'prefill-apply', items: plan }).catch(fail);
    setPlan(null);
    if (!res.ok) return say(res.message, true);
    const missed = res.unwritten ?? [];
    const done = `已预填 ${res.written?.length ?? 0} 个单元格（均已核对）。如需还原，请点「撤销预填」。`;
    if (missed.length) say(`${done} 另有 ${missed.length} 个单元格未能填入：${missed.map((u) => u.message).join(' ')}`, true);
    else say(done);
    await refresh();
  };

  const undoPrefill = async () => {
    const res = await api.send({ type: 'prefill-undo' }).catch(fail);
    if (!res.ok) return say(res.message, true);
    const missed = res.unwritten ?? [];
    if (missed.length) say(`已撤销预填，但有 ${missed.length} 个单元格未能还原：${missed.map((u) => u.message).join(' ')}`, true);
    else say('已撤销预填，表格恢复原样');
    await refresh();
  };

  const exportAs = (kind: 'json' | 'csv') => {
    const r = report(body, year);
    if (!r) return say('请填写单位名称和年度后再导出', true);
    const full: SavedReport = { ...r, version: STORE_VERSION, savedAt: new Date().toISOString() };
    const name = t(kind === 'json' ? 'export.jsonName' : 'export.csvName', { name: t('export.reportName', { body: safeName(r.body), year: r.year }) });
    if (kind === 'json') api.download(name, toJson([full]), 'application/json');
    else api.download(name, toCsv([full]), 'text/csv');
  };

  const sheet = async () => {
    if (!state.values) return say('页面没有返回统计表的数字，无法生成审核单', true);
    const y = Number(year);
    const res = await openSheet(api, { site: state.site, format, year: Number.isInteger(y) && y > 0 ? y : null, body: body.trim() || null, values: state.values, confirmations });
    if (!res.ok) say(res.message, true);
  };

  const total = counts.error + counts.warning + counts.info;
  return (
    <>
      <section aria-label="检查结果" class="summary">
        <p class="counts">
          {counts.error + counts.warning === 0 ? <strong>未发现问题。</strong> : null}
          <span class="sev-error">强制性问题 <b data-count="error">{counts.error}</b> 个</span>，
          <span class="sev-warning">核实性问题 <b data-count="warning">{counts.warning}</b> 个</span>
          {counts.info > 0 && <>，<span class="sev-info">提示 <b data-count="info">{counts.info}</b> 条</span></>}
        </p>
        <ul class="tables">
          {tableLines(state.tables).map((l) => <li key={l}>{l}</li>)}
        </ul>
        <p class="muted small">{state.priorYear ? `已载入 ${state.priorYear} 年数据，跨年规则同时检查。` : '没有上年数据，跨年规则（上年结转等）未检查。'}</p>
        {!state.priorYear && table.year && (
          <LinkPrompt api={api} site={state.site} body={table.body} year={table.year} linked={() => void refresh()} say={say} />
        )}
        {(!table.year || !table.body) && (
          <p class="identity">
            页面没有写明{!table.year ? '年度' : ''}{!table.year && !table.body ? '和' : ''}{!table.body ? '单位名称' : ''}，请填写：
            {!table.body && <label>单位名称 <input value={body} onInput={(e) => setBody(e.currentTarget.value)} /></label>}
            {!table.year && <label>本报告年度 <input value={year} size={5} inputMode="numeric" onInput={(e) => setYear(e.currentTarget.value)} /></label>}
          </p>
        )}
      </section>
      {suggestion && (
        <section aria-label="最可能的输错" class="locate">
          {/* Said once: in the list below when it is there, here only the cells and their 改为 N. */}
          <p>{listed.has(suggestion.message) ? `最可能输错的格：${suggestion.fixes.map((f) => cellLabel(format, f.cell)).join('、')}` : suggestion.message}</p>
          {suggestion.fixes.map((f) => (
            <button key={f.cell} class="primary" data-cell={f.cell} onClick={() => fix(f.cell, f.value)}>
              改为 {f.value}
            </button>
          ))}
        </section>
      )}
      {total > 0 && (
        <section aria-label="问题" class="problems-box" tabIndex={0}>
          <ul class="problems">
            {groups.map((g) => (
              <li key={g.cell}>
                <button class={`problem sev-${g.severity}`} data-cell={g.cell} onClick={() => api.send({ type: 'reveal', cell: g.cell }).catch(() => undefined)}>
                  {g.label}
                </button>
                <ul>
                  {g.problems.map((p) => (
                    <li key={p.message} class={`sev-${p.severity}`} data-severity={p.severity}>
                      {inCellWords(p.message, g.label, fixOf(g.cell))}
                      {p.severity === 'warning' && (
                        <> <ConfirmNote send={(note) => confirm({ type: 'confirm', rule: p.rule, cells: p.cells, note })} /></>
                      )}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      )}
      {confirmed.length > 0 && (
        <section aria-label={CONFIRM_TEXT.confirmedTitle} class="confirmed-box">
          <p class="muted small">{CONFIRM_TEXT.confirmedTitle} <b data-count="confirmed">{confirmed.length}</b> 个（不计入问题个数）：</p>
          <ul class="confirmed">
            {confirmed.map((c) => (
              <li key={`${c.rule}|${c.cells.join(',')}`} class="muted small" data-cell={c.cell} title={`${CONFIRM_TEXT.notePrefix}${c.note}`}>
                {c.label}：{CONFIRM_TEXT.notePrefix}{c.note}{' '}
                <button class="small" onClick={() => void confirm({ type: 'unconfirm', rule: c.rule, cells: c.cells })}>{CONFIRM_TEXT.undo}</button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {plan && (
        <section aria-label="预填计划" class="panel">
          <p>将从上年数据填入以下 {plan.length} 个空白单元格：</p>
          <ul class="plan">
            {plan.map((p) => (
              <li key={p.cell} data-cell={p.cell}>
                {cellLabel(format, p.cell)} ← <b>{p.value}</b>
              </li>
            ))}
          </ul>
          <div class="row">
            <button class="primary" onClick={applyPlan}>确认预填</button> <button onClick={() => setPlan(null)}>取消</button>
          </div>
        </section>
      )}
      {saving && (
        <SavePanel
          api={api}
          format={format}
          findings={state.findings}
          report={report}
          body={body}
          year={year}
          setBody={setBody}
          setYear={setYear}
          close={() => setSaving(false)}
          done={(text, error, undo) => {
            if (!error) setSaving(false);
            say(text, error, undo);
          }}
        />
      )}
      <div class="actions main-actions">
        <button onClick={() => { setPlan(null); setSaving(true); }}>保存本年数据</button>
        <button onClick={askPlan}>从上年数据预填</button>
        {state.canUndoPrefill && <button onClick={undoPrefill}>撤销预填</button>}
        <button onClick={sheet}>打印审核单</button>
        <button onClick={() => api.openOptions(importRoute(state, table))}>导入上年报告…</button>
      </div>
      {more(exportAs)}
    </>
  );
}
