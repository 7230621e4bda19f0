import { useState } from 'preact/hooks';
import { STATE_ORDER, stateLabel, type BatchRow, type State } from '@/lib/batch/types';
import type { BatchSummary } from '@/lib/batch/summary';
import { t } from '@/lib/i18n';
import { part, withParts } from '../shared/with-parts';


/** Bodies by state and the most common problems: what a supervisor reads first. */
export function Summary({ summary: s }: { summary: BatchSummary }) {
  return (
    <section class="summary" aria-label={t('batch.summary')}>
      <ul class="states">
        {STATE_ORDER.map((k) => (
          <li key={k} class={`state-${k}`} data-state={k}>
            <span class="dot" aria-hidden="true" />
            {withParts(t('batch.stateCount', { state: stateLabel(k), n: part('n') }), { n: <strong>{s.byState[k]}</strong> })}
          </li>
        ))}
      </ul>
      {s.common.length > 0 && (
        <div class="common">
          <h2>{t('batch.common')}</h2>
          <ol>
            {s.common.slice(0, 6).map((c) => (
              <li key={c.title + c.severity} class={`sev-${c.severity}`}>
                {t('batch.commonLine', { title: c.title, severity: t(c.severity === 'error' ? 'batch.severity.error' : 'batch.severity.warning'), reports: c.reports, n: c.problems })}
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}

const PAGE = 30;

type Key = 'body' | 'year' | 'format' | 'state' | 'error' | 'warning' | 'file';
const COLS: Key[] = ['body', 'year', 'format', 'state', 'error', 'warning', 'file'];
const RANK = Object.fromEntries(STATE_ORDER.map((s, i) => [s, i])) as Record<State, number>;

function value(r: BatchRow, k: Key): string | number {
  switch (k) {
    case 'body': return r.body ?? '';
    case 'year': return r.year ?? 0;
    case 'format': return r.formatName;
    case 'state': return RANK[r.state];
    case 'error': return r.counts.error;
    case 'warning': return r.counts.warning;
    case 'file': return r.id;
  }
}

/** One row per report; sortable by any column, searchable by body (or file) name. */
export function ResultTable({ rows, open, selected }: { rows: readonly BatchRow[]; open(id: string): void; selected: string | null }) {
  const [sort, setSort] = useState<{ key: Key; up: boolean }>({ key: 'state', up: true });
  const [q, setQ] = useState('');
  // a page of rows at a time: hundreds of rows drawn at once would hold the page up
  const [limit, setLimit] = useState(PAGE);
  const words = q.trim().toLowerCase();
  const shown = rows
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => !words || (r.body ?? '').toLowerCase().includes(words) || r.id.toLowerCase().includes(words))
    .sort((a, b) => {
      const x = value(a.r, sort.key);
      const y = value(b.r, sort.key);
      const c = x < y ? -1 : x > y ? 1 : 0;
      return (sort.up ? c : -c) || a.i - b.i;
    });
  return (
    <section class="results" aria-label={t('batch.results')}>
      <p>
        <label>
          {t('batch.search')} <input type="search" value={q} placeholder={t('batch.searchExample')} onInput={(e) => setQ(e.currentTarget.value)} />
        </label>{' '}
        <span class="muted">{t('batch.found', { shown: shown.length, total: rows.length })}</span>
      </p>
      <table class="list results-table">
        <thead>
          <tr>
            {COLS.map((k) => (
              <th key={k} scope="col" aria-sort={sort.key === k ? (sort.up ? 'ascending' : 'descending') : undefined}>
                <button class="sort" onClick={() => setSort({ key: k, up: sort.key === k ? !sort.up : true })}>
                  {t(`batch.col.${k}`)}
                  {sort.key === k ? (sort.up ? ' ▲' : ' ▼') : ''}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.slice(0, limit).map(({ r }) => (
            <tr key={r.id} data-row={r.id} data-state={r.state} class={r.id === selected ? 'selected' : undefined}>
              <td><button class="link" onClick={() => open(r.id)}>{r.body ?? t('batch.noBody')}</button></td>
              <td>{r.year ?? '—'}</td>
              <td>{r.formatName}</td>
              <td class={`state-${r.state}`}>
                <span class="dot" aria-hidden="true" />
                <span data-col="state">{t(`batch.short.${r.state}`)}</span>：<span data-col="reason">{r.reason}</span>
              </td>
              <td data-col="error">{r.counts.error}</td>
              <td data-col="warning">{r.counts.warning}</td>
              <td class="file">{r.id}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {shown.length > limit && (
        <p>
          {t('batch.shownSome', { shown: limit, total: shown.length })} <button onClick={() => setLimit(limit + PAGE)}>{t('batch.showMore', { n: Math.min(PAGE, shown.length - limit) })}</button>{' '}
          <button onClick={() => setLimit(shown.length)}>{t('batch.showAll')}</button>
        </p>
      )}
    </section>
  );
}
