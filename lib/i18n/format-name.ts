import type { FormatId } from '../formats/types';
import { t } from './index';

/** A format as people name it (2021年版统计表). */
export function formatName(format: FormatId): string {
  return t(`format.name.${format}`);
}

/** 2021年版统计表（国办公开办函〔2021〕30号）: the basis, an official document number, is quoted as issued. */
export function formatTitleOf(f: { id: FormatId; basis: string }): string {
  return f.id === 'local' ? t('format.localTitle') : t('format.title', { name: formatName(f.id), basis: f.basis });
}
