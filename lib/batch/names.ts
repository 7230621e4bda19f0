/**
 * Whether two names denote the same body, tolerantly: 人民政府 = 政府, a trailing 办公室 or 办 dropped,
 * common short forms (发改委, 人社局 …), and a name given without its place prefix
 * (「财政局」 = 「某县财政局」). The one matcher of batch audit: cross-year pairs, coverage, parents.
 */

const SHORT: readonly [RegExp, string][] = [
  [/人民政府/g, '政府'],
  [/发展和改革委员会|发展改革委员会|发展和改革局|发展改革局/g, '发改委'],
  [/人力资源和社会保障/g, '人社'],
  [/住房和城乡建设/g, '住建'],
  [/自然资源和规划/g, '自然资源'],
  [/生态环境/g, '环保'],
  [/市场监督管理/g, '市场监管'],
  [/卫生健康委员会|卫生健康局|卫生和健康委员会/g, '卫健委'],
  [/教育和体育局|教育体育局/g, '教体局'],
  [/农业农村/g, '农业'],
  [/文化广电和旅游|文化广电旅游|文化和旅游/g, '文旅'],
  [/交通运输/g, '交通'],
  [/公共资源交易/g, '公管'],
  [/委员会$/g, '委'],
];

/** The name reduced to what identifies the body. */
export function nameKey(name: string): string {
  let s = name.normalize('NFKC').replace(/[\s\u3000·・,，.。、"“”'‘’()（）《》【】\[\]]/g, '');
  s = s.replace(/\d{4}年度?.*$/, '').replace(/政府信息公开.*$/, '');
  for (const [re, to] of SHORT) s = s.replace(re, to);
  s = s.replace(/(?:办公室|办)$/, '');
  return s;
}

/** A place-name prefix: what may be left when one key is the other without its place. */
const PLACE = /^(?:.+?(?:省|自治区|市|州|盟|地区|县|旗|区|镇|乡|街道|开发区|新区))+$/;

/** 0 = different, 1 = same without a place prefix, 2 = same key. */
export function nameScore(a: string, b: string): 0 | 1 | 2 {
  const x = nameKey(a);
  const y = nameKey(b);
  if (!x || !y) return 0;
  if (x === y) return 2;
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  if (short.length < 2 || !long.endsWith(short)) return 0;
  return PLACE.test(long.slice(0, long.length - short.length)) ? 1 : 0;
}

export const sameBody = (a: string, b: string): boolean => nameScore(a, b) > 0;

/** The best match for `name` among `names` (index), preferring exact keys; -1 when none. */
export function bestMatch(name: string, names: readonly string[]): number {
  let best = -1;
  let score = 0;
  names.forEach((n, i) => {
    const s = nameScore(name, n);
    if (s > score) {
      best = i;
      score = s;
    }
  });
  return best;
}
