import { useEffect, useState } from 'preact/hooks';
import { parseRoute, type OptionsApi } from './api';
import { ImportView } from './ImportView';
import { SavedList } from './SavedList';

export function Options({ api }: { api: OptionsApi }) {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const on = () => setHash(location.hash);
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  const route = parseRoute(hash);
  return (
    <main class="options">
      <nav>
        <a href="#" aria-current={route.view === 'list' ? 'page' : undefined}>已保存的年报数据</a>
        {' · '}
        <a href="#import" aria-current={route.view === 'import' ? 'page' : undefined}>导入上年报告</a>
        {' · '}
        <a href="batch.html" target="_blank" rel="noopener">批量审核多份年报</a>
      </nav>
      {route.view === 'import' ? <ImportView api={api} target={route} /> : <SavedList api={api} />}
    </main>
  );
}
