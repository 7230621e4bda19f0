import { cellLabel } from '../formats';
import type { Report } from '../report';
import type { WriteResult } from './write';

/**
 * What the clerk is told about a cell the extension could not fill, in words they can act on: which
 * cell, what to type there themselves, and whether the table is as it was.
 */
export function unwrittenMessage(label: string, value: string, r: Exclude<WriteResult, { status: 'written' }>): string {
  const type = value === '' ? '请在该格手动清空' : `请在该格手动输入 ${value}`;
  if (r.status === 'not-written') {
    if (r.reason === 'gone') return `找不到「${label}」单元格（表格可能已被修改），未写入。${type}。`;
    return `「${label}」无法由年报助手写入，编辑器没有接受。${type}。`;
  }
  const why = r.reason === 'elsewhere' ? '写入会落到别的单元格' : '写入后该格的内容与要填的数不符';
  if (r.restored) return `「${label}」未能填入：${why}，已撤回，表格保持原样。${type}。`;
  return `「${label}」未能填入：${why}，撤回后表格仍有改动，请用编辑器的「撤销」（Ctrl+Z）检查表格，再${type.slice(1)}。`;
}

/** The same, for a cell of a read report, named in the form's words. */
export function unwrittenCell(report: Report, cell: string, value: string, r: Exclude<WriteResult, { status: 'written' }>): string {
  return unwrittenMessage(report.format ? cellLabel(report.format, cell) : cell, value, r);
}
