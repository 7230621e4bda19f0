import { useEffect, useState } from 'preact/hooks';
import { emptyPageState, type PageState } from '@/lib/messages';
import { isSiteEnabled, setSiteEnabled, undoChange, type UndoToken } from '@/lib/store';
import { hostOf, unreachableReason, type PopupApi } from './api';
import { Found, importRoute } from './Found';
import { MoreMenu } from './MoreMenu';
import { t } from '@/lib/i18n';

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
    if (!tab) return setView({ kind: 'unreachable', reason: t('popup.noTab') });
    // The URL is hidden when the popup is opened for another tab (?tabId) without host access.
    const blocked = tab.url ? unreachableReason(tab.url) : null;
    if (blocked) return setView({ kind: 'unreachable', reason: blocked });
    const host = hostOf(tab.url);
    try {
      const res = await api.send({ type: 'state' });
      if (!res.ok) return setView({ kind: 'unreachable', reason: res.message });
      if (!res.state) return setView({ kind: 'unreachable', reason: t('popup.noState') });
      setView({ kind: 'ready', state: res.state });
    } catch {
      const on = await isSiteEnabled(api.kv, host).catch(() => true);
      setView(
        !on
          ? { kind: 'ready', state: emptyPageState(host, false) }
          : { kind: 'unreachable', reason: t('popup.unreachable') },
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
    say(t('popup.undone', { what: token.what }));
  };

  return (
    <main class="popup">
      <h1>{t('popup.title')}</h1>
      {note && (
        <p role={note.error ? 'alert' : 'status'} class={note.error ? 'note error-text' : 'note ok-text'}>
          {note.text}
          {note.undo && (
            <>
              {' '}
              <button onClick={() => undo(note.undo!)}>{t('common.undo')}</button>
            </>
          )}
        </p>
      )}
      {view.kind === 'loading' && <p class="muted">{t('popup.loading')}</p>}
      {view.kind === 'unreachable' && (
        <section aria-label={t('popup.pageState')}>
          <p><strong>{t('popup.cannotCheck')}</strong></p>
          <p class="why">{view.reason}</p>
          <div class="actions">
            <button onClick={() => api.openOptions('#import')}>{t('popup.importPrior')}</button>
          </div>
        </section>
      )}
      {view.kind === 'ready' && <Ready api={api} state={view.state} refresh={refresh} say={say} />}
      <footer>
        <button class="link" onClick={() => api.openPage('help.html')}>{t('popup.help')}</button>
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
        return say(t('popup.settingFailed'), true);
      }
    }
    if (enable) say(t(byPage ? 'popup.enabledNow' : 'popup.enabledReload', { site: state.site }));
    else say(t('popup.disabled', { site: state.site, removed: byPage ? t('popup.disabledRemoved') : '' }));
    await refresh();
  };
  const more = (exportAs?: (kind: 'json' | 'csv') => void) => (
    <MoreMenu enabled={state.siteEnabled} toggle={toggle} exportAs={exportAs} openSaved={() => api.openOptions('')} openBatch={() => api.openPage('batch.html')} />
  );

  if (!state.siteEnabled) {
    return (
      <section aria-label={t('popup.pageState')}>
        <p><strong>{t('popup.offHere', { site: state.site })}</strong></p>
        <p class="why">{t('popup.offWhy')}</p>
        <div class="actions">
          <button class="primary" onClick={toggle}>{t('popup.enableHere')}</button>
        </div>
      </section>
    );
  }
  const table = state.tables.find((t) => t.format) ?? null;
  if (!table) {
    return (
      <section aria-label={t('popup.pageState')}>
        <p><strong>{t('popup.noTable')}</strong></p>
        <p class="why">
          {t('popup.noTableWhy')}
        </p>
        <div class="actions">
          <button onClick={() => api.openOptions(importRoute(state, null))}>{t('popup.importPrior')}</button>
        </div>
        {more()}
      </section>
    );
  }
  return <Found api={api} state={state} table={table} refresh={refresh} say={say} more={more} />;
}
