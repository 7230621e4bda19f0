import { FORMATS, sectionOf, type FormatId } from '../formats';
import type { Finding } from '../report';
import { t } from '../i18n';
import { defOf } from './labels';

const heading = (format: FormatId, key: string) => {
  const s = sectionOf(format, key);
  return s && s.key !== '表' ? `${s.name} ${s.topic}` : t('section.table');
};

/** Findings grouped by the table they concern, in form order ('全表' for report-wide ones). */
export function groupBySection(format: FormatId, findings: readonly Finding[]): { section: string; findings: Finding[] }[] {
  const WHOLE = t('section.whole');
  const TABLE = t('section.table');
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const d = f.cells[0] ? defOf(format, f.cells[0]) : undefined;
    const name = d ? heading(format, d.section) : f.cells.length ? TABLE : WHOLE;
    const list = groups.get(name);
    if (list) list.push(f);
    else groups.set(name, [f]);
  }
  const order = [WHOLE, ...FORMATS[format].sections.map((s) => heading(format, s.key)), TABLE];
  return [...groups].sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0])).map(([section, list]) => ({ section, findings: list }));
}
