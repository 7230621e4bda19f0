import { useEffect, useState } from 'preact/hooks';
import { formatName } from '@/lib/i18n/format-name';
import { localDateTime, sourceText, t } from '@/lib/i18n';
import { plainError } from '@/lib/plain-error';
import {
  deleteQuarantined, deleteReport, listReports, sitesLinkedTo, unlinkFromSite, readHistory, renameBody, restoreQuarantined, restoreVersion, toCsv, toJson, undoChange, upgrade,
  type Listing, type Quarantined, type StoredReport, type UndoToken, type Version,
} from '@/lib/store';
import { sheetPath } from '@/lib/sheet/source';
import { OfficialTable } from '../shared/OfficialTable';
import type { OptionsApi } from './api';


const when = (iso: string) => localDateTime(iso);

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
    setNote(res.ok ? { text: t('options.undone', { what: token.what }) } : { text: res.message, error: true });
    await load();
  };
  useEffect(() => {
    void load();
  }, []);

  if (!listing) return <p class="muted">{t('options.reading')}</p>;
  const { reports, quarantined } = listing;
  const bodies = groupBodies(reports);
  const all = reports.map((r) => r.report);
  const stamp = t('export.allName', { date: localDateTime(Date.now()).slice(0, 10) });

  const remove = async (key: string) => {
    const r = reports.find((x) => x.key === key)?.report;
    const res = await deleteReport(api.kv, key);
    setConfirming(null);
    if (shown === key) setShown(null);
    setNote(res.ok ? { text: r ? t('options.deleted', { body: r.body, year: r.year }) : t('options.deletedPlain'), undo: res.value } : { text: res.message, error: true });
    await load();
  };

  const restore = async (key: string, v: Version & { index: number }) => {
    const res = await restoreVersion(api.kv, key, v.index);
    setNote(res.ok ? { text: t('options.restoredVersion', { body: v.report.body, year: v.report.year, at: when(v.report.savedAt) }), undo: res.value.undo } : { text: res.message, error: true });
    await load();
  };

  const putBack = async (q: Quarantined) => {
    const res = await restoreQuarantined(api.kv, q);
    setNote(res.ok ? { text: t('options.restoredQuarantined', { what: res.value.undo.what }) + (res.value.replaced ? t('options.restoredReplaced') : ''), undo: res.value.undo } : { text: res.message, error: true });
    await load();
  };

  const rename = async () => {
    if (!renaming) return;
    const res = await renameBody(api.kv, renaming.site, renaming.body, renaming.to);
    setNote(res.ok ? { text: t('options.renamed', { to: renaming.to.trim(), n: res.value }) } : { text: res.message, error: true });
    if (res.ok) setRenaming(null);
    await load();
  };

  return (
    <>
      <h1>{t('options.title')}</h1>
      {note && (
        <p role={note.error ? 'alert' : 'status'} class={note.error ? 'error-text' : 'ok-text'} style="white-space: pre-line">
          {note.text} {note.undo && <button onClick={() => undo(note.undo!)}>{t('common.undo')}</button>}
        </p>
      )}
      <div class="actions">
        <button disabled={!all.length} onClick={() => api.download(t('export.jsonName', { name: stamp }), toJson(all), 'application/json')}>{t('options.exportJson')}</button>
        <button disabled={!all.length} onClick={() => api.download(t('export.csvName', { name: stamp }), toCsv(all), 'text/csv')}>{t('options.exportCsv')}</button>
        <button onClick={() => (location.hash = '#import')}>{t('options.importButton')}</button>
      </div>
      {!reports.length && <p>{t('options.nothingSaved')}</p>}
      {bodies.map(({ site, body, items }) => (
        <section key={`${site}|${body}`} class="body" aria-label={body}>
          <h2>
            {body} <span class="muted">{site || t('options.noSite')}</span>{' '}
            <button onClick={() => setRenaming({ site, body, to: body })}>{t('options.rename')}</button>
          </h2>
          {renaming && renaming.site === site && renaming.body === body && (
            <p>
              <label>
                {t('options.newName')} <input value={renaming.to} onInput={(e) => setRenaming({ ...renaming, to: e.currentTarget.value })} />
              </label>{' '}
              <button class="primary" onClick={rename}>{t('options.confirmRename')}</button> <button onClick={() => setRenaming(null)}>{t('common.cancel')}</button>
            </p>
          )}
          <table class="list">
            <thead>
              <tr>{(['year', 'format', 'values', 'source', 'savedAt', 'actions'] as const).map((c) => <th key={c}>{t(`options.col.${c}`)}</th>)}</tr>
            </thead>
            <tbody>
              {items.map(({ key, report: r }) => (
                <tr key={key} data-key={key}>
                  <td>{r.year}</td>
                  <td>{formatName(r.format)}</td>
                  <td>{t('common.cells', { n: Object.values(r.values).filter((v) => v !== null).length })}</td>
                  <td class="source" title={sourceText(r.source)}>{sourceText(r.source)}{!r.site && <LinkedSites key={`${key}-${loads}`} api={api} storeKey={key} />}</td>
                  <td>{when(r.savedAt)}</td>
                  <td>
                    <button onClick={() => setShown(shown === key ? null : key)}>{shown === key ? t('common.collapse') : t('options.show')}</button>{' '}
                    <a href={sheetPath({ key })} target="_blank" rel="noopener">{t('options.printSheet')}</a>{' '}
                    <button onClick={() => setHistory(history === key ? null : key)}>{history === key ? t('options.hideHistory') : t('options.history')}</button>{' '}
                    {confirming === key ? (
                      <span role="alert">
                        {t('options.confirmDeleteYear', { year: r.year })}<button class="danger" onClick={() => remove(key)}>{t('common.confirmDelete')}</button>{' '}
                        <button onClick={() => setConfirming(null)}>{t('common.cancel')}</button>
                      </span>
                    ) : (
                      <button class="danger" onClick={() => setConfirming(key)}>{t('common.delete')}</button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {items.filter((i) => i.key === shown).map(({ report: r }) => (
            <div key="t" aria-label={t('options.tableLabel', { body: r.body, year: r.year })}>
              <h3>{t('options.tableTitle', { body: r.body, year: r.year })}</h3>
              <OfficialTable format={r.format} values={r.values} />
              {r.unread?.length ? <Unread items={r.unread} /> : null}
            </div>
          ))}
          {items.filter((i) => i.key === history).map(({ key, report: r }) => (
            <HistoryView key={`h-${key}-${loads}`} api={api} storeKey={key} title={t('options.historyOf', { body: r.body, year: r.year })} onRestore={(v) => restore(key, v)} />
          ))}
        </section>
      ))}
      {quarantined.length > 0 && (
        <section aria-label={t('options.damaged')}>
          <h2>{t('options.damagedTitle', { n: quarantined.length })}</h2>
          <p class="muted">{t('options.damagedNote')}</p>
          <ul>
            {quarantined.map((q) => (
              <li key={q.key}>
                {place(q.from)}：{q.reason}{t('options.damagedAt', { at: when(q.at), still: q.stillInPlace ? t('options.damagedStill') : '' })}{' '}
                {upgrade(q.raw).ok && <button onClick={() => putBack(q)}>{t('options.restoreDamaged')}</button>}{' '}
                <button onClick={() => api.download(t('options.rawName'), JSON.stringify(q, null, 2), 'application/json')}>{t('options.exportRaw')}</button>{' '}
                {confirming === q.key ? (
                  <>
                    <button class="danger" onClick={async () => { const res = await deleteQuarantined(api.kv, q); setConfirming(null); if (!res.ok) setNote({ text: res.message, error: true }); await load(); }}>{t('common.confirmDelete')}</button>{' '}
                    <button onClick={() => setConfirming(null)}>{t('common.cancel')}</button>
                  </>
                ) : (
                  <button class="danger" onClick={() => setConfirming(q.key)}>{t('common.delete')}</button>
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
      <summary>{t('options.unreadSummary', { n: items.length })}</summary>
      <ul>{items.map((u, i) => <li key={i}>{u.cell}：{u.value || t('common.empty')}</li>)}</ul>
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
  if (got === null) return <p class="muted">{t('options.readingHistory')}</p>;
  if (got === 'error') return <p role="alert" class="error-text">{t('options.historyFailed')}</p>;
  return (
    <section class="history" aria-label={t('options.historyLabel', { title })}>
      <h3>{t('options.historyLabel', { title })}</h3>
      {!got.versions.length && <p class="muted">{t('options.noHistory')}</p>}
      {got.unreadable > 0 && <p class="muted">{t('options.unreadableVersions', { n: got.unreadable })}</p>}
      <ol>
        {got.versions.map((v) => (
          <li key={v.index} data-version={v.index}>
            {t('options.versionLine', { saved: when(v.report.savedAt), replaced: v.replacedAt ? t('options.replacedAt', { at: when(v.replacedAt) }) : '', n: Object.values(v.report.values).filter((x) => x !== null).length, source: sourceText(v.report.source) })}{' '}
            <button onClick={() => setOpen(open === v.index ? null : v.index)}>{open === v.index ? t('common.collapse') : t('options.viewVersion')}</button>{' '}
            <button onClick={() => onRestore(v)}>{t('options.restoreVersion')}</button>
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
      {sites.length ? t('options.usedOn') : t('options.usedNowhere')}
      {sites.map((site) => (
        <span key={site}>
          {site} <button onClick={async () => { await unlinkFromSite(api.kv, site, storeKey); load(); }}>{t('options.stopUsing')}</button>{' '}
        </span>
      ))}
    </div>
  );
}
