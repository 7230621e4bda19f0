import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { auditBatch } from '@/lib/batch/audit';
import { proposeParents } from '@/lib/batch/children';
import { baseName } from '@/lib/batch/files';
import { clearBatch, clearEarlier, keepEarlier, loadBatch, loadEarlier, saveBatch } from '@/lib/batch/saved';
import { summarise } from '@/lib/batch/summary';
import { PROBLEM_HEAD, RESULT_HEAD, problemRows, resultRows, toCsv } from '@/lib/batch/table';
import { uniqueNames } from '@/lib/batch/files';
import { unpackInput } from '@/lib/batch/pack';
import type { BatchInput, BatchRow, ParentSpec } from '@/lib/batch/types';
import { batchXlsx } from '@/lib/batch/xlsx';
import { fetchPage, originPattern, parseAddress } from '@/lib/import';
import { AddReports } from './AddReports';
import type { BatchApi } from './api';
import { CoveragePanel } from './CoveragePanel';
import { Detail } from './Detail';
import { ParentsPanel } from './ParentsPanel';
import { PrintView } from './PrintView';
import { ResultTable, Summary } from './ResultTable';
import type { Packed } from './protocol';
import { readAdded, type Added, type Progress } from './run';
import { localDateTime, t } from '@/lib/i18n';

/** Addresses fetched at once: a small number, kind to the sites and to the machine. */
const FETCHES = 3;

interface Settings {
  bodies: string[];
  manual: Record<string, string>;
  parents: ParentSpec[];
  parentsOn: boolean;
  sources: Record<string, string>;
}

const NO_SETTINGS: Settings = { bodies: [], manual: {}, parents: [], parentsOn: false, sources: {} };

export function BatchPage({ api }: { api: BatchApi }) {
  const [inputs, setInputs] = useState<Packed[]>([]);
  const [rows, setRows] = useState<BatchRow[]>([]);
  // each row in full (figures, findings, words) as JSON text, by row id: parsed only when needed
  const details = useRef(new Map<string, string>());
  const [settings, setSettings] = useState<Settings>(NO_SETTINGS);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [notice, setNotice] = useState<{ text: string; error?: boolean } | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [printing, setPrinting] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const run = useRef<AbortController | null>(null);
  // reports of earlier batches kept for the cross-year rules (lib/batch/saved.ts), packed
  const earlier = useRef<Packed[]>([]);
  const [earlierCount, setEarlierCount] = useState(0);
  // parent → children found in the reports' own text, for the supervisor to confirm
  const [proposals, setProposals] = useState<ParentSpec[]>([]);

  const audit = async (all: Packed[], s: Settings): Promise<BatchRow[]> => {
    const opts = s.parentsOn && s.parents.length ? { parents: s.parents } : {};
    const a = await api.read({ op: 'audit', inputs: all, opts, earlier: earlier.current }).catch(() => null);
    if (a?.op === 'audit') {
      const rows = JSON.parse(a.rows) as BatchRow[];
      details.current = new Map(rows.map((r, i) => [r.id, a.details[i]!]));
      setProposals(a.proposals);
      await nextTask(); // drawing the table is a task of its own
      return rows;
    }
    // the workers could not audit (stopped): the same audit here, so that no result is lost
    const parsed = all.flatMap((p): BatchInput[] => { const x = unpackInput(p); return x ? [x] : []; });
    const prior = earlier.current.flatMap((p): BatchInput[] => { const x = unpackInput(p); return x ? [{ ...x, name: t('batch.earlier.name', { name: x.name }) }] : []; });
    const named = uniqueNames(parsed);
    const full = auditBatch(named, { ...opts, prior });
    setProposals(proposeParents(named));
    details.current = new Map(full.map((r) => [r.id, JSON.stringify(r)]));
    return full;
  };

  /** A row in full: its own text parsed, or the row itself when it was never slimmed. */
  const fullRow = (r: BatchRow): BatchRow => {
    const text = details.current.get(r.id);
    return text ? (JSON.parse(text) as BatchRow) : r;
  };
  const allFull = () => rows.map(fullRow);

  const finish = async (all: Packed[], s: Settings) => {
    setRows(await audit(all, s));
    setInputs(all);
    // the table is drawn first; storing the results is a separate task, so neither holds the page up long
    await nextTask();
    const saved = await saveBatch(api.kv, { inputs: all, ...s }, new Date(), nextTask);
    if (!saved.ok) setNotice({ text: saved.message, error: true });
  };

  useEffect(() => {
    void Promise.all([loadBatch(api.kv), loadEarlier(api.kv)]).then(async ([got, kept]) => {
      earlier.current = kept;
      setEarlierCount(kept.length);
      if (!got.ok) setNotice({ text: got.message, error: true });
      else if (got.saved) {
        const { version: _v, savedAt: _at, inputs: saved, ...s } = got.saved;
        setSettings(s);
        setInputs(saved);
        setRows(await audit(saved, s));
        setNotice({ text: t('batch.loaded', { at: localDateTime(got.saved.savedAt), n: saved.length }) });
      }
      setLoaded(true);
    });
  }, []);

  const addItems = async (items: Added[], sources: Record<string, string> = {}) => {
    if (!items.length) return;
    const ctrl = new AbortController();
    run.current = ctrl;
    const before = inputs;
    const parts: (Packed[] | undefined)[] = new Array(items.length);
    const shownBefore = rows;
    const partRows: (BatchRow[] | undefined)[] = new Array(items.length);
    let done = 0;
    let shownAt = 0;
    const s = { ...settings, sources: { ...settings.sources, ...sources } };
    setSettings(s);
    setProgress({ done: 0, total: items.length });
    setNotice(null);
    const show = () => {
      shownAt = performance.now();
      setProgress({ done, total: items.length });
      setRows([...shownBefore, ...partRows.flatMap((p) => p ?? [])]);
    };
    await readAdded(
      api,
      items,
      (k, got, gotRows) => {
        parts[k] = got;
        partRows[k] = gotRows;
        done++;
        // the table follows at most every 500 ms: the page stays free for the supervisor meanwhile
        if (done === items.length || performance.now() - shownAt > 500) show();
      },
      ctrl.signal,
    );
    show();
    run.current = null;
    const all = [...before, ...parts.flatMap((p) => p ?? [])];
    await finish(all, s);
    setProgress(null);
    setNotice({ text: ctrl.signal.aborted ? t('batch.cancelled', { done, total: items.length }) : t('batch.done', { n: items.length }) });
  };

  const addAddresses = (text: string) => {
    const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
    const parsed = lines.map((l) => ({ line: l, p: parseAddress(l) }));
    const urls = parsed.flatMap((x) => (x.p.ok ? [x.p.url] : []));
    const bad: Added[] = parsed.flatMap((x) => (x.p.ok ? [] : [failed(x.line, x.p.message)]));
    const patterns = [...new Set(urls.map(originPattern))];
    // asked at the click, before anything is awaited: browsers grant only within the user's gesture
    const asked = patterns.length ? api.requestHosts(patterns).catch(() => false) : Promise.resolve(true);
    void (async () => {
      if (!(await asked)) {
        setNotice({ text: t('batch.noHostAccess'), error: true });
        return;
      }
      setNotice({ text: t('batch.downloading', { n: urls.length }) });
      const fetched: Added[] = new Array(urls.length);
      const sources: Record<string, string> = {};
      let next = 0;
      try {
        await Promise.all(
          Array.from({ length: FETCHES }, async () => {
            while (next < urls.length) {
              const k = next++;
              const url = urls[k]!;
              const got = await fetchPage(url, api.fetch);
              const name = pageName(url, got.ok ? got.page.contentType : null, got.ok ? got.page.bytes : null);
              sources[baseName(name)] = url.href;
              fetched[k] = got.ok ? { name, bytes: async () => got.page.bytes } : failed(name, got.message);
            }
          }),
        );
      } finally {
        if (patterns.length) await api.removeHosts(patterns).catch(() => false);
      }
      await addItems([...fetched, ...bad], sources);
    })();
  };

  const cancel = () => {
    run.current?.abort();
    api.cancel();
  };

  const change = async (s: Settings, reaudit: boolean) => {
    setSettings(s);
    if (reaudit) setRows(await audit(inputs, s));
    const saved = await saveBatch(api.kv, { inputs, ...s });
    if (!saved.ok) setNotice({ text: saved.message, error: true });
  };

  const clear = async () => {
    cancel();
    // this batch's reports stay as earlier reports: next year's batch compares with them
    const kept = inputs.length ? await keepEarlier(api.kv, inputs) : null;
    await clearBatch(api.kv).catch(() => undefined);
    if (kept?.ok) {
      earlier.current = await loadEarlier(api.kv);
      setEarlierCount(earlier.current.length);
    }
    setInputs([]);
    setRows([]);
    setSettings(NO_SETTINGS);
    setSelected(null);
    setNotice(kept && !kept.ok ? { text: kept.message, error: true } : { text: kept ? t('batch.cleared.kept') : t('batch.cleared') });
  };

  const clearKept = async () => {
    await clearEarlier(api.kv).catch(() => undefined);
    earlier.current = [];
    setEarlierCount(0);
    if (inputs.length) setRows(await audit(inputs, settings));
    setNotice({ text: t('batch.earlier.cleared') });
  };

  const summary = useMemo(() => summarise(rows), [rows]);
  const byId = useMemo(() => new Map(rows.map((r) => [r.id, r])), [rows]);
  const openSlim = selected ? byId.get(selected) : undefined;
  const open = useMemo(() => openSlim && fullRow(openSlim), [openSlim]);
  const openPrior = useMemo(() => open?.priorTable ?? (open?.prior && byId.get(open.prior) ? fullRow(byId.get(open.prior)!) : undefined), [open]);
  const stamp = new Date().toISOString().slice(0, 10);

  if (printing) return <PrintView rows={allFull()} at={new Date()} back={() => setPrinting(false)} print={api.print} />;
  return (
    <main class="batch">
      <h1>{t('batch.title')}</h1>
      <p class="muted">{t('batch.intro')}</p>
      <AddReports busy={!!progress} onFiles={(items, skipped) => { if (skipped) setNotice({ text: t('batch.skipped', { n: skipped }) }); void addItems(items); }} onAddresses={addAddresses} />
      {progress && (
        <section class="progress" aria-label={t('batch.progress')}>
          <progress max={progress.total} value={progress.done} />{' '}
          <span role="status" data-progress>{t('batch.progressCount', { done: progress.done, total: progress.total })}</span>{' '}
          <button onClick={cancel}>{t('common.cancel')}</button>
        </section>
      )}
      {notice && <p role={notice.error ? 'alert' : 'status'} class={notice.error ? 'error-text' : 'ok-text'} data-notice>{notice.text}</p>}
      {rows.length > 0 && (
        <>
          <Summary summary={summary} />
          <p class="actions">
            <button onClick={async () => api.download(`${t('batch.resultsName', { stamp })}.xlsx`, await batchXlsx(allFull()), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')}>{t('batch.exportXlsx')}</button>
            <button onClick={() => api.download(`${t('batch.resultsName', { stamp })}.csv`, toCsv(RESULT_HEAD, resultRows(rows)), 'text/csv')}>{t('batch.exportResults')}</button>
            <button onClick={() => api.download(`${t('batch.problemsName', { stamp })}.csv`, toCsv(PROBLEM_HEAD, problemRows(allFull())), 'text/csv')}>{t('batch.exportProblems')}</button>
            <button onClick={() => setPrinting(true)}>{t('batch.print')}</button>
            <button class="danger" disabled={!!progress} onClick={clear}>{t('batch.clear')}</button>
          </p>
          {open && <Detail row={open} prior={openPrior} children={(open.children ?? []).flatMap((id) => byId.get(id) ?? [])} source={settings.sources[open.file]} close={() => setSelected(null)} />}
          <ResultTable rows={rows} open={setSelected} selected={selected} />
          <CoveragePanel rows={rows} bodies={settings.bodies} manual={settings.manual} setBodies={(b) => void change({ ...settings, bodies: b }, false)} setManual={(m) => void change({ ...settings, manual: m }, false)} />
          <ParentsPanel on={settings.parentsOn} parents={settings.parents} proposals={proposals} set={(on, parents) => void change({ ...settings, parentsOn: on, parents }, true)} />
        </>
      )}
      {loaded && !rows.length && !progress && <p class="muted">{t('batch.empty')}</p>}
      {earlierCount > 0 && (
        <p class="muted" data-earlier={earlierCount}>
          {t('batch.earlier.kept', { n: earlierCount })} <button disabled={!!progress} onClick={() => void clearKept()}>{t('batch.earlier.clear')}</button>
        </p>
      )}
    </main>
  );
}

const nextTask = () => new Promise<void>((ok) => setTimeout(ok, 0));

/** An address that could not be read: an input with its reason, named by the address. */
const failed = (name: string, message: string): Added => ({
  name,
  bytes: () => Promise.reject(new Error(message)),
});

/** A fetched page as a file name the reader knows: the address's last part, with .html or .pdf as it is. */
function pageName(url: URL, contentType: string | null, bytes: Uint8Array | null): string {
  let last = url.pathname.split('/').pop() || url.hostname;
  try {
    last = decodeURIComponent(last);
  } catch {
    /* keep it as written */
  }
  const pdf = /application\/pdf/i.test(contentType ?? '') || (bytes && String.fromCharCode(...bytes.subarray(0, 5)) === '%PDF-');
  const want = pdf ? 'pdf' : /\.docx$/i.test(last) ? 'docx' : 'html';
  return new RegExp(`\\.${want}$`, 'i').test(last) || (want === 'html' && /\.html?$/i.test(last)) ? last : `${last}.${want}`;
}
