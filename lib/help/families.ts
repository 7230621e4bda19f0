import { rulesOf } from '../formats/rules';
import { FORMAT_IDS, type FormatId } from '../formats/types';
import type { Severity } from '../report';

/** What one family of rules checks, in plain Chinese (the help page's list). */
export interface RuleFamily {
  id: string;
  title: string;
  what: string;
  /** From the declarations: the severities its rules carry. */
  severities: Severity[];
  formats: FormatId[];
}

/** A family is a rule id without its running number: C-H1 … C-H11 are one family; C-H13 is its own. */
export function familyOf(rule: string): string {
  return /^C-H\d+$/.test(rule) && rule !== 'C-H13' ? 'C-H' : /^C-S\d+$/.test(rule) ? 'C-S' : rule;
}

/** The words for each family of the declared rules (lib/formats/rules). A test keeps it complete. */
export const DECLARED_WORDS: Record<string, { title: string; what: string }> = {
  'T3-BAL': { title: '表三收支平衡', what: '每一列：本年新收 + 上年结转 = 办理结果总计 + 结转下年度继续办理。' },
  'T3-TOT': { title: '表三办理结果合计', what: '每一列：办理结果总计等于各项办理结果之和；「不予公开」「无法提供」等小计等于其下各项之和。' },
  'T3-ROWSUM': { title: '表三申请人合计', what: '每一行：总计等于自然人与各类法人或其他组织之和。' },
  'T4-SUM': { title: '表四复议诉讼合计', what: '行政复议、行政诉讼各组：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结。' },
  'X-CARRY': { title: '与上年衔接（结转）', what: '表三「上年结转」应等于上年报告的「结转下年度继续办理」。需要先保存或导入上年数据。' },
  'X-STOCK': { title: '与上年衔接（现行有效件数）', what: '表二：现行有效件数 = 上年现行有效件数 + 本年制发件数 − 本年废止件数。' },
  'X-ITEMS': { title: '与上年衔接（项目数）', what: '表二：上一年项目数应等于上年报告的上一年项目数加上年增减。' },
  'P-CARRYSIZE': { title: '结转数偏大', what: '结转下年度继续办理的申请超过本年全部申请的一半时，提示核实。' },
  'C-H': { title: '合计等于分项之和', what: '2014年版统计表：各合计项等于其下分项之和（「其中」项不计入）。' },
  'C-H13': { title: '「其中」项不超过所属项', what: '2014年版统计表：「其中」一行的数不能大于它所属的那一项。' },
  'C-S': { title: '通常成立的大小关系', what: '2014年版统计表：如办结数不多于受理数、培训人次不少于培训次数。' },
  'C-CUM': { title: '历年累计', what: '历年累计数不能小于本年数。' },
};

/** Checks written as code rather than declared rules (lib/rules/domain, plausibility, narrative). */
export const OTHER_CHECKS: readonly RuleFamily[] = [
  { id: 'DOM', title: '格内数字', what: '件数、人次须为不小于0的整数，金额（万元）须为不小于0的数；空白格或「/」「—」等也会提示，请确认是否应填0。', severities: ['error', 'warning'], formats: [...FORMAT_IDS] },
  { id: 'P-FORMAT', title: '表式与年度', what: '报告年度已应使用新表式时，提示所用表式已过时。', severities: ['error', 'warning'], formats: [...FORMAT_IDS] },
  { id: 'L-SUM', title: '地方表合计', what: '更早的地方统计表：合计行等于其下各项之和（各地表式不一，从宽检查）。', severities: ['warning'], formats: ['local'] },
  { id: 'X-DUP', title: '与上年完全相同', what: '本年各数与上年报告完全一样时，提示核实是否误用了上年的表。', severities: ['warning'], formats: [...FORMAT_IDS] },
  { id: 'P-TEXT', title: '正文与表格一致', what: '报告正文里写到的数字（如「共受理申请50件」）应与表中对应格一致。', severities: ['warning'], formats: [...FORMAT_IDS] },
  { id: 'P-REG', title: '规章数', what: '县、乡镇和部门一般没有规章制定权，规章数不为0时提示核实。', severities: ['info'], formats: ['gov2021', 'gov2019'] },
];

/** Every family of declared rules, in the order the formats declare them, with their severities. */
export function declaredFamilies(): RuleFamily[] {
  const out = new Map<string, RuleFamily>();
  for (const format of FORMAT_IDS) {
    for (const r of rulesOf(format)) {
      const id = familyOf(r.rule);
      const words = DECLARED_WORDS[id] ?? { title: id, what: '' };
      let f = out.get(id);
      if (!f) out.set(id, (f = { id, ...words, severities: [], formats: [] }));
      if (!f.severities.includes(r.severity)) f.severities.push(r.severity);
      if (!f.formats.includes(format)) f.formats.push(format);
    }
  }
  return [...out.values()];
}
