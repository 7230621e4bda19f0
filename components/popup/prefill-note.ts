import { cellLabel } from '@/lib/formats';
import { CARRY_OVER } from '@/lib/formats/apply-sections';
import type { FormatId } from '@/lib/formats/types';
import type { Values } from '@/lib/report';
import { t } from '@/lib/i18n';

/**
 * What to say when the page plans no pre-fill, true to the figures the page sent: either every
 * carried cell is filled, or last year's data has nothing for the blank ones.
 */
export function emptyPlanNote(format: FormatId, values: Values | null): string {
  const blank = CARRY_OVER.filter(({ cell }) => values && cell in values && values[cell] === null).map(({ cell }) => cellLabel(format, cell));
  if (!blank.length) return t('prefill.allFilled');
  return t('prefill.noPrior', { n: blank.length, cells: blank.join(t('common.enumSeparator')) });
}
