import { useState } from 'preact/hooks';
import { cellDef, cellLabel } from '@/lib/formats';
import type { FormatId } from '@/lib/formats/types';
import type { Finding } from '@/lib/report';
import {
  blankingWarning, diffSummary, diffValues, needsSecondConfirmation, reportKey, saveQuestion, saveReport, tryGet, upgrade,
  type NewReport, type ReplaceDiff, type UndoToken,
} from '@/lib/store';
import type { PopupApi } from './api';
import { t } from '@/lib/i18n';

type Step =
  | { kind: 'form' }
  | { kind: 'ask'; report: NewReport }
  | { kind: 'replace'; report: NewReport; diff: ReplaceDiff | null; second: boolean };

export interface SaveProps {
  api: PopupApi;
  format: FormatId;
  findings: readonly Finding[];
  /** This year's figures as the page holds them now, for the body and year typed; null when incomplete. */
  report: (body: string, year: string) => NewReport | null;
  body: string;
  year: string;
  setBody: (v: string) => void;
  setYear: (v: string) => void;
  close: () => void;
  /** The outcome, with 撤销 when there is something to undo. */
  done: (text: string, error: boolean, undo?: UndoToken) => void;
}

const SHOWN_CHANGES = 5;

/**
 * 保存本年数据: asks first when 强制性 problems remain (the store's saveQuestion), shows what a
 * replace changes (the store's diff) and asks twice when it blanks filled cells.
 */
export function SavePanel(p: SaveProps) {
  const [step, setStep] = useState<Step>({ kind: 'form' });

  const start = async () => {
    const r = p.report(p.body, p.year);
    if (!r) return p.done(t('save.needIdentity'), true);
    const q = saveQuestion(p.findings, r);
    if (q.ask) return setStep({ kind: 'ask', report: r });
    await checkExisting(r);
  };

  const checkExisting = async (r: NewReport) => {
    const key = reportKey(r.site, r.body, r.year);
    const got = await tryGet(p.api.kv, key);
    if (!got.ok) return p.done(got.message, true);
    const before = got.value[key];
    if (before === undefined) return write(r);
    const up = upgrade(before);
    setStep({ kind: 'replace', report: r, diff: up.ok ? diffValues(up.report.values, r.values) : null, second: false });
  };

  const write = async (r: NewReport) => {
    const res = await saveReport(p.api.kv, r);
    if (!res.ok) return p.done(res.message, true);
    const how = res.value.replaced ? t('save.replaced') : t('save.saved');
    p.done(t('save.done', { how, body: r.body.trim(), year: r.year, n: Object.values(r.values).filter((v) => v !== null).length }), false, res.value.undo);
  };

  if (step.kind === 'ask') {
    const q = saveQuestion(p.findings, step.report);
    return (
      <section aria-label={t('save.confirmLabel')} class="panel" role="alertdialog">
        <p><strong>{q.title}</strong></p>
        <ul class="plain">{q.problems.map((m) => <li key={m}>{m}</li>)}</ul>
        <p class="small">{q.consequence}</p>
        <div class="row">
          <button class="danger" onClick={() => checkExisting(step.report)}>{q.confirm}</button>
          <button onClick={p.close}>{q.cancel}</button>
        </div>
      </section>
    );
  }

  if (step.kind === 'replace') {
    const d = step.diff;
    const what = t('save.savedWhat', { body: step.report.body.trim(), year: step.report.year });
    const twice = d ? needsSecondConfirmation(d) : false;
    const label = (cell: string) => (cellDef(p.format, cell) ? cellLabel(p.format, cell) : t('save.outside'));
    const lines = d ? [...d.changed, ...d.blanked, ...d.added].slice(0, SHOWN_CHANGES) : [];
    const more = d ? d.changed.length + d.blanked.length + d.added.length - lines.length : 0;
    return (
      <section aria-label={t('save.replaceLabel')} class="panel" role="alertdialog">
        <p><strong>{t('save.exists', { body: step.report.body.trim(), year: step.report.year })}</strong></p>
        <p>{d ? diffSummary(d) : t('save.unreadable')}</p>
        {lines.length > 0 && (
          <ul class="plain small changes">
            {lines.map((c) => (
              <li key={c.cell}>{label(c.cell)}{t('sheet.whereSep')}{c.from ?? t('save.blank')} → {c.to ?? t('save.blank')}</li>
            ))}
            {more > 0 && <li>{t('save.moreCells', { n: more })}</li>}
          </ul>
        )}
        {step.second && d && <p role="alert" class="error-text">{blankingWarning(d, what)}</p>}
        <div class="row">
          {twice && !step.second ? (
            <button class="danger" onClick={() => setStep({ ...step, second: true })}>{t('save.replace')}</button>
          ) : (
            <button class="danger" onClick={() => write(step.report)}>{step.second ? t('save.confirmReplace') : t('save.replace')}</button>
          )}
          <button onClick={p.close}>{t('common.cancel')}</button>
        </div>
      </section>
    );
  }

  return (
    <section aria-label={t('save.panel')} class="panel">
      <label>{t('save.body')} <input value={p.body} onInput={(e) => p.setBody(e.currentTarget.value)} /></label>
      <label>{t('save.year')} <input value={p.year} inputMode="numeric" size={5} onInput={(e) => p.setYear(e.currentTarget.value)} /></label>
      <div class="row">
        <button class="primary" onClick={start}>{t('save.confirm')}</button>
        <button onClick={p.close}>{t('common.cancel')}</button>
      </div>
    </section>
  );
}
