import { useEffect, useState } from 'preact/hooks';
import {
  deleteQuarantined, deleteReport, listReports, renameBody, toCsv, toJson,
  type Listing, type StoredReport,
} from '@/lib/store';
import { FORMATS } from '@/lib/formats';
import { OfficialTable } from '../shared/OfficialTable';
import type { OptionsApi } from './api';


const when = (iso: string) => iso.slice(0, 16).replace('T', ' ');

export function SavedList({ api }: { api: OptionsApi }) {
  const [listing, setListing] = useState<Listing | null>(null);
  const [shown, setShown] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<{ site: string; body: string; to: string } | null>(null);
  const [note, setNote] = useState<{ text: string; error?: boolean } | null>(null);

  const load = async () => {
    const l = await listReports(api.kv);
    setListing(l);
    if (l.notices.length) setNote({ text: l.notices.join('\n'), error: true });
  };
  useEffect(() => {
    void load();
  }, []);

  if (!listing) return <p class="muted">正在读取…</p>;
  const { reports, quarantined } = listing;
  const bodies = groupBodies(reports);
  const all = reports.map((r) => r.report);
  const stamp = new Date().toISOString().slice(0, 10);

  const remove = async (key: string) => {
    const r = reports.find((x) => x.key === key)?.report;
    await deleteReport(api.kv, key);
    setConfirming(null);
    if (shown === key) setShown(null);
    setNote({ text: r ? `已删除「${r.body}」${r.year} 年数据` : '已删除' });
    await load();
  };

  const rename = async () => {
    if (!renaming) return;
    const res = await renameBody(api.kv, renaming.site, renaming.body, renaming.to);
    setNote(res.ok ? { text: `已改名为「${renaming.to.trim()}」（${res.value} 份报告）` } : { text: res.message, error: true });
    if (res.ok) setRenaming(null);
    await load();
  };

  return (
    <>
      <h1>年报助手 · 已保存的年报数据</h1>
      {note && (
        <p role={note.error ? 'alert' : 'status'} class={note.error ? 'error-text' : 'ok-text'} style="white-space: pre-line">
          {note.text}
        </p>
      )}
      <div class="actions">
        <button disabled={!all.length} onClick={() => api.download(`年报助手数据-${stamp}.json`, toJson(all), 'application/json')}>导出全部（JSON）</button>
        <button disabled={!all.length} onClick={() => api.download(`年报助手数据-${stamp}.csv`, toCsv(all), 'text/csv')}>导出全部（CSV）</button>
        <button onClick={() => (location.hash = '#import')}>导入（JSON、CSV 或上年报告）…</button>
      </div>
      {!reports.length && <p>还没有保存任何年报数据。在编辑年报的页面打开年报助手，点「保存本年数据」；或在这里导入上一年的报告。</p>}
      {bodies.map(({ site, body, items }) => (
        <section key={`${site}|${body}`} class="body" aria-label={body}>
          <h2>
            {body} <span class="muted">{site || '（未关联网站）'}</span>{' '}
            <button onClick={() => setRenaming({ site, body, to: body })}>改名</button>
          </h2>
          {renaming && renaming.site === site && renaming.body === body && (
            <p>
              <label>
                新的单位名称 <input value={renaming.to} onInput={(e) => setRenaming({ ...renaming, to: e.currentTarget.value })} />
              </label>{' '}
              <button class="primary" onClick={rename}>确定改名</button> <button onClick={() => setRenaming(null)}>取消</button>
            </p>
          )}
          <table class="list">
            <thead>
              <tr><th>年度</th><th>表格式样</th><th>数值</th><th>来源</th><th>保存时间</th><th>操作</th></tr>
            </thead>
            <tbody>
              {items.map(({ key, report: r }) => (
                <tr key={key} data-key={key}>
                  <td>{r.year}</td>
                  <td>{FORMATS[r.format].name}</td>
                  <td>{Object.values(r.values).filter((v) => v !== null).length} 格</td>
                  <td class="source" title={r.source}>{r.source}</td>
                  <td>{when(r.savedAt)}</td>
                  <td>
                    <button onClick={() => setShown(shown === key ? null : key)}>{shown === key ? '收起' : '查看'}</button>{' '}
                    {confirming === key ? (
                      <span role="alert">
                        确定删除 {r.year} 年数据？<button class="danger" onClick={() => remove(key)}>确认删除</button>{' '}
                        <button onClick={() => setConfirming(null)}>取消</button>
                      </span>
                    ) : (
                      <button class="danger" onClick={() => setConfirming(key)}>删除</button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {items.filter((i) => i.key === shown).map(({ report: r }) => (
            <div key="t" aria-label={`${r.body} ${r.year} 年统计表`}>
              <h3>{r.body} {r.year} 年政府信息公开工作年度报告 统计表</h3>
              <OfficialTable format={r.format} values={r.values} />
            </div>
          ))}
        </section>
      ))}
      {quarantined.length > 0 && (
        <section aria-label="已损坏的数据">
          <h2>已损坏、已另行保存的数据（{quarantined.length} 条）</h2>
          <p class="muted">这些记录不符合数据格式，没有载入，也没有删除。可导出原始内容留存，或在确认无用后删除。</p>
          <ul>
            {quarantined.map((q) => (
              <li key={q.key}>
                {q.from}：{q.reason}（发现于 {when(q.at)}）{' '}
                <button onClick={() => api.download('年报助手-损坏数据.json', JSON.stringify(q, null, 2), 'application/json')}>导出原始内容</button>{' '}
                {confirming === q.key ? (
                  <>
                    <button class="danger" onClick={async () => { await deleteQuarantined(api.kv, q.key); setConfirming(null); await load(); }}>确认删除</button>{' '}
                    <button onClick={() => setConfirming(null)}>取消</button>
                  </>
                ) : (
                  <button class="danger" onClick={() => setConfirming(q.key)}>删除</button>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function groupBodies(reports: StoredReport[]) {
  const out: { site: string; body: string; items: StoredReport[] }[] = [];
  for (const r of reports) {
    let g = out.find((x) => x.site === r.report.site && x.body === r.report.body);
    if (!g) out.push((g = { site: r.report.site, body: r.report.body, items: [] }));
    g.items.push(r);
  }
  return out;
}
