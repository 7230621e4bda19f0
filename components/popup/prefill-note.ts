import { cellLabel } from '@/lib/formats';
import { CARRY_OVER } from '@/lib/formats/apply-sections';
import type { FormatId } from '@/lib/formats/types';
import type { Values } from '@/lib/report';

/**
 * What to say when the page plans no pre-fill, true to the figures the page sent: either every
 * carried cell is filled, or last year's data has nothing for the blank ones.
 */
export function emptyPlanNote(format: FormatId, values: Values | null): string {
  const blank = CARRY_OVER.filter(({ cell }) => values && cell in values && values[cell] === null).map(({ cell }) => cellLabel(format, cell));
  if (!blank.length) return '「上年结转」各格都已填写，没有需要预填的单元格。';
  return `上年数据里没有这 ${blank.length} 格的结转数，无法预填，请对照上年年报手工填写：${blank.join('、')}。`;
}
