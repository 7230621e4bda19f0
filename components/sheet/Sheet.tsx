import { t } from '@/lib/i18n';
import type { SheetItem, SheetModel } from '@/lib/sheet/model';
import { OfficialTable } from '../shared/OfficialTable';

/** The printable 审核单: one A4 page (print rules in sheet.css). */
export function Sheet({ model: m, onPrint }: { model: SheetModel; onPrint?: () => void }) {
  return (
    <main class="sheet">
      <header>
        <h1>{m.title}</h1>
        <dl class="facts">
          <div><dt>{t('sheet.body')}</dt><dd data-fact="body">{m.body}</dd></div>
          <div><dt>{t('sheet.year')}</dt><dd data-fact="year">{m.year ? t('sheet.yearValue', { year: m.year }) : t('sheet.yearUnknown')}</dd></div>
          <div><dt>{t('sheet.format')}</dt><dd>{m.formatName}</dd></div>
          {m.savedAt && <div><dt>{t('sheet.savedAt')}</dt><dd>{m.savedAt}</dd></div>}
          <div><dt>{t('sheet.madeAt')}</dt><dd data-fact="time">{m.madeAt}</dd></div>
        </dl>
        <p class={m.ok ? 'state ok' : 'state bad'} data-state>
          {t('sheet.conclusion')}<strong>{m.state}</strong>
          {t('sheet.warnings', { n: m.warnings.length })}
          {m.confirmed.length ? t('sheet.confirmedN', { n: m.confirmed.length }) : ''}
          {m.hints ? t('sheet.hints', { n: m.hints }) : ''}
        </p>
        {onPrint && (
          <p class="no-print">
            <button class="primary" onClick={onPrint}>{t('sheet.print')}</button>{' '}
            <span class="muted">{t('sheet.printHint')}</span>{' '}
            <a href="help.html" target="_blank" rel="noopener">{t('sheet.helpLink')}</a>
          </p>
        )}
      </header>
      <Items title={t('sheet.errorsTitle')} kind="error" items={m.errors} />
      <Items title={t('sheet.warningsTitle')} kind="warning" items={m.warnings} />
      <Items title={t('sheet.confirmedTitle')} kind="confirmed" items={m.confirmed} />
      <section class="tables" aria-label={t('sheet.tables')}>
        <h2>{t('sheet.tablesTitle')}</h2>
        <p class="legend muted">
          <span class="key mark-error">{t('sheet.legendError')}</span>{t('sheet.legendErrorText')}　<span class="key mark-warning">{t('sheet.legendWarning')}</span>{t('sheet.legendWarningText')}
          {m.confirmed.length ? <>　<span class="key mark-confirmed">{t('sheet.legendConfirmed')}</span>{t('sheet.legendConfirmedText')}</> : null}
        </p>
        <OfficialTable format={m.format} values={m.values} marks={m.marks} raw={m.raw} />
      </section>
      <footer>
        <span>{t('sheet.filledBy')}</span>
        <span>{t('sheet.checkedBy')}</span>
        <span>{t('sheet.generated')}</span>
      </footer>
    </main>
  );
}

function Items({ title, kind, items }: { title: string; kind: 'error' | 'warning' | 'confirmed'; items: SheetItem[] }) {
  if (!items.length) return null;
  return (
    <section class={`items ${kind}`} aria-label={title}>
      <h2>{t('sheet.itemsTitle', { title, n: items.length })}</h2>
      <ol>
        {items.map((it, i) => (
          <li key={i}>
            <span class="where">{it.where}</span>{t('sheet.whereSep')}{it.message}
            {it.note && <div class="note">{t('sheet.note', { note: it.note })}</div>}
          </li>
        ))}
      </ol>
    </section>
  );
}
