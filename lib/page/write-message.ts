import { cellLabel } from '../formats';
import { t } from '../i18n';
import type { Report } from '../report';
import type { WriteResult } from './write';

/**
 * What the clerk is told about a cell the extension could not fill, in words they can act on: which
 * cell, what to type there themselves, and whether the table is as it was.
 */
export function unwrittenMessage(label: string, value: string, r: Exclude<WriteResult, { status: 'written' }>): string {
  const todo = value === '' ? t('write.clearIt') : t('write.typeIt', { value });
  if (r.status === 'not-written') return t(r.reason === 'gone' ? 'write.gone' : 'write.refused', { label, todo });
  const why = t(r.reason === 'elsewhere' ? 'write.elsewhere' : 'write.mismatch');
  return t(r.restored ? 'write.restored' : 'write.changed', { label, why, todo });
}

/** The same, for a cell of a read report, named in the form's words. */
export function unwrittenCell(report: Report, cell: string, value: string, r: Exclude<WriteResult, { status: 'written' }>): string {
  return unwrittenMessage(report.format ? cellLabel(report.format, cell) : cell, value, r);
}
