import { useEffect, useState } from 'preact/hooks';
import { cellLabel } from '@/lib/formats';
import type { FormatId } from '@/lib/formats/types';
import { emptyPageState, type PageState, type PrefillItem } from '@/lib/messages';
import { STORE_VERSION, isSiteEnabled, reportKey, saveReport, setSiteEnabled, toCsv, toJson, type SavedReport } from '@/lib/store';
import { countBySeverity, groupByCell } from '../shared/findings';
import { safeName } from '../shared/download';
import { hostOf, unreachableReason, type PopupApi } from './api';

type View =
  | { kind: 'loading' }
  | { kind: 'unreachable'; reason: string }
  | { kind: 'ready'; state: PageState };

const FORMAT_NAME: Record<FormatId, string> = {
  gov2021: '2021年版（国办公开办函〔2021〕30号）',
  gov2019: '2019年试行版（国办公开办函〔2019〕60号）',
  gov2014: '2014年版统计表（国办发〔2014〕32号）',
  local: '地方统计表',
};

export function Popup({ api }: { api: PopupApi }) {
  const [view, setView] = useState<View>({ kind: 'loading' });
  const [note, setNote] = useState<{ text: string; error?: boolean } | null>(null);

  async function refresh() {
    const tab = api.tab;
    if (!tab) return setView({ kind: 'unreachable', reason: '没有可检查的标签页' });
    // The URL is hidden when the popup is opened for another tab (?tabId) without host access.
    const blocked = tab.url ? unreachableReason(tab.url) : null;
    if (blocked) return setView({ kind: 'unreachable', reason: blocked });
    const host = hostOf(tab.url);
    try {
      const res = await api.send({ type: 'state' });
      if (!res.ok) return setView({ kind: 'unreachable', reason: res.message });
      if (!res.state) return setView({ kind: 'unreachable', reason: '页面没有返回检查结果' });
      setView({ kind: 'ready', state: res.state });
    } catch {
      const on = await isSiteEnabled(api.kv, host);
      setView(
        !on
          ? { kind: 'ready', state: emptyPageState(host, false) }
          : { kind: 'unreachable', reason: '无法连接此页面：页面可能在安装扩展之前就已打开，请刷新页面后再试' },
      );
    }
  }

  useEffect(() => {
    void refresh();
  }, []);

  const say = (text: string, error = false) => setNote({ text, error });

  return (
    <main class="popup">
      <h1>年报助手</h1>
      {view.kind === 'loading' && <p class="muted">正在读取页面…</p>}
      {view.kind === 'unreachable' && (
        <section aria-label="页面状态">
          <p><strong>此页面无法检查。</strong></p>
          <p class="why">{view.reason}</p>
          <div class="actions">
            <button onClick={() => api.openOptions('#import')}>导入上年报告…</button>
          </div>
        </section>
      )}
      {view.kind === 'ready' && <Ready api={api} state={view.state} refresh={refresh} say={say} />}
      {note && (
        <p role={note.error ? 'alert' : 'status'} class={note.error ? 'error-text' : 'ok-text'}>
          {note.text}
        </p>
      )}
      <footer>
        <button class="link" onClick={() => api.openOptions('')}>已保存的数据与设置</button>
      </footer>
    </main>
  );
}

interface ReadyProps {
  api: PopupApi;
  state: PageState;
  refresh: () => Promise<void>;
  say: (text: string, error?: boolean) => void;
}

function Ready({ api, state, refresh, say }: ReadyProps) {
  const toggle = async () => {
    const enable = !state.siteEnabled;
    // The page's content script stores and applies the switch; with none there, the popup stores it.
    const res = await api.send({ type: 'site-enabled', enabled: enable }).catch(() => null);
    if (!res?.ok) await setSiteEnabled(api.kv, state.site, enable);
    say(enable ? `已在 ${state.site} 启用年报助手` : `已在 ${state.site} 停用年报助手，刷新页面后不再检查`);
    await refresh();
  };
  const siteButton = (
    <button onClick={toggle}>{state.siteEnabled ? '在此网站停用' : '在此网站启用'}</button>
  );

  if (!state.siteEnabled) {
    return (
      <section aria-label="页面状态">
        <p><strong>年报助手已在此网站（{state.site}）停用。</strong></p>
        <p class="why">停用后不在此网站查找和检查统计表。需要时可重新启用。</p>
        <div class="actions">{siteButton}</div>
      </section>
    );
  }
  const table = state.tables.find((t) => t.format) ?? null;
  if (!table) {
    return (
      <section aria-label="页面状态">
        <p><strong>此页面没有发现年报统计表。</strong></p>
        <p class="why">
          年报助手查找含「收到和处理政府信息公开申请情况」「主动公开政府信息情况」等标题或栏目的表格（编辑器中、输入表格中均可）。
          如果统计表还没有粘贴进编辑器，粘贴后再打开本窗口即可。
        </p>
        <div class="actions">
          <button onClick={() => api.openOptions(importRoute(state, null))}>导入上年报告…</button>
          {siteButton}
        </div>
      </section>
    );
  }
  return <Found api={api} state={state} table={table} refresh={refresh} say={say} siteButton={siteButton} />;
}

function importRoute(state: PageState, table: PageState['tables'][number] | null): string {
  const q = new URLSearchParams({ site: state.site });
  if (table?.body) q.set('body', table.body);
  if (table?.year) q.set('year', String(table.year));
  return `#import?${q}`;
}

function Found({ api, state, table, refresh, say, siteButton }: ReadyProps & { table: PageState['tables'][number]; siteButton: preact.JSX.Element }) {
  const format = table.format!;
  const { errors, warnings } = countBySeverity(state.findings);
  const groups = groupByCell(state.findings, format);
  const [body, setBody] = useState(table.body ?? '');
  const [year, setYear] = useState(table.year ? String(table.year) : '');
  const [saving, setSaving] = useState<null | 'form' | 'confirm'>(null);
  const [plan, setPlan] = useState<PrefillItem[] | null>(null);
  const [exporting, setExporting] = useState(false);
  // Which cell is most likely mistyped, as the page's badges say: each value it can apply gets 改为 N.
  const suggestion = state.suggestion;

  const fix = async (cell: string, value: number) => {
    const res = await api.send({ type: 'apply-fix', cell, value }).catch((e: Error) => ({ ok: false as const, message: e.message }));
    if (!res.ok) return say(res.message, true);
    say(`已将 ${cellLabel(format, cell)} 改为 ${value}（可在编辑器中撤销）`);
    await refresh();
  };

  const current = (): SavedReport | null => {
    const y = Number(year);
    if (!state.values || !body.trim() || !Number.isInteger(y)) return null;
    return { version: STORE_VERSION, site: state.site, body: body.trim(), year: y, format, values: state.values, source: api.tab?.url ?? 'page', savedAt: new Date().toISOString() };
  };

  const save = async (replace: boolean) => {
    const r = current();
    if (!r) return say('请填写单位名称和年度后再保存', true);
    if (!replace) {
      const key = reportKey(r.site, r.body, r.year);
      if ((await api.kv.get(key))[key] !== undefined) return setSaving('confirm');
    }
    const res = await saveReport(api.kv, r);
    if (!res.ok) return say(res.message, true);
    setSaving(null);
    say(`已保存「${r.body}」${r.year} 年数据（${Object.keys(r.values).length} 格）`);
  };

  /** The page plans (from the year and body it read, or those typed here when it does not say them). */
  const askPlan = async () => {
    const y = Number(year);
    const req = { type: 'prefill-plan' as const, ...(Number.isInteger(y) && y > 0 ? { year: y } : {}), ...(body.trim() ? { body: body.trim() } : {}) };
    const res = await api.send(req).catch((e: Error) => ({ ok: false as const, message: e.message }));
    if (!res.ok) return say(res.message, true);
    if (!res.plan?.length) return say('上年结转各格都已填写（或上年没有结转数），没有需要预填的单元格');
    setPlan(res.plan);
  };

  const applyPlan = async () => {
    if (!plan) return;
    const res = await api.send({ type: 'prefill-apply', items: plan }).catch((e: Error) => ({ ok: false as const, message: e.message }));
    setPlan(null);
    if (!res.ok) return say(res.message, true);
    say(`已预填 ${res.written?.length ?? 0} 个单元格。如需还原，请点「撤销预填」。`);
    await refresh();
  };

  const undo = async () => {
    const res = await api.send({ type: 'prefill-undo' }).catch((e: Error) => ({ ok: false as const, message: e.message }));
    if (!res.ok) return say(res.message, true);
    say('已撤销预填，表格恢复原样');
    await refresh();
  };

  const exportAs = (kind: 'json' | 'csv') => {
    const r = current();
    if (!r) return say('请填写单位名称和年度后再导出', true);
    const name = `${safeName(r.body)}-${r.year}年报数据.${kind}`;
    if (kind === 'json') api.download(name, toJson([r]), 'application/json');
    else api.download(name, toCsv([r]), 'text/csv');
    setExporting(false);
  };

  return (
    <>
      <section aria-label="找到的统计表">
        <ul class="tables">
          {state.tables.filter((t) => t.format).map((t, i) => (
            <li key={i}>
              {FORMAT_NAME[t.format!]} · {t.year ? `${t.year} 年度` : '年度未知'} · {t.body ?? '单位名称未知'}
              <span class="muted">（{t.where}，{t.cellCount} 格）</span>
            </li>
          ))}
        </ul>
        <p class="counts">
          <span class="sev-error">强制性问题 <b data-count="error">{errors}</b> 个</span>，
          <span class="sev-warning">核实性问题 <b data-count="warning">{warnings}</b> 个</span>
        </p>
        {(!table.year || !table.body) && (
          <p class="identity">
            页面没有写明{!table.year ? '年度' : ''}{!table.year && !table.body ? '和' : ''}{!table.body ? '单位名称' : ''}，请填写：
            {!table.body && <label>单位名称 <input value={body} onInput={(e) => setBody(e.currentTarget.value)} /></label>}
            {!table.year && <label>本报告年度 <input value={year} size={5} inputMode="numeric" onInput={(e) => setYear(e.currentTarget.value)} /></label>}
          </p>
        )}
        <p class="muted">{state.priorYear ? `已载入 ${state.priorYear} 年数据，跨年规则同时检查。` : '没有上年数据，跨年规则（上年结转等）未检查。'}</p>
      </section>
      {suggestion && (
        <section aria-label="最可能的输错" class="locate">
          <p>{suggestion.message}</p>
          {suggestion.fixes.map((f) => (
            <button key={f.cell} class="primary" data-cell={f.cell} onClick={() => fix(f.cell, f.value)}>
              改为 {f.value}
            </button>
          ))}
        </section>
      )}
      {groups.length > 0 && (
        <section aria-label="问题">
          <ul class="problems">
            {groups.map((g) => (
              <li key={g.cell}>
                <button class={`problem sev-${g.severity}`} data-cell={g.cell} onClick={() => api.send({ type: 'reveal', cell: g.cell }).catch(() => undefined)}>
                  {g.label}
                </button>
                <ul>
                  {g.messages.map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      )}
      {plan && (
        <section aria-label="预填计划">
          <p>将从上年数据填入以下 {plan.length} 个空白单元格：</p>
          <ul class="plan">
            {plan.map((p) => (
              <li key={p.cell} data-cell={p.cell}>
                {cellLabel(format, p.cell)} ← <b>{p.value}</b>
              </li>
            ))}
          </ul>
          <button class="primary" onClick={applyPlan}>确认预填</button> <button onClick={() => setPlan(null)}>取消</button>
        </section>
      )}
      {saving && (
        <section aria-label="保存本年数据">
          <label>单位名称 <input value={body} onInput={(e) => setBody(e.currentTarget.value)} /></label>
          <label>年度 <input value={year} inputMode="numeric" size={5} onInput={(e) => setYear(e.currentTarget.value)} /></label>
          {saving === 'confirm' ? (
            <p role="alert">
              已有「{body}」{year} 年的数据。<button class="danger" onClick={() => save(true)}>替换已保存的数据</button>{' '}
              <button onClick={() => setSaving(null)}>取消</button>
            </p>
          ) : (
            <button class="primary" onClick={() => save(false)}>确认保存</button>
          )}
        </section>
      )}
      {exporting && (
        <section aria-label="导出">
          <button onClick={() => exportAs('json')}>导出 JSON</button> <button onClick={() => exportAs('csv')}>导出 CSV（Excel）</button>
        </section>
      )}
      <div class="actions">
        <button onClick={() => setSaving('form')}>保存本年数据</button>
        <button onClick={askPlan}>从上年数据预填</button>
        {state.canUndoPrefill && <button onClick={undo}>撤销预填</button>}
        <button onClick={() => api.openOptions(importRoute(state, table))}>导入上年报告…</button>
        <button onClick={() => setExporting(!exporting)}>导出</button>
        {siteButton}
      </div>
    </>
  );
}
