import type { Report, Values } from '@/lib/report';

export * from '@/lib/report';

export function valuesOf(report: Pick<Report, 'cells'>): Values {
  const out: Values = {};
  for (const [id, c] of Object.entries(report.cells)) out[id] = c.value;
  return out;
}
