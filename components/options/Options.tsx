import { useEffect, useState } from 'preact/hooks';
import { currentLocale, t } from '@/lib/i18n';
import { parseRoute, type OptionsApi } from './api';
import { ImportView } from './ImportView';
import { LocaleSetting } from './LocaleSetting';
import { SavedList } from './SavedList';

export function Options({ api }: { api: OptionsApi }) {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const on = () => setHash(location.hash);
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  const [, setLocale] = useState(currentLocale());
  const route = parseRoute(hash);
  return (
    <main class="options">
      <nav>
        <a href="#" aria-current={route.view === 'list' ? 'page' : undefined}>{t('options.nav.saved')}</a>
        {' · '}
        <a href="#import" aria-current={route.view === 'import' ? 'page' : undefined}>{t('options.nav.import')}</a>
        {' · '}
        <a href="batch.html" target="_blank" rel="noopener">{t('options.nav.batch')}</a>
      </nav>
      {route.view === 'import' ? <ImportView api={api} target={route} /> : <SavedList api={api} />}
      <LocaleSetting kv={api.kv} onChange={setLocale} />
    </main>
  );
}
