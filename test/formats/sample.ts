import type { ColDef, FormatDef, SectionDef } from '@/lib/formats';

/**
 * A report of any format built from its declarations only (no hand-written markup), so that a new
 * format is exercised by every consumer as soon as it is declared. Values are distinct per cell.
 */
export function sampleHtml(f: FormatDef, year: number): { html: string; values: Record<string, number> } {
  const values: Record<string, number> = {};
  let n = 1;
  const tables = f.sections.map((s) => `<p>${s.title}</p>${sectionTable(s, () => n++, values)}`);
  if (!f.sections.length) {
    // A format without a catalogue (local tables): one labelled figure per fingerprint word.
    const rows = f.fingerprints.map((fp, i) => `<tr><td>${fp.source}</td><td>${cell(`local.${i + 1}`, n++, values)}</td></tr>`).join('');
    tables.push(`<table><tr><td>项目</td><td>数量</td></tr>${rows}</table>`);
  }
  return { html: `<html><body><h1>某县人民政府办公室${year}年政府信息公开工作年度报告</h1>${tables.join('')}</body></html>`, values };
}

function sectionTable(s: SectionDef, next: () => number, values: Record<string, number>): string {
  if (s.key === '四') {
    // One row of values under stacked headings: 行政复议 | 行政诉讼 (未经复议直接起诉 | 复议后起诉).
    const parts = s.rows.map((r) => r.label.split('·'));
    const top: string[] = [];
    for (const p of parts) {
      const last = top.at(-1);
      if (p.length > 1 && last?.includes(`>${p[0]}<`)) top[top.length - 1] = last.replace(/colspan="(\d+)"/, (_, n) => `colspan="${Number(n) + s.cols.length}"`);
      else top.push(`<td colspan="${s.cols.length}" rowspan="${p.length > 1 ? 1 : 2}">${p[0]}</td>`);
    }
    const mid = parts.map((p) => (p.length > 1 ? `<td colspan="${s.cols.length}">${p[1]}</td>` : '')).join('');
    const cols = s.rows.map(() => s.cols.map((c) => `<td>${c.label}</td>`).join('')).join('');
    const cells = s.rows.flatMap((r) => s.cols.map((c) => `<td>${cell(s.cellId(r.id, c.id), next(), values)}</td>`)).join('');
    return `<table><tr>${top.join('')}</tr><tr>${mid}</tr><tr>${cols}</tr><tr>${cells}</tr></table>`;
  }
  const head = (cols: readonly ColDef[]) => `<tr><td>${s.key === '表' ? '统计指标' : '项目'}</td>${cols.map((c) => `<td>${c.label || '统计数'}</td>`).join('')}</tr>`;
  let group: string | undefined;
  let shape = '';
  const rows: string[] = [];
  for (const r of s.rows) {
    // Rows with their own columns (表二) come under their own heading row, as on the official form.
    const cols = s.cols.filter((c) => !r.cols || r.cols.includes(c.id));
    const sig = cols.map((c) => c.id).join();
    if (sig !== shape) rows.push(head(cols));
    shape = sig;
    if (r.group && r.group !== group && s.key !== '表') {
      const g = s.groups?.find((x) => x.id === r.group);
      if (g && !s.rows.some((o) => o.id === g.id)) rows.push(`<tr><td>${g.label}</td>${cols.map(() => '<td></td>').join('')}</tr>`);
    }
    group = r.group;
    rows.push(`<tr><td>${r.label}</td>${cols.map((c) => `<td>${cell(s.cellId(r.id, c.id), next(), values)}</td>`).join('')}</tr>`);
  }
  return `<table>${rows.join('')}</table>`;
}

function cell(id: string, v: number, values: Record<string, number>): string {
  values[id] = v;
  return String(v);
}
