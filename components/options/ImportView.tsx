import { useEffect, useState } from 'preact/hooks';
import { formatName } from '@/lib/i18n/format-name';
import { localDateTime, sourceText, t } from '@/lib/i18n';
import { plainError } from '@/lib/plain-error';
import { cellLabel } from '@/lib/formats';
import {
  ACCEPTED, fetchWithAccess, importFrom, parseAddress, refusal, saveCandidate,
  type Candidate, type ImportInput, type ImportTarget,
} from '@/lib/import';
import {
  blankingWarning, diffSummary, diffValues, needsSecondConfirmation, reportKey, undoChange, upgrade,
  type NewReport, type ReplaceDiff, type SavedReport, type UndoToken,
} from '@/lib/store';
import { OfficialTable } from '../shared/OfficialTable';
import type { OptionsApi } from './api';

type Status = { kind: 'idle' } | { kind: 'busy'; what: string } | { kind: 'error'; message: string } | { kind: 'done'; candidates: Candidate[] };

export function ImportView({ api, target }: { api: OptionsApi; target: ImportTarget }) {
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [address, setAddress] = useState('');
  const [pasted, setPasted] = useState('');
  const [keepHost, setKeepHost] = useState(false);

  const run = async (what: string, input: () => Promise<ImportInput | { error: string }>) => {
    setStatus({ kind: 'busy', what });
    const got = await input();
    if ('error' in got) return setStatus({ kind: 'error', message: got.error });
    await api.prepare?.().catch(() => undefined);
    const res = await importFrom(got, target, { pdf: api.pdf !== false, ...(api.read ? { read: api.read } : {}) });
    setStatus(res.ok ? { kind: 'done', candidates: res.candidates } : { kind: 'error', message: res.message });
  };

  const fromAddress = () =>
    run(t('import.readingPage'), async () => {
      const parsed = parseAddress(address);
      if (!parsed.ok) return { error: parsed.message };
      const perms = { request: api.requestHost, ...(api.removeHost ? { remove: api.removeHost } : {}) };
      const fetched = await fetchWithAccess(perms, parsed.url, api.fetch, keepHost);
      return fetched.ok ? { kind: 'page', page: fetched.page } : { error: fetched.message };
    });

  const fromFile = (file: File | undefined) =>
    file && run(t('import.readingFile', { name: file.name }), async () => ({ kind: 'file', name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }));

  const fromText = () => run(t('import.readingText'), async () => ({ kind: 'text', text: pasted }));

  const thisYear = target.year ? t('import.yearOf', { year: target.year }) : t('import.thisYear');
  return (
    <>
      <h1>{t('import.title')}</h1>
      {target.body || target.year ? (
        <p>
          {t('import.forTarget', { body: target.body ?? t('import.ownBody'), year: thisYear, saved: target.year ? t('import.savedYear', { year: target.year - 1 }) : t('import.lastYear') })}
        </p>
      ) : (
        <p>{t('import.general')}</p>
      )}
      <section aria-label={t('import.fromAddress')}>
        <h2>{t('import.addressTitle')}</h2>
        <label>
          {t('import.address')} <input type="url" size={60} placeholder={t('import.addressHint')} value={address} onInput={(e) => setAddress(e.currentTarget.value)} />
        </label>{' '}
        <button onClick={fromAddress}>{t('import.read')}</button>
        <p class="muted">{t('import.permissionNote')}</p>
        <label>
          <input type="checkbox" checked={keepHost} onChange={(e) => setKeepHost(e.currentTarget.checked)} /> {t('import.keepHost')}
        </label>
      </section>
      <section aria-label={t('import.fromFile')}>
        <h2>{t('import.file')}</h2>
        <label>
          {t('import.chooseFile')}{' '}
          <input type="file" accept={ACCEPTED} onChange={(e) => { void fromFile(e.currentTarget.files?.[0]); e.currentTarget.value = ''; }} />
        </label>
      </section>
      <section aria-label={t('import.fromText')}>
        <h2>{t('import.pasteTitle')}</h2>
        <label>
          {t('import.pasteLabel')}
          <br />
          <textarea rows={6} cols={80} value={pasted} onInput={(e) => setPasted(e.currentTarget.value)} />
        </label>
        <br />
        <button onClick={fromText}>{t('import.readPasted')}</button>
      </section>
      <section aria-label={t('import.result')} aria-live="polite">
        {status.kind === 'busy' && <p class="muted">{status.what}</p>}
        {status.kind === 'error' && (
          <p role="alert">
            {status.message}
            <br />
            <span class="muted">{t('import.nothingSaved')}</span>
          </p>
        )}
        {status.kind === 'done' && status.candidates.length > 1 && <SaveAll api={api} candidates={status.candidates} target={target} />}
        {status.kind === 'done' && status.candidates.map((c, i) => <CandidateView key={`${i}-${c.report.source}`} api={api} candidate={c} target={target} />)}
      </section>
    </>
  );
}

function CandidateView({ api, candidate, target }: { api: OptionsApi; candidate: Candidate; target: ImportTarget }) {
  const [body, setBody] = useState(candidate.report.body);
  const [year, setYear] = useState(Number.isFinite(candidate.report.year) ? String(candidate.report.year) : '');
  const [result, setResult] = useState<{ text: string; error?: boolean; undo?: UndoToken; undone?: boolean } | null>(null);
  const [showTable, setShowTable] = useState(false);
  const [armed, setArmed] = useState(false);
  const report: NewReport = { ...candidate.report, body: body.trim(), year: Number(year) };
  const why = refusal(report, target);
  const { format } = report;
  const errors = candidate.findings.filter((f) => f.severity === 'error');
  const warnings = candidate.findings.filter((f) => f.severity === 'warning');
  // A file that names no office: the clerk's own body is only a suggestion, never taken silently.
  const suggest = !candidate.report.body && target.body && !body.trim() ? target.body : null;

  // Replacing a year already saved shows what it changes, never done silently.
  const [existing, setExisting] = useState<SavedReport | null>(null);
  const key = why ? null : reportKey(target.site || report.site, report.body, report.year);
  useEffect(() => {
    setArmed(false);
    if (!key) return setExisting(null);
    void api.kv.get(key).then(
      (got) => {
        const up = got[key] === undefined ? null : upgrade(got[key]);
        setExisting(up?.ok ? up.report : null);
      },
      () => setExisting(null),
    );
  }, [key, result]);
  const diff = existing && (!result || result.undone || result.error) ? diffValues(existing.values, report.values) : null;
  const what = t('import.what', { body: report.body, year: report.year });

  const save = async () => {
    if (diff && needsSecondConfirmation(diff) && !armed) return setArmed(true);
    const res = await saveCandidate(api.kv, report, target).catch((e: unknown) => ({ ok: false as const, message: t('error.withWhat', { what: t('import.notSaved'), why: plainError(e) }) }));
    setArmed(false);
    setResult(res.ok ? { text: `${res.message}。`, ...(res.replaced ? { undo: res.undo } : {}) } : { text: res.message, error: true });
  };
  const undo = async () => {
    if (!result?.undo) return;
    const res = await undoChange(api.kv, result.undo);
    setResult(res.ok ? { text: t('import.undoneReplace', { what: result.undo.what }), undone: true } : { text: res.message, error: true, undo: result.undo });
  };

  return (
    <article class="candidate" aria-label={t('import.candidate')}>
      <h3>{t('import.candidateTitle', { name: candidate.report.title ?? sourceText(candidate.report.source) })}</h3>
      <p>
        <label>{t('import.body')} <input value={body} placeholder={t('import.bodyMissing')} onInput={(e) => setBody(e.currentTarget.value)} /></label>{' '}
        <label>{t('import.year')} <input value={year} size={5} inputMode="numeric" onInput={(e) => setYear(e.currentTarget.value)} /></label>{' '}
        <span class="muted">{t('import.formatAndSource', { format: formatName(format), source: sourceText(candidate.report.source) })}</span>
      </p>
      {suggest && (
        <p class="ask-body">
          {t('import.askBodyBefore', { body: suggest })}<button onClick={() => setBody(suggest)}>{t('import.askBodyButton', { body: suggest })}</button>{t('import.askBodyAfter')}
        </p>
      )}
      <p class="summary">
        {t('import.summary.read')}<b data-count="read">{candidate.read.length}</b>{t('import.summary.blank')}<b data-count="blank">{candidate.blank.length}</b>{t('import.summary.missing')}{' '}
        <b data-count="missing">{candidate.missing.length}</b>{t('import.summary.errors')}<b data-count="error">{errors.length}</b>{t('import.summary.warnings')}{' '}
        <b data-count="warning">{warnings.length}</b>{t('import.summary.end')}
      </p>
      {candidate.problems.length > 0 && (
        <ul class="problems-read">
          {candidate.problems.map((p) => <li key={p}>{p}</li>)}
        </ul>
      )}
      {candidate.missing.length > 0 && (
        <details>
          <summary>{t('import.missing', { n: candidate.missing.length })}</summary>
          <ul class="missing">
            {candidate.missing.map((id) => <li key={id} data-cell={id}>{cellLabel(format, id)}</li>)}
          </ul>
        </details>
      )}
      {candidate.findings.length > 0 && (
        <details open>
          <summary>{t('import.brokenRules', { n: candidate.findings.length })}</summary>
          <ul class="findings">
            {candidate.findings.map((f, i) => (
              <li key={i} class={`sev-${f.severity}`} data-rule={f.rule}>
                {t('import.findingLine', { severity: t(`severity.${f.severity}`), message: f.message })}
              </li>
            ))}
          </ul>
        </details>
      )}
      <p>
        <button onClick={() => setShowTable(!showTable)}>{showTable ? t('import.hideValues') : t('import.showValues')}</button>
      </p>
      {showTable && <OfficialTable format={format} values={report.values} />}
      {why && <p role="alert" class="refusal">{why}</p>}
      {diff && existing && <DiffView diff={diff} format={format} what={what} savedAt={existing.savedAt} />}
      {diff && armed && <p role="alert" class="sev-error second-confirm">{blankingWarning(diff, what)}</p>}
      <button class="primary" disabled={!!why} onClick={save}>
        {!diff ? t('import.saveAsPrior') : armed ? t('import.confirmReplace', { n: diff.blanked.length }) : t('import.replace', { year: report.year })}
      </button>
      {armed && <> <button onClick={() => setArmed(false)}>{t('common.cancel')}</button></>}
      {result && (
        <p role={result.error ? 'alert' : 'status'} class={result.error ? 'error-text' : 'ok-text'}>
          {result.text} {result.undo && <button onClick={undo}>{t('common.undo')}</button>}
        </p>
      )}
    </article>
  );
}

const SHOWN = 30;

/** What the replace changes: counts, then the cells by kind (the first few of each). */
function DiffView({ diff, format, what, savedAt }: { diff: ReplaceDiff; format: NewReport['format']; what: string; savedAt: string }) {
  const kinds = [
    ['changed', t('import.diff.changed'), diff.changed],
    ['blanked', t('import.diff.blanked'), diff.blanked],
    ['added', t('import.diff.added'), diff.added],
  ] as const;
  const show = (v: number | null) => (v === null ? t('import.blankValue') : String(v));
  return (
    <div class="replace-diff sev-warning" aria-label={t('import.diffLabel')}>
      <p>{t('import.diffIntro', { what, at: localDateTime(savedAt) })}{diffSummary(diff)}</p>
      {kinds.filter(([, , list]) => list.length).map(([kind, title, list]) => (
        <details key={kind} open={kind === 'blanked'}>
          <summary>{title}（{list.length}）</summary>
          <ul class={`diff-${kind}`}>
            {list.slice(0, SHOWN).map((c) => (
              <li key={c.cell} data-cell={c.cell}>{cellLabel(format, c.cell)}：{show(c.from)} → {show(c.to)}</li>
            ))}
            {list.length > SHOWN && <li class="muted">{t('import.more', { n: list.length - SHOWN })}</li>}
          </ul>
        </details>
      ))}
    </div>
  );
}

/** A file with several reports (an export moved to a new computer): save every acceptable one at once. */
function SaveAll({ api, candidates, target }: { api: OptionsApi; candidates: Candidate[]; target: ImportTarget }) {
  const ok = candidates.filter((c) => !refusal(c.report, target));
  const [replacing, setReplacing] = useState<{ n: number; blanked: number }>({ n: 0, blanked: 0 });
  const [armed, setArmed] = useState(false);
  const [done, setDone] = useState<{ text: string; error?: boolean; undo: UndoToken[] } | null>(null);
  useEffect(() => {
    const keyed = ok.map((c) => ({ c, key: reportKey(target.site || c.report.site, c.report.body, c.report.year) }));
    void api.kv.get(keyed.map((k) => k.key)).then((got) => {
      let blanked = 0;
      for (const { c, key } of keyed) {
        const up = got[key] === undefined ? null : upgrade(got[key]);
        if (up?.ok && needsSecondConfirmation(diffValues(up.report.values, c.report.values))) blanked++;
      }
      setReplacing({ n: keyed.filter((k) => got[k.key] !== undefined).length, blanked });
    }, () => undefined);
  }, [candidates]);
  const saveAll = async () => {
    if (replacing.blanked && !armed) return setArmed(true);
    const undo: UndoToken[] = [];
    const failed: string[] = [];
    for (const c of ok) {
      const res = await saveCandidate(api.kv, c.report, target);
      if (res.ok) undo.push(res.undo);
      else failed.push(res.message);
    }
    setArmed(false);
    const text = t('import.savedN', { n: undo.length }) + (replacing.n ? t('import.savedReplacing', { n: replacing.n }) : '');
    setDone({ text: failed.length ? t('import.notSavedN', { text, n: failed.length, why: [...new Set(failed)].join(t('common.listSeparator')) }) : text, error: failed.length > 0, undo });
  };
  const undoAll = async () => {
    if (!done) return;
    const left: string[] = [];
    for (const token of [...done.undo].reverse()) {
      const res = await undoChange(api.kv, token);
      if (!res.ok) left.push(res.message);
    }
    setDone({ text: left.length ? left.join(t('common.listSeparator')) : t('import.undoneAll'), error: left.length > 0, undo: [] });
  };
  return (
    <p class="save-all">
      {t('import.fileHas', { n: candidates.length })}{ok.length < candidates.length ? t('import.someRefused', { n: candidates.length - ok.length }) : ''}{t('common.sentenceEnd')}{' '}
      {done ? (
        <span role={done.error ? 'alert' : 'status'} class={done.error ? 'error-text' : 'ok-text'}>
          {done.text} {done.undo.length > 0 && <button onClick={undoAll}>{t('common.undo')}</button>}
        </span>
      ) : (
        <>
          {armed && <span role="alert" class="sev-error second-confirm">{t('import.blankingAll', { n: replacing.blanked })}</span>}
          <button class="primary" disabled={!ok.length} onClick={saveAll}>
            {armed ? t('import.confirmSaveAll') : t('import.saveAll', { n: ok.length, replacing: replacing.n ? t('import.saveAllReplacing', { n: replacing.n }) : '' })}
          </button>
        </>
      )}
    </p>
  );
}
