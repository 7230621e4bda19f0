import { FORMATS, cellLabel, formatTitle } from '../formats/index';
import type { FormatId, RowDef, SectionDef } from '../formats/types';
import { groupBySection } from '../rules/index';
import type { Finding, Report } from '../report';

const SEVERITY = { error: '强制性', warning: '核实性', info: '提示' } as const;

const show = (v: number | null | undefined) => (v === undefined ? '' : v === null ? '空' : String(v));

/** The item number of a row's group (（三）), which tells apart the numbered rows that repeat under each group. */
function groupNumber(sec: SectionDef, row: RowDef): string {
  const label = row.group ? sec.groups?.find((g) => g.id === row.group)?.label : undefined;
  return label?.match(/^（[一二三四五六七八九十]+）/)?.[0] ?? '';
}

/** Values of one report, table by table, in the form's own labels. */
function valueLines(r: Report): string[] {
  const out: string[] = [];
  if (!r.format) return out;
  const f = FORMATS[r.format];
  if (r.format === 'local') {
    for (const c of Object.values(r.cells)) out.push(`  ${c.id}：${show(c.value)}`);
    return out;
  }
  for (const sec of f.sections) {
    // 表二's rows each have their own columns: a value is named by its column. The other tables list
    // their columns once, unless a column has no printed label (the 统计表's 统计数): then values stand alone.
    const ownCols = sec.rows.some((row) => row.cols);
    const colLine = !ownCols && sec.cols.every((c) => c.label);
    const lines: string[] = [];
    for (const row of sec.rows) {
      const parts: string[] = [];
      for (const col of sec.cols) {
        const c = r.cells[sec.cellId(row.id, col.id)];
        if (c) parts.push(ownCols ? `${col.label} ${show(c.value)}` : show(c.value));
      }
      if (parts.length) lines.push(`  ${(groupNumber(sec, row) + row.label).padEnd(10, '　')} ${parts.join(ownCols ? '，' : '  ')}`);
    }
    if (!lines.length) continue;
    out.push(sec.quirks?.bareTitle ? sec.title : `${sec.name} ${sec.title.replace(/^[一二三四]、/, '')}`);
    if (colLine) out.push(`  （列：${sec.cols.map((c) => c.label).join(' / ')}）`);
    out.push(...lines);
  }
  return out;
}

function findingLines(format: FormatId | null, findings: readonly Finding[]): string[] {
  if (!findings.length) return ['检查结果：没有发现问题'];
  const n = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  const out = [`检查结果：强制性问题 ${n('error')} 个，核实性问题 ${n('warning')} 个，提示 ${n('info')} 个`];
  const groups = format ? groupBySection(format, findings) : [{ section: '全表', findings: [...findings] }];
  for (const g of groups) {
    out.push(`  ${g.section}`);
    for (const f of g.findings) out.push(`    [${SEVERITY[f.severity]}] ${f.message}`);
  }
  return out;
}

/** The readable Chinese summary of one report and its findings. */
export function summarise(r: Report, findings: readonly Finding[]): string {
  const head = [
    `== ${r.source}`,
    `格式：${r.format ? formatTitle(FORMATS[r.format]) : '未识别'}　年度：${r.year ?? '未知'}${r.body ? `　单位：${r.body}` : ''}`,
    `读到 ${Object.keys(r.cells).length} 个单元格`,
  ];
  const problems = r.problems.length ? ['读取提示：', ...r.problems.map((p) => `  - ${p.message}`)] : [];
  return [...head, ...valueLines(r), ...problems, ...findingLines(r.format, findings)].join('\n');
}

export { cellLabel };
