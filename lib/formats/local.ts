import type { FormatDef } from './types';

/**
 * 2008–2013 local statistics tables: no national catalogue. Cells are read loosely by the
 * reader, with ids `local.<n>` in reading order, and checked as "parent = Σ numbered children".
 */
export const local: FormatDef = {
  id: 'local',
  basis: '地方统计口径（无全国统一表式）',
  years: { from: 2008, to: 2013 },
  fingerprints: [/申请总数/, /对申请的答复总数/, /否决公开答复总数/, /免予公开范围/],
  sections: [],
  cells: [],
};
