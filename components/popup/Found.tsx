import type { JSX } from 'preact';
import { formatTitleOf } from '@/lib/i18n/format-name';
import { useState } from 'preact/hooks';
import { FORMATS, cellLabel } from '@/lib/formats';
import type { FoundTable, PageState, PrefillItem } from '@/lib/messages';
import { t, t as tr } from '@/lib/i18n';
import { plainError } from '@/lib/plain-error';
import { toCsv, toJson, type NewReport, type SavedReport, STORE_VERSION } from '@/lib/store';
import { confirmedList, countListed, groupByCell, inCellWords } from '../shared/findings';
import { ConfirmNote } from './ConfirmNote';
import { safeName } from '../shared/download';
import type { PopupApi } from './api';
import { LinkPrompt } from './LinkPrompt';
import { SavePanel } from './SavePanel';
import { emptyPlanNote } from './prefill-note';
import { openSheet } from './sheet';
import type { Say } from './Popup';

export function importRoute(state: PageState, table: FoundTable | null): string {
  const q = new URLSearchParams({ site: state.site });
  if (table?.body) q.set('body', table.body);
  if (table?.year) q.set('year', String(table.year));
  return `#import?${q}`;
}

/** The recognised tables, one line per report (same format, year and body, in the same place). */
function tableLines(tables: readonly FoundTable[]): string[] {
  const lines = new Map<string, { t: FoundTable; n: number; cells: number }>();
  for (const t of tables) {
    if (!t.format) continue;
    const k = `${t.format}|${t.year}|${t.body}|${t.where}`;
    const l = lines.get(k) ?? { t, n: 0, cells: 0 };
    l.n++;
    l.cells += t.cellCount;
    lines.set(k, l);
  }
  return [...lines.values()].map(({ t, n, cells }) =>
    tr('found.tableLine', { format: formatTitleOf(FORMATS[t.format!]), year: t.year ? tr('found.yearOf', { year: t.year }) : tr('found.yearUnknown'), body: t.body ?? tr('found.bodyUnknown'), where: t.where, tables: n > 1 ? tr('found.tablesN', { n }) : '', cells }),
  );
}

export function Found({ api, state, table, refresh, say, more }: {
  api: PopupApi;
  state: PageState;
  table: FoundTable;
  refresh: () => Promise<void>;
  say: Say;
  more: (exportAs?: (kind: 'json' | 'csv') => void) => JSX.Element;
}) {
  const format = table.format!;
  const groups = groupByCell(state.findings, format);
  const counts = countListed(groups);
  const confirmed = confirmedList(state.findings, format);
  const listed = new Set(groups.flatMap((g) => g.problems.map((p) => p.message)));
  const fixOf = (cell: string) => state.suggestion?.fixes.find((f) => f.cell === cell)?.value;
  const confirmations = state.confirmations ?? [];
  const [body, setBody] = useState(table.body ?? '');
  const [year, setYear] = useState(table.year ? String(table.year) : '');
  const [saving, setSaving] = useState(false);
  const [plan, setPlan] = useState<PrefillItem[] | null>(null);
  // Which cell is most likely mistyped, as the page's badges say: each value it can apply gets 改为 N.
  const suggestion = state.suggestion;

  const fail = (e: unknown) => ({ ok: false as const, message: plainError(e) });

  const fix = async (cell: string, value: number) => {
    const res = await api.send({ type: 'apply-fix', cell, value }).catch(fail);
    if (!res.ok) return say(res.message, true);
    say(t('found.fixed', { cell: cellLabel(format, cell), value }));
    await refresh();
  };

  /** 已核实 / 撤销核实: the page keeps the list; the popup shows what the page then says. */
  const confirm = async (req: { type: 'confirm'; rule: string; cells: string[]; note: string } | { type: 'unconfirm'; rule: string; cells: string[] }) => {
    const res = await api.send(req).catch(fail);
    if (!res.ok) {
      say(res.message, true);
      return false;
    }
    say(t(req.type === 'confirm' ? 'found.confirmed' : 'found.unconfirmed'));
    await refresh();
    return true;
  };

  const report = (b: string, y: string): NewReport | null => {
    const n = Number(y);
    if (!state.values || !b.trim() || !Number.isInteger(n) || n <= 0) return null;
    return { site: state.site, body: b.trim(), year: n, format, values: state.values, source: api.tab?.url ?? 'page', ...(confirmations.length ? { confirmations } : {}) };
  };

  /** The page plans (from the year and body it read, or those typed here when it does not say them). */
  const askPlan = async () => {
    const y = Number(year);
    const req = { type: 'prefill-plan' as const, ...(Number.isInteger(y) && y > 0 ? { year: y } : {}), ...(body.trim() ? { body: body.trim() } : {}) };
    const res = await api.send(req).catch(fail);
    if (!res.ok) return say(res.message, true);
    if (!res.plan?.length) return say(emptyPlanNote(format, state.values));
    setSaving(false);
    setPlan(res.plan);
  };

  const applyPlan = async () => {
    if (!plan) return;
    const res = await api.send({ type: 'prefill-apply', items: plan }).catch(fail);
    setPlan(null);
    if (!res.ok) return say(res.message, true);
    const missed = res.unwritten ?? [];
    const done = t('found.prefilled', { n: res.written?.length ?? 0 });
    if (missed.length) say(t('found.prefillMissed', { done, n: missed.length, why: missed.map((u) => u.message).join(' ') }), true);
    else say(done);
    await refresh();
  };

  const undoPrefill = async () => {
    const res = await api.send({ type: 'prefill-undo' }).catch(fail);
    if (!res.ok) return say(res.message, true);
    const missed = res.unwritten ?? [];
    if (missed.length) say(t('found.undoMissed', { n: missed.length, why: missed.map((u) => u.message).join(' ') }), true);
    else say(t('found.undone'));
    await refresh();
  };

  const exportAs = (kind: 'json' | 'csv') => {
    const r = report(body, year);
    if (!r) return say(t('found.needIdentity'), true);
    const full: SavedReport = { ...r, version: STORE_VERSION, savedAt: new Date().toISOString() };
    const name = t(kind === 'json' ? 'export.jsonName' : 'export.csvName', { name: t('export.reportName', { body: safeName(r.body), year: r.year }) });
    if (kind === 'json') api.download(name, toJson([full]), 'application/json');
    else api.download(name, toCsv([full]), 'text/csv');
  };

  const sheet = async () => {
    if (!state.values) return say(t('found.noValues'), true);
    const y = Number(year);
    const res = await openSheet(api, { site: state.site, format, year: Number.isInteger(y) && y > 0 ? y : null, body: body.trim() || null, values: state.values, confirmations });
    if (!res.ok) say(res.message, true);
  };

  const total = counts.error + counts.warning + counts.info;
  return (
    <>
      <section aria-label={t('found.result')} class="summary">
        <p class="counts">
          {counts.error + counts.warning === 0 ? <strong>{t('found.none')}</strong> : null}
          <span class="sev-error">{t('found.errors')}<b data-count="error">{counts.error}</b>{t('found.unit')}</span>{t('common.clauseSeparator')}
          <span class="sev-warning">{t('found.warnings')}<b data-count="warning">{counts.warning}</b>{t('found.unit')}</span>
          {counts.info > 0 && <>{t('common.clauseSeparator')}<span class="sev-info">{t('found.infos')}<b data-count="info">{counts.info}</b>{t('found.unitInfo')}</span></>}
        </p>
        <ul class="tables">
          {tableLines(state.tables).map((l) => <li key={l}>{l}</li>)}
        </ul>
        <p class="muted small">{state.priorYear ? t('found.priorLoaded', { year: state.priorYear }) : t('found.noPrior')}</p>
        {!state.priorYear && table.year && (
          <LinkPrompt api={api} site={state.site} body={table.body} year={table.year} linked={() => void refresh()} say={say} />
        )}
        {(!table.year || !table.body) && (
          <p class="identity">
            {t('found.askIdentity', { what: (!table.year ? t('found.year') : '') + (!table.year && !table.body ? t('found.and') : '') + (!table.body ? t('found.body') : '') })}
            {!table.body && <label>{t('found.bodyLabel')} <input value={body} onInput={(e) => setBody(e.currentTarget.value)} /></label>}
            {!table.year && <label>{t('found.yearLabel')} <input value={year} size={5} inputMode="numeric" onInput={(e) => setYear(e.currentTarget.value)} /></label>}
          </p>
        )}
      </section>
      {suggestion && (
        <section aria-label={t('found.likely')} class="locate">
          {/* Said once: in the list below when it is there, here only the cells and their 改为 N. */}
          <p>{listed.has(suggestion.message) ? t('found.likelyCells', { cells: suggestion.fixes.map((f) => cellLabel(format, f.cell)).join(t('common.enumSeparator')) }) : suggestion.message}</p>
          {suggestion.fixes.map((f) => (
            <button key={f.cell} class="primary" data-cell={f.cell} onClick={() => fix(f.cell, f.value)}>
              {t('overlay.fix', { n: f.value })}
            </button>
          ))}
        </section>
      )}
      {total > 0 && (
        <section aria-label={t('found.problems')} class="problems-box" tabIndex={0}>
          <ul class="problems">
            {groups.map((g) => (
              <li key={g.cell}>
                <button class={`problem sev-${g.severity}`} data-cell={g.cell} onClick={() => api.send({ type: 'reveal', cell: g.cell }).catch(() => undefined)}>
                  {g.label}
                </button>
                <ul>
                  {g.problems.map((p) => (
                    <li key={p.message} class={`sev-${p.severity}`} data-severity={p.severity}>
                      {inCellWords(p.message, g.label, fixOf(g.cell))}
                      {p.severity === 'warning' && (
                        <> <ConfirmNote send={(note) => confirm({ type: 'confirm', rule: p.rule, cells: p.cells, note })} /></>
                      )}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      )}
      {confirmed.length > 0 && (
        <section aria-label={t('confirm.badge')} class="confirmed-box">
          <p class="muted small">{t('confirm.badge')} <b data-count="confirmed">{confirmed.length}</b>{t('found.unit')}{t('found.notCounted')}</p>
          <ul class="confirmed">
            {confirmed.map((c) => (
              <li key={`${c.rule}|${c.cells.join(',')}`} class="muted small" data-cell={c.cell} title={`${t('confirm.notePrefix')}${c.note}`}>
                {t('found.confirmedLine', { label: c.label })}{t('confirm.notePrefix')}{c.note}{' '}
                <button class="small" onClick={() => void confirm({ type: 'unconfirm', rule: c.rule, cells: c.cells })}>{t('confirm.undo')}</button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {plan && (
        <section aria-label={t('found.plan')} class="panel">
          <p>{t('found.planIntro', { n: plan.length })}</p>
          <ul class="plan">
            {plan.map((p) => (
              <li key={p.cell} data-cell={p.cell}>
                {cellLabel(format, p.cell)} ← <b>{p.value}</b>
              </li>
            ))}
          </ul>
          <div class="row">
            <button class="primary" onClick={applyPlan}>{t('found.confirmPlan')}</button> <button onClick={() => setPlan(null)}>{t('common.cancel')}</button>
          </div>
        </section>
      )}
      {saving && (
        <SavePanel
          api={api}
          format={format}
          findings={state.findings}
          report={report}
          body={body}
          year={year}
          setBody={setBody}
          setYear={setYear}
          close={() => setSaving(false)}
          done={(text, error, undo) => {
            if (!error) setSaving(false);
            say(text, error, undo);
          }}
        />
      )}
      <div class="actions main-actions">
        <button onClick={() => { setPlan(null); setSaving(true); }}>{t('found.save')}</button>
        <button onClick={askPlan}>{t('found.prefill')}</button>
        {state.canUndoPrefill && <button onClick={undoPrefill}>{t('found.undoPrefill')}</button>}
        <button onClick={sheet}>{t('found.sheet')}</button>
        <button onClick={() => api.openOptions(importRoute(state, table))}>{t('popup.importPrior')}</button>
      </div>
      {more(exportAs)}
    </>
  );
}
