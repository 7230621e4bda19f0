import type { JSX } from 'preact';
import { t } from '@/lib/i18n';

/** Rarely used actions, out of the everyday row: 导出, 在此网站停用/启用, the saved data. */
export function MoreMenu({ enabled, toggle, exportAs, openSaved, openBatch }: {
  enabled: boolean;
  toggle: () => void;
  exportAs?: (kind: 'json' | 'csv') => void;
  openSaved: () => void;
  /** The 批量审核 page, for the supervising office. */
  openBatch?: () => void;
}): JSX.Element {
  return (
    <details class="more">
      <summary>{t('popup.more')}</summary>
      <div class="menu">
        {exportAs && (
          <>
            <button onClick={() => exportAs('csv')}>{t('popup.exportCsv')}</button>
            <button onClick={() => exportAs('json')}>{t('popup.exportJson')}</button>
          </>
        )}
        <button onClick={openSaved}>{t('popup.savedAndSettings')}</button>
        {openBatch && <button onClick={openBatch}>{t('popup.openBatch')}</button>}
        <button onClick={toggle}>{enabled ? t('popup.disableHere') : t('popup.enableHere')}</button>
        <p class="small muted">
          {enabled
            ? t('popup.offNote')
            : t('popup.onNote')}
        </p>
      </div>
    </details>
  );
}
