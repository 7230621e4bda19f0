import { useEffect, useState } from 'preact/hooks';
import { emptyPageState, type PageState } from '@/lib/messages';
import { isSiteEnabled, setSiteEnabled, undoChange, type UndoToken } from '@/lib/store';
import { hostOf, unreachableReason, type PopupApi } from './api';
import { Found, importRoute } from './Found';
import { MoreMenu } from './MoreMenu';

type View =
  | { kind: 'loading' }
  | { kind: 'unreachable'; reason: string }
  | { kind: 'ready'; state: PageState };

interface Note {
  text: string;
  error?: boolean;
  undo?: UndoToken;
}

export type Say = (text: string, error?: boolean, undo?: UndoToken) => void;

export function Popup({ api }: { api: PopupApi }) {
  const [view, setView] = useState<View>({ kind: 'loading' });
  const [note, setNote] = useState<Note | null>(null);

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
      const on = await isSiteEnabled(api.kv, host).catch(() => true);
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

  const say: Say = (text, error = false, undo) => setNote({ text, error, ...(undo ? { undo } : {}) });
  const undo = async (token: UndoToken) => {
    const res = await undoChange(api.kv, token);
    if (!res.ok) return say(res.message, true);
    say(`已撤销，${token.what}恢复为保存前的样子。`);
  };

  return (
    <main class="popup">
      <h1>年报助手</h1>
      {note && (
        <p role={note.error ? 'alert' : 'status'} class={note.error ? 'note error-text' : 'note ok-text'}>
          {note.text}
          {note.undo && (
            <>
              {' '}
              <button onClick={() => undo(note.undo!)}>撤销</button>
            </>
          )}
        </p>
      )}
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
      <footer>
        <button class="link" onClick={() => api.openPage('help.html')}>说明</button>
      </footer>
    </main>
  );
}

export interface ReadyProps {
  api: PopupApi;
  state: PageState;
  refresh: () => Promise<void>;
  say: Say;
}

function Ready({ api, state, refresh, say }: ReadyProps) {
  const toggle = async () => {
    const enable = !state.siteEnabled;
    // The page's content script stores and applies the switch at once; with none there, the popup stores it.
    const res = await api.send({ type: 'site-enabled', enabled: enable }).catch(() => null);
    const byPage = res?.ok === true;
    if (!byPage) {
      try {
        await setSiteEnabled(api.kv, state.site, enable);
      } catch {
        return say('无法保存这项设置（浏览器存储出错），请重试。', true);
      }
    }
    if (enable) say(byPage ? `已在 ${state.site} 启用年报助手，此页面已开始检查。` : `已在 ${state.site} 启用年报助手，刷新此页面后开始检查。`);
    else say(`已在 ${state.site} 停用年报助手：${byPage ? '此页面上的提示已移除，' : ''}以后打开此网站的页面也不再检查。`);
    await refresh();
  };
  const more = (exportAs?: (kind: 'json' | 'csv') => void) => (
    <MoreMenu enabled={state.siteEnabled} toggle={toggle} exportAs={exportAs} openSaved={() => api.openOptions('')} openBatch={() => api.openPage('batch.html')} />
  );

  if (!state.siteEnabled) {
    return (
      <section aria-label="页面状态">
        <p><strong>年报助手已在此网站（{state.site}）停用。</strong></p>
        <p class="why">停用后不在此网站查找和检查统计表。</p>
        <div class="actions">
          <button class="primary" onClick={toggle}>在此网站启用</button>
        </div>
      </section>
    );
  }
  const table = state.tables.find((t) => t.format) ?? null;
  if (!table) {
    return (
      <section aria-label="页面状态">
        <p><strong>此页面没有发现年报统计表。</strong></p>
        <p class="why">
          年报助手查找含「收到和处理政府信息公开申请情况」「主动公开政府信息情况」等标题的表格。统计表还没粘贴进编辑器时，粘贴后再打开本窗口即可。
        </p>
        <div class="actions">
          <button onClick={() => api.openOptions(importRoute(state, null))}>导入上年报告…</button>
        </div>
        {more()}
      </section>
    );
  }
  return <Found api={api} state={state} table={table} refresh={refresh} say={say} more={more} />;
}
