import type { RowDef, SectionDef } from './types';

/** Section 三 and 四, shared by gov2021 and gov2019; they differ only in （六）其他处理. */

export const APPLY_COLS = [
  { id: 'natural', label: '自然人', match: /自然人/ },
  { id: 'commercial', label: '商业企业', match: /商业企业/ },
  { id: 'research', label: '科研机构', match: /科研机构/ },
  { id: 'nonprofit', label: '社会公益组织', match: /社会公益组织|公益组织/ },
  { id: 'legal', label: '法律服务机构', match: /法律服务机构/ },
  { id: 'otherOrg', label: '其他', match: /^其他$/ },
  { id: 'total', label: '总计', match: /总计/ },
] as const;

export const APPLY_COL_IDS = APPLY_COLS.map((c) => c.id);
/** The carry-over: this year's 二、上年结转 of each column is last year's 四、结转下年度继续办理 (X-CARRY). */
export const CARRY_OVER: readonly { cell: string; from: string }[] = APPLY_COL_IDS.map((col) => ({
  cell: `apply.carried.${col}`,
  from: `apply.carryForward.${col}`,
}));
export const APPLICANT_COL_IDS = APPLY_COL_IDS.filter((c) => c !== 'total');

export const APPLY_GROUPS = [
  { id: 'withheld', label: '（三）不予公开', match: /不予公开/ },
  { id: 'unable', label: '（四）无法提供', match: /无法提供/ },
  { id: 'ignored', label: '（五）不予处理', match: /不予处理/ },
  { id: 'other', label: '（六）其他处理', match: /其他处理/ },
] as const;

const row = (id: string, label: string, match: RegExp, group?: string): RowDef =>
  group ? { id, label, match, group } : { id, label, match };

const HEAD_ROWS: RowDef[] = [
  row('new', '一、本年新收政府信息公开申请数量', /本年新收/),
  row('carried', '二、上年结转政府信息公开申请数量', /上年结转/),
  row('granted', '（一）予以公开', /予以公开/),
  row('partial', '（二）部分公开', /部分公开|只计这一情况/),
  row('withheld.stateSecret', '1.属于国家秘密', /国家秘密/, 'withheld'),
  row('withheld.lawForbidden', '2.其他法律行政法规禁止公开', /法律行政法规禁止/, 'withheld'),
  row('withheld.threeSafety', '3.危及“三安全一稳定”', /三安全一稳定/, 'withheld'),
  row('withheld.thirdParty', '4.保护第三方合法权益', /第三方合法权益/, 'withheld'),
  row('withheld.internal', '5.属于三类内部事务信息', /三类内[部容]/, 'withheld'),
  row('withheld.process', '6.属于四类过程性信息', /过程性信息/, 'withheld'),
  row('withheld.enforcement', '7.属于行政执法案卷', /行政执法案卷/, 'withheld'),
  row('withheld.query', '8.属于行政查询事项', /行政查询事项/, 'withheld'),
  row('unable.notHeld', '1.本机关不掌握相关政府信息', /不掌握/, 'unable'),
  row('unable.needCreate', '2.没有现成信息需要另行制作', /另行制作|没有现成/, 'unable'),
  row('unable.unclear', '3.补正后申请内容仍不明确', /仍不明确/, 'unable'),
  row('ignored.complaint', '1.信访举报投诉类申请', /信访举报投诉/, 'ignored'),
  row('ignored.repeat', '2.重复申请', /重复申请/, 'ignored'),
  row('ignored.publication', '3.要求提供公开出版物', /公开出版物/, 'ignored'),
  row('ignored.massive', '4.无正当理由大量反复申请', /大量反复/, 'ignored'),
  row('ignored.confirm', '5.要求行政机关确认或重新出具已获取信息', /确认或重新出具/, 'ignored'),
];

const OTHER_SPLIT: RowDef[] = [
  row('other.overdueSupplement', '1.申请人无正当理由逾期不补正', /逾期不补正/, 'other'),
  row('other.overdueFee', '2.申请人逾期未按收费通知要求缴纳费用', /逾期未按收费通知|缴纳费用/, 'other'),
  row('other.misc', '3.其他', /^3\.其他$/, 'other'),
];
const OTHER_SINGLE: RowDef[] = [row('other', '（六）其他处理', /其他处理/)];

const TAIL_ROWS: RowDef[] = [
  row('total', '（七）总计', /总计/),
  row('carryForward', '四、结转下年度继续办理', /结转下一?年度/),
];

/** Result rows (三、本年度办理结果) whose sum is （七）总计, in form order. */
export function resultRowIds(otherSplit: boolean): string[] {
  const rows = [...HEAD_ROWS.slice(2), ...(otherSplit ? OTHER_SPLIT : OTHER_SINGLE)];
  return rows.map((r) => r.id);
}

export function applySection(otherSplit: boolean): SectionDef {
  return {
    key: '三',
    name: '表三',
    topic: '依申请公开',
    title: '三、收到和处理政府信息公开申请情况',
    titleMatch: /收到和处理政府信息公开申请/,
    groups: APPLY_GROUPS,
    rows: [...HEAD_ROWS, ...(otherSplit ? OTHER_SPLIT : OTHER_SINGLE), ...TAIL_ROWS],
    cols: APPLY_COLS,
    cellId: (r, c) => `apply.${r}.${c}`,
    quirks: {
      subtotal: { match: /小计|合计/, of: ['commercial', 'research', 'nonprofit', 'legal', 'otherOrg'] },
      colsFromHeader: true,
      groupRowValues: true,
    },
  };
}

export const APPEAL_GROUPS = [
  { id: 'review', label: '行政复议', match: /^行政复议(?:情况)?$/ },
  { id: 'suitDirect', label: '行政诉讼·未经复议直接起诉', match: /^(?:行政诉讼)?未经复议直接起诉$/ },
  { id: 'suitAfterReview', label: '行政诉讼·复议后起诉', match: /^(?:行政诉讼)?复议后起诉$/ },
] as const;

export const APPEAL_RESULTS = [
  { id: 'upheld', label: '结果维持', match: /结果维持/ },
  { id: 'corrected', label: '结果纠正', match: /结果纠正/ },
  { id: 'other', label: '其他结果', match: /其他结果/ },
  { id: 'pending', label: '尚未审结', match: /尚未审结/ },
  { id: 'total', label: '总计', match: /总计/ },
] as const;

/** Section 四 is one row of 15 values: three groups × five results. Rows here are the groups. */
export const appealSection: SectionDef = {
  key: '四',
  name: '表四',
  topic: '复议诉讼',
  title: '四、政府信息公开行政复议、行政诉讼情况',
  titleMatch: /行政复议.{0,2}行政诉讼情况/,
  rows: APPEAL_GROUPS.map((g) => ({ id: g.id, label: g.label, match: g.match })),
  cols: APPEAL_RESULTS,
  cellId: (r, c) => `appeal.${r}.${c}`,
  quirks: { oneRow: true },
};
