import { useState } from 'preact/hooks';
import { STATE_LABEL, STATE_ORDER, type BatchRow, type State } from '@/lib/batch/types';
import type { BatchSummary } from '@/lib/batch/summary';

const SHORT: Record<State, string> = { red: '红', yellow: '黄', green: '绿', grey: '灰' };

/** Bodies by state and the most common problems: what a supervisor reads first. */
export function Summary({ summary: s }: { summary: BatchSummary }) {
  return (
    <section class="summary" aria-label="审核概况">
      <ul class="states">
        {STATE_ORDER.map((k) => (
          <li key={k} class={`state-${k}`} data-state={k}>
            <span class="dot" aria-hidden="true" />
            {STATE_LABEL[k]} <strong>{s.byState[k]}</strong> 份
          </li>
        ))}
      </ul>
      {s.common.length > 0 && (
        <div class="common">
          <h2>最常见的问题</h2>
          <ol>
            {s.common.slice(0, 6).map((c) => (
              <li key={c.title + c.severity} class={`sev-${c.severity}`}>
                {c.title}（{c.severity === 'error' ? '强制性' : '核实性'}）：{c.reports} 份报告，共 {c.problems} 处
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
const COLS: [Key, string][] = [['body', '单位'], ['year', '年度'], ['format', '表式'], ['state', '状态'], ['error', '强制性'], ['warning', '核实性'], ['file', '文件']];
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
    <section class="results" aria-label="审核结果">
      <p>
        <label>
          按单位名称查找 <input type="search" value={q} placeholder="如：财政局、某某镇、某某街道" onInput={(e) => setQ(e.currentTarget.value)} />
        </label>{' '}
        <span class="muted">找到 {shown.length} / {rows.length} 份</span>
      </p>
      <table class="list results-table">
        <thead>
          <tr>
            {COLS.map(([k, label]) => (
              <th key={k} scope="col" aria-sort={sort.key === k ? (sort.up ? 'ascending' : 'descending') : undefined}>
                <button class="sort" onClick={() => setSort({ key: k, up: sort.key === k ? !sort.up : true })}>
                  {label}
                  {sort.key === k ? (sort.up ? ' ▲' : ' ▼') : ''}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.slice(0, limit).map(({ r }) => (
            <tr key={r.id} data-row={r.id} data-state={r.state} class={r.id === selected ? 'selected' : undefined}>
              <td><button class="link" onClick={() => open(r.id)}>{r.body ?? '（未读出单位名称）'}</button></td>
              <td>{r.year ?? '—'}</td>
              <td>{r.formatName}</td>
              <td class={`state-${r.state}`}>
                <span class="dot" aria-hidden="true" />
                <span data-col="state">{SHORT[r.state]}</span>：<span data-col="reason">{r.reason}</span>
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
          已显示 {limit} / {shown.length} 份 <button onClick={() => setLimit(limit + PAGE)}>再显示 {Math.min(PAGE, shown.length - limit)} 份</button>{' '}
          <button onClick={() => setLimit(shown.length)}>全部显示</button>
        </p>
      )}
    </section>
  );
}
