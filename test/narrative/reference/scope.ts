/**
 * Words that put a figure outside the reporting body's own table for the year: other bodies
 * (全市, 各部门, 街道), other counts (备案, 累计, 历年), comparisons (同比, 较去年) and sub-scopes
 * (本级, 其中 for totals, handled by the caller). Tested on the sentence text before the figure.
 */
const OTHER_SCOPE = new RegExp(
  [
    '全(?:市|区|县|省|州|盟|旗|镇|乡|国|系统)',
    '各(?:部门|单位|街道|镇|乡镇|区|县|地|级|委办局|处室)',
    '街道', '乡镇', '区属', '市属', '县属', '下属', '所属', '直属', '本级', '市级', '区级', '县级',
    '备案', '累计', '历年', '历史', '平均', '截至目前', '截止目前', '至今', '以来',
  ].join('|'),
);
/** Comparisons describe the figure of their own clause only (申请数量较去年回落12.3%；答复…805件). */
const COMPARISON = /同比|环比|去年(?!结转)|上一年(?!度?结转)|上年同期|较上年|比上年|增长|下降|减少|增加|回落|上升/;

/** The scope word that puts a figure out of the table's scope: `sentence` = text before it, `clause` = its clause. */
export function otherScope(sentence: string, clause: string): string | null {
  return sentence.match(OTHER_SCOPE)?.[0] ?? clause.match(COMPARISON)?.[0] ?? null;
}

/** A year named in the text before the figure that is not the report year (2018年, 2018全年). */
export function otherYear(before: string, year: number | null): number | null {
  if (year === null) return null;
  for (const m of before.matchAll(/(?<!\d)((?:19|20)\d{2})(?=年|全年)/g)) {
    const y = Number(m[1]);
    if (y !== year) return y;
  }
  return null;
}
