import type { BatchRow, PriorTable, Problem } from '@/lib/batch/types';
import type { Marks } from '../shared/OfficialTable';
import { OfficialTable } from '../shared/OfficialTable';
import { t } from '@/lib/i18n';


/** The cell each problem points at, with the worst mark: what the table highlights. */
export function marksOf(problems: readonly Problem[]): Marks {
  const marks: Record<string, 'error' | 'warning'> = {};
  for (const p of problems) {
    if (p.severity === 'info') continue;
    const cell = p.target ?? p.cells[0];
    if (cell && marks[cell] !== 'error') marks[cell] = p.severity;
  }
  return marks;
}

/** One report opened: its problems in the form's words, the official tables with the cells marked, last year beside. */
export function Detail({ row, prior, children, source, close }: { row: BatchRow; prior?: PriorTable | undefined; children: BatchRow[]; source?: string | undefined; close(): void }) {
  const listed = row.problems.filter((p) => p.severity !== 'info');
  const hints = row.problems.filter((p) => p.severity === 'info');
  return (
    <section class="detail" aria-label={t('batch.detail', { body: row.body ?? row.id })} data-detail={row.id}>
      <h2>
        {row.body ?? t('batch.noBody')} {row.year ? t('batch.detailYear', { year: row.year }) : ''} <button onClick={close}>{t('batch.close')}</button>
      </h2>
      <p>
        <span class={`state-${row.state}`}><span class="dot" aria-hidden="true" />{row.reason}</span>　{t('batch.formatAndSource', { format: row.formatName })}
        {source ? <a href={source} target="_blank" rel="noopener noreferrer">{source}</a> : <span>{t('batch.file', { name: row.file })}</span>}
      </p>
      {row.readNotes.length > 0 && (
        <ul class="read-notes muted">
          {row.readNotes.map((n, i) => <li key={i}>{t('batch.readNote', { note: n })}</li>)}
        </ul>
      )}
      {row.suggestion && <p class="suggestion" role="note">{t('batch.suggestion', { message: row.suggestion.message })}</p>}
      {listed.length > 0 && (
        <ol class="problems">
          {listed.map((p, i) => (
            <li key={i} class={`sev-${p.severity}`} data-rule={p.rule} data-cell={p.target ?? p.cells[0] ?? ''}>
              {t(`batch.severity.${p.severity}`)}{t('common.colon')}<b>{p.where}</b>{t('common.colon')}{p.message}
              {p.expected !== undefined && p.target ? t('batch.suggested', { value: p.expected }) : ''}
            </li>
          ))}
        </ol>
      )}
      {hints.length > 0 && (
        <details>
          <summary>{t('batch.hints', { n: hints.length })}</summary>
          <ul>{hints.map((p, i) => <li key={i}>{p.where}{t('common.colon')}{p.message}</li>)}</ul>
        </details>
      )}
      {children.length > 0 && <p class="muted">{t('batch.childrenUsed', { list: children.map((c) => c.body ?? c.id).join(t('common.enumSeparator')) })}</p>}
      {row.format && (
        <div class={prior?.format ? 'years two' : 'years'}>
          <div>
            <h3>{t('batch.thisYear', { year: row.year ?? t('batch.yearUnknown') })}</h3>
            <OfficialTable format={row.format} values={row.values} marks={marksOf(row.problems)} {...(row.raw ? { raw: row.raw } : {})} />
          </div>
          {prior?.format && (
            <div class="prior" aria-label={t('batch.prior')}>
              <h3>{t('batch.priorTitle', { year: prior.year ?? '', id: prior.id })}</h3>
              <OfficialTable format={prior.format} values={prior.values} {...(prior.raw ? { raw: prior.raw } : {})} />
            </div>
          )}
        </div>
      )}
    </section>
  );
}
