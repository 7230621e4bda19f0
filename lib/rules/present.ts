import type { FormatId } from '../formats';
import type { Finding } from '../report';
import { defOf } from './labels';

const SECTION_NAME: Record<string, string> = { 二: '表二 主动公开', 三: '表三 依申请公开', 四: '表四 复议诉讼', 表: '统计表' };

/** Findings grouped by the table they concern, in form order ('全表' for report-wide ones). */
export function groupBySection(format: FormatId, findings: readonly Finding[]): { section: string; findings: Finding[] }[] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const d = f.cells[0] ? defOf(format, f.cells[0]) : undefined;
    const name = d ? (SECTION_NAME[d.section] ?? d.section) : f.cells.length ? '统计表' : '全表';
    const list = groups.get(name);
    if (list) list.push(f);
    else groups.set(name, [f]);
  }
  const order = ['全表', ...Object.values(SECTION_NAME)];
  return [...groups].sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0])).map(([section, list]) => ({ section, findings: list }));
}
