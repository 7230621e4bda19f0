import { cellDef } from './index';
import type { FormatId } from './types';

/**
 * Whether `id` names a cell of `format`: its catalogue, or for 地方表 (no catalogue) the reader's
 * `local.<n>` / `local.<n>.<k>` ids. Imports keep anything else out of the values.
 */
export function isCatalogued(format: FormatId, id: string): boolean {
  if (format === 'local') return /^local\.\d+(\.\d+)?$/.test(id);
  return cellDef(format, id) !== undefined;
}
