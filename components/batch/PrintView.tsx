import { buildSheet } from '@/lib/sheet/model';
import { summarise } from '@/lib/batch/summary';
import { STATE_ORDER, stateLabel, type BatchRow } from '@/lib/batch/types';
import { Sheet } from '../sheet/Sheet';
import { t } from '@/lib/i18n';

/** The printable summary: the counts and the list of reports, then one 审核单 per readable report. */
export function PrintView({ rows, at, back, print }: { rows: readonly BatchRow[]; at: Date; back(): void; print(): void }) {
  const s = summarise(rows);
  const ordered = STATE_ORDER.flatMap((k) => rows.filter((r) => r.state === k));
  return (
    <div class="batch-print">
      <main class="sheet batch-cover">
        <h1>{t('batch.printTitle')}</h1>
        <p class="no-print">
          <button class="primary" onClick={print}>{t('batch.printButton')}</button> <button onClick={back}>{t('batch.back')}</button>{' '}
          <span class="muted">{t('batch.printHint')}</span>
        </p>
        <p>{t('batch.printTotal', { n: s.total, states: STATE_ORDER.map((k) => t('batch.stateCount', { state: stateLabel(k), n: s.byState[k] })).join(t('common.clauseSeparator')) })}</p>
        <ol>
          {ordered.map((r) => (
            <li key={r.id}>
              {r.body ?? r.id}　{r.year ?? ''}　{stateLabel(r.state)}：{r.reason}
            </li>
          ))}
        </ol>
      </main>
      {ordered
        .filter((r) => r.format)
        .map((r) => (
          <div key={r.id} class="sheet-break">
            <Sheet model={{ ...buildSheet({ input: { format: r.format!, year: r.year, values: r.values, ...(r.body ? { body: r.body } : {}), ...(r.raw ? { raw: r.raw } : {}) }, findings: r.findings, at }), body: r.body ?? r.id }} />
          </div>
        ))}
    </div>
  );
}
