import type { CheckInput, Values } from '@/lib/report';

/**
 * 表三 and 表四 of a real, consistent gov2021 report, typed by hand from
 * ../shared/corpus/2025-shanghai-office-1.txt (上海市人民政府办公厅, 2025).
 * Columns: 自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计.
 */
const APPLY: Record<string, number[]> = {
  new: [1259, 36, 0, 0, 0, 0, 1295],
  carried: [170, 15, 0, 0, 4, 0, 189],
  granted: [201, 5, 0, 0, 0, 0, 206],
  partial: [2, 0, 0, 0, 0, 0, 2],
  'withheld.stateSecret': [4, 0, 0, 0, 0, 0, 4],
  'withheld.lawForbidden': [0, 0, 0, 0, 0, 0, 0],
  'withheld.threeSafety': [1, 0, 0, 0, 0, 0, 1],
  'withheld.thirdParty': [0, 0, 0, 0, 0, 0, 0],
  'withheld.internal': [8, 0, 0, 0, 1, 0, 9],
  'withheld.process': [1, 0, 0, 0, 0, 0, 1],
  'withheld.enforcement': [0, 0, 0, 0, 0, 0, 0],
  'withheld.query': [5, 0, 0, 0, 0, 0, 5],
  'unable.notHeld': [484, 28, 0, 0, 1, 0, 513],
  'unable.needCreate': [47, 1, 0, 0, 0, 0, 48],
  'unable.unclear': [3, 0, 0, 0, 0, 0, 3],
  'ignored.complaint': [61, 1, 0, 0, 0, 0, 62],
  'ignored.repeat': [16, 0, 0, 0, 0, 0, 16],
  'ignored.publication': [1, 0, 0, 0, 0, 0, 1],
  'ignored.massive': [1, 0, 0, 0, 0, 0, 1],
  'ignored.confirm': [0, 0, 0, 0, 0, 0, 0],
  'other.overdueSupplement': [40, 1, 0, 0, 2, 0, 43],
  'other.overdueFee': [0, 0, 0, 0, 0, 0, 0],
  'other.misc': [264, 12, 0, 0, 0, 0, 276],
  total: [1139, 48, 0, 0, 4, 0, 1191],
  carryForward: [290, 3, 0, 0, 0, 0, 293],
};
const COLS = ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'otherOrg', 'total'];

/** 行政复议 · 未经复议直接起诉 · 复议后起诉: 结果维持 结果纠正 其他结果 尚未审结 总计. */
const APPEAL: Record<string, number[]> = {
  review: [40, 0, 10, 5, 55],
  suitDirect: [2, 0, 4, 6, 12],
  suitAfterReview: [6, 0, 9, 7, 22],
};
const RESULTS = ['upheld', 'corrected', 'other', 'pending', 'total'];

export function shanghai2025(): CheckInput {
  const values: Values = {};
  for (const [row, xs] of Object.entries(APPLY)) xs.forEach((x, i) => (values[`apply.${row}.${COLS[i]}`] = x));
  for (const [g, xs] of Object.entries(APPEAL)) xs.forEach((x, i) => (values[`appeal.${g}.${RESULTS[i]}`] = x));
  return { format: 'gov2021', year: 2025, values };
}

/** The same report with some cells changed. */
export function edited(changes: Values): CheckInput {
  const r = shanghai2025();
  return { ...r, values: { ...r.values, ...changes } };
}
