import type { FormatDef } from './types';

/**
 * 2008–2013 local statistics tables: no national catalogue. Cells are read loosely by the
 * reader, with ids `local.<n>` in reading order, and checked as "parent = Σ numbered children".
 */
export const local: FormatDef = {
  id: 'local',
  name: '地方统计表',
  basis: '无全国统一表式',
  years: { from: 2008, to: 2013 },
  // Some provinces kept their own table after the 2014 national one: worth a look, not an error.
  superseded: { by: 'gov2014', severity: 'warning' },
  fingerprints: [/申请总数/, /对申请的答复总数/, /否决公开答复总数/, /免予公开范围/],
  prefilter: ['申请总数'],
  sections: [],
  cells: [],
};
