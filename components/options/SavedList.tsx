import { useEffect, useState } from 'preact/hooks';
import { localDateTime, t } from '@/lib/i18n';
import { plainError } from '@/lib/plain-error';
import {
  deleteQuarantined, deleteReport, listReports, sitesLinkedTo, unlinkFromSite, readHistory, renameBody, restoreQuarantined, restoreVersion, toCsv, toJson, undoChange, upgrade,
  type Listing, type Quarantined, type StoredReport, type UndoToken, type Version,
} from '@/lib/store';
import { sheetPath } from '@/lib/sheet/source';
import { FORMATS } from '@/lib/formats';
import { OfficialTable } from '../shared/OfficialTable';
import type { OptionsApi } from './api';


const when = (iso: string) => iso.slice(0, 16).replace('T', ' ');

export function SavedList({ api }: { api: OptionsApi }) {
  const [listing, setListing] = useState<Listing | null>(null);
  const [shown, setShown] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<{ site: string; body: string; to: string } | null>(null);
  const [history, setHistory] = useState<string | null>(null);
  const [loads, setLoads] = useState(0);
  const [note, setNote] = useState<{ text: string; error?: boolean; undo?: UndoToken } | null>(null);

  // Always ends in a listing: what cannot be read or set aside is said, the rest is shown.
  const load = async () => {
    const l = await listReports(api.kv).catch((e: Error): Listing => ({ reports: [], quarantined: [], notices: [t('error.withWhat', { what: t('options.listFailed'), why: plainError(e) })] }));
    setListing(l);
    setLoads((n) => n + 1);
    if (l.notices.length) setNote({ text: l.notices.join('\n'), error: true });
  };
  const undo = async (token: UndoToken) => {
    const res = await undoChange(api.kv, token);
    setNote(res.ok ? { text: `已撤销，${token.what}已恢复原样` } : { text: res.message, error: true });
    await load();
  };
  useEffect(() => {
    void load();
  }, []);

  if (!listing) return <p class="muted">正在读取…</p>;
  const { reports, quarantined } = listing;
  const bodies = groupBodies(reports);
  const all = reports.map((r) => r.report);
  const stamp = t('export.allName', { date: localDateTime(Date.now()).slice(0, 10) });

  const remove = async (key: string) => {
    const r = reports.find((x) => x.key === key)?.report;
    const res = await deleteReport(api.kv, key);
    setConfirming(null);
    if (shown === key) setShown(null);
    setNote(res.ok ? { text: r ? `已删除「${r.body}」${r.year} 年数据` : '已删除', undo: res.value } : { text: res.message, error: true });
    await load();
  };

  const restore = async (key: string, v: Version & { index: number }) => {
    const res = await restoreVersion(api.kv, key, v.index);
    setNote(res.ok ? { text: `已恢复「${v.report.body}」${v.report.year} 年保存于 ${when(v.report.savedAt)} 的版本（当前版本已留在历史版本中）`, undo: res.value.undo } : { text: res.message, error: true });
    await load();
  };

  const putBack = async (q: Quarantined) => {
    const res = await restoreQuarantined(api.kv, q);
    setNote(res.ok ? { text: `已恢复${res.value.undo.what}${res.value.replaced ? '（原有的数据已留在历史版本中）' : ''}`, undo: res.value.undo } : { text: res.message, error: true });
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
          {note.text} {note.undo && <button onClick={() => undo(note.undo!)}>撤销</button>}
        </p>
      )}
      <div class="actions">
        <button disabled={!all.length} onClick={() => api.download(t('export.jsonName', { name: stamp }), toJson(all), 'application/json')}>{t('options.exportJson')}</button>
        <button disabled={!all.length} onClick={() => api.download(t('export.csvName', { name: stamp }), toCsv(all), 'text/csv')}>{t('options.exportCsv')}</button>
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
                  <td class="source" title={r.source}>{r.source}{!r.site && <LinkedSites key={`${key}-${loads}`} api={api} storeKey={key} />}</td>
                  <td>{when(r.savedAt)}</td>
                  <td>
                    <button onClick={() => setShown(shown === key ? null : key)}>{shown === key ? '收起' : '查看'}</button>{' '}
                    <a href={sheetPath({ key })} target="_blank" rel="noopener">打印审核单</a>{' '}
                    <button onClick={() => setHistory(history === key ? null : key)}>{history === key ? '收起历史版本' : '历史版本'}</button>{' '}
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
              {r.unread?.length ? <Unread items={r.unread} /> : null}
            </div>
          ))}
          {items.filter((i) => i.key === history).map(({ key, report: r }) => (
            <HistoryView key={`h-${key}-${loads}`} api={api} storeKey={key} title={`「${r.body}」${r.year} 年`} onRestore={(v) => restore(key, v)} />
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
                {place(q.from)}：{q.reason}（发现于 {when(q.at)}{q.stillInPlace ? '；存储空间已满，未能另存，原记录仍在原处' : ''}）{' '}
                {upgrade(q.raw).ok && <button onClick={() => putBack(q)}>恢复为正式数据</button>}{' '}
                <button onClick={() => api.download('年报助手-损坏数据.json', JSON.stringify(q, null, 2), 'application/json')}>导出原始内容</button>{' '}
                {confirming === q.key ? (
                  <>
                    <button class="danger" onClick={async () => { const res = await deleteQuarantined(api.kv, q); setConfirming(null); if (!res.ok) setNote({ text: res.message, error: true }); await load(); }}>确认删除</button>{' '}
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

const place = (key: string) =>
  key.replace(/^(quarantine:)?report:/, '').split('|').slice(0, 3).map((p) => { try { return decodeURIComponent(p); } catch { return p; } }).filter(Boolean).join(' ');

function Unread({ items }: { items: { cell: string; value: string }[] }) {
  return (
    <details class="unread">
      <summary>导入时未读取的内容（{items.length}）：单元格编号不属于该表格式样，没有算作数值</summary>
      <ul>{items.map((u, i) => <li key={i}>{u.cell}：{u.value || '（空）'}</li>)}</ul>
    </details>
  );
}

/** Earlier versions of one year: look at one, or make it current again (itself undoable). */
function HistoryView({ api, storeKey, title, onRestore }: { api: OptionsApi; storeKey: string; title: string; onRestore: (v: Version & { index: number }) => void }) {
  const [got, setGot] = useState<{ versions: (Version & { index: number })[]; unreadable: number } | null | 'error'>(null);
  const [open, setOpen] = useState<number | null>(null);
  useEffect(() => {
    void readHistory(api.kv, storeKey).then(setGot, () => setGot('error'));
  }, [storeKey]);
  if (got === null) return <p class="muted">正在读取历史版本…</p>;
  if (got === 'error') return <p role="alert" class="error-text">无法读取历史版本，请关闭此页后重新打开。</p>;
  return (
    <section class="history" aria-label={`${title}的历史版本`}>
      <h3>{title}的历史版本</h3>
      {!got.versions.length && <p class="muted">还没有历史版本：每次替换或恢复时，被替换的数据会留在这里（最多保留 5 个）。</p>}
      {got.unreadable > 0 && <p class="muted">另有 {got.unreadable} 个历史版本已无法读取。</p>}
      <ol>
        {got.versions.map((v) => (
          <li key={v.index} data-version={v.index}>
            保存于 {when(v.report.savedAt)}，{v.replacedAt ? `${when(v.replacedAt)} 被替换` : ''}；{Object.values(v.report.values).filter((x) => x !== null).length} 格；来源：{v.report.source}{' '}
            <button onClick={() => setOpen(open === v.index ? null : v.index)}>{open === v.index ? '收起' : '查看此版本'}</button>{' '}
            <button onClick={() => onRestore(v)}>恢复此版本</button>
            {open === v.index && <OfficialTable format={v.report.format} values={v.report.values} />}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** A year saved without a site is used only on the sites the clerk linked it to: shown, and can be withdrawn. */
function LinkedSites({ api, storeKey }: { api: OptionsApi; storeKey: string }) {
  const [sites, setSites] = useState<string[] | null>(null);
  const load = () => void sitesLinkedTo(api.kv, storeKey).then(setSites, () => setSites(null));
  useEffect(load, [storeKey]);
  if (!sites) return null;
  return (
    <div class="linked-sites muted">
      {sites.length ? '已在以下网站使用：' : '未在任何网站使用（在年报页面打开年报助手时会询问）'}
      {sites.map((site) => (
        <span key={site}>
          {site} <button onClick={async () => { await unlinkFromSite(api.kv, site, storeKey); load(); }}>取消在此网站使用</button>{' '}
        </span>
      ))}
    </div>
  );
}
