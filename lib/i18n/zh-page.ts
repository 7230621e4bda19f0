import { GATE_WORDS } from './gate-words';

/** What the edit page answers the popup (lib/page/features), in Chinese. */
export const zhPage = {
  'page.gone': '找不到这个单元格：表格可能已被修改或移除。',
  'page.confirmGone': '找不到这个核实性问题：表格可能已经改动，请重新打开本窗口。',
  'page.noteFirst': '请先写一句核实说明。',
  'page.mandatoryNotConfirmable': '强制性问题不能标为已核实，请按提示改正。',
  'page.noProblem': '本页表格中没有需要处理的问题。',
  'page.where.input': '输入表格中',
  'page.where.body': '本页正文中',
  'page.where.editor': '网页编辑器中',
  'page.stopped': GATE_WORDS.zh.stopped,
  'page.unavailable': GATE_WORDS.zh.unavailable,
  'page.loading': '页面还在加载，请稍后再试。',
  'page.noTable': '本页没有识别到统计表。',
  'page.noYear': '本页没有写明报告年度：请在上方填写本报告的年度后再点「从上年数据预填」',
  'page.noPrior': '没有找到{body} {year} 年的数据：请先「导入上年报告…」',
  'page.noPriorBody': '「{body}」',
  'page.ownBody': '本单位',
  'page.nothingWritten': '没有写入任何单元格：目标单元格已有数值或无法编辑。',
  'page.nothingToUndo': '没有可撤销的预填。',
  // the overlay's screen-reader announcement and last year's figure beside a cell
  'page.announce': '年报助手发现问题：{label}{more}。{message}',
  'page.announceMore': '等 {n} 处',
  'page.prior': '上年 {value}',
} as const;
