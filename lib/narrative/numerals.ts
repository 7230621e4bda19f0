/** Numbers as reports write them: 23, 1,295, 0.5, 二十三, 一百零五, 两, 二〇二一. */

const DIGIT: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const SMALL_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNIT: Record<string, number> = { 万: 1e4, 亿: 1e8 };

export const CHINESE_NUMERAL = '[零〇一二两三四五六七八九十百千万亿]';

/** Value of a Chinese numeral, or null when the characters do not form one (千, 万万, 十十). */
export function parseChineseNumeral(s: string): number | null {
  if (!s || !/[零〇一二两三四五六七八九十]/.test(s)) return null;
  if (!/[十百千万亿]/.test(s)) {
    // Positional digits (二〇二一) need a zero; 二三件 means "two or three".
    if (s.length > 1 && !/[〇零]/.test(s)) return null;
    let v = 0;
    for (const ch of s) {
      const d = DIGIT[ch];
      if (d === undefined) return null;
      v = v * 10 + d;
    }
    return v;
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  let lastSmall = Infinity;
  for (const ch of s) {
    if (ch in DIGIT) {
      if (digit !== null && DIGIT[ch] !== 0 && digit !== 0) return null; // 二三
      digit = DIGIT[ch]!;
    } else if (ch in SMALL_UNIT) {
      const u = SMALL_UNIT[ch]!;
      if (u >= lastSmall) return null;
      lastSmall = u;
      section += (digit ?? 1) * u; // 十二 = 12
      digit = null;
    } else if (ch in BIG_UNIT) {
      section += digit ?? 0;
      if (section === 0) return null;
      total += section * BIG_UNIT[ch]!;
      section = 0;
      digit = null;
      lastSmall = Infinity;
    } else return null;
  }
  return total + section + (digit ?? 0);
}

/** Value of an Arabic number as written (separators `,`, decimals), or null. */
export function parseArabic(s: string): number | null {
  if (!/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$/.test(s)) return null;
  return Number(s.replace(/,/g, ''));
}
