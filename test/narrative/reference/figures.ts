import { CHINESE_NUMERAL, parseArabic, parseChineseNumeral } from '@/lib/narrative/numerals';

/** Units a compared figure may carry, longest first. 万 before a unit multiplies (45.9万人). */
export const UNITS = ['万元', '人次', '件次', '元', '件', '条', '次', '人', '个', '场', '份', '起', '宗', '篇', '期', '项', '名', '家', '部'] as const;
export type Unit = (typeof UNITS)[number];

/** A number quoted in the (compact) narrative, with its unit. Indices are into the compact text. */
export interface Figure {
  value: number;
  unit: Unit;
  /** Number start (compact index). */
  start: number;
  /** End of the unit (compact index, exclusive). */
  end: number;
  /** Text of the number and unit as written (compact). */
  text: string;
}

const NUMBER = new RegExp(`\\d+(?:,\\d{3})*(?:\\.\\d+)?|${CHINESE_NUMERAL}+`, 'g');
const APPROX_BEFORE = /(?:近|约|大约|将近|接近|超过|超|逾|不足|不到|百分之)$/;
const APPROX_AFTER_NUMBER = /^(?:余|多|来|几)/;
const APPROX_AFTER_UNIT = /^(?:左右|以上|以下|上下|余|多)/;
const RANGE_BEFORE = /(?:\d|[零〇一二两三四五六七八九十])(?:-|~|～|—|–|至|到)$/;
const PHONE_BEFORE = /\d[-—–]$/;

/**
 * Every figure of the compact text that could be a count or amount: a number with one of UNITS,
 * not an ordinal (第三次), percentage, range (3至5件), approximation (近300个, 10余人), phone or
 * document number (〔2021〕30号 has no unit), and not inside 《》 or 〔〕.
 */
export function findFigures(t: string): Figure[] {
  const out: Figure[] = [];
  const inside = bracketScanner(t);
  for (const m of t.matchAll(NUMBER)) {
    const start = m.index;
    const raw = m[0];
    let value: number | null;
    let rest = t.slice(start + raw.length, start + raw.length + 8);
    if (/^\d/.test(raw)) {
      value = parseArabic(raw);
    } else {
      // A Chinese run is a numeral only where it is not part of a word (统一, 第一, 之一).
      const prev = t[start - 1] ?? '';
      if (/[统唯逐之万第每单同数几上]/.test(prev)) continue;
      value = parseChineseNumeral(raw);
    }
    if (value === null) continue;
    const before = t.slice(Math.max(0, start - 4), start);
    if (/第$/.test(before) || APPROX_BEFORE.test(before) || RANGE_BEFORE.test(before) || PHONE_BEFORE.test(before)) continue;
    if (/^[-—–]\d/.test(rest) || /^[%％‰]/.test(rest) || APPROX_AFTER_NUMBER.test(rest)) continue;
    let mult = 1;
    if (/^\d/.test(raw) && rest.startsWith('万') && !rest.startsWith('万元')) {
      mult = 1e4;
      rest = rest.slice(1);
    }
    const unit = UNITS.find((u) => rest.startsWith(u));
    if (!unit) continue;
    if (APPROX_AFTER_UNIT.test(rest.slice(unit.length))) continue;
    if (raw.includes('.') && unit !== '万元' && unit !== '元' && mult === 1) continue;
    if (inside(start)) continue;
    const end = start + raw.length + (mult === 1 ? 0 : 1) + unit.length;
    out.push({ value: value * mult, unit, start, end, text: t.slice(start, end) });
  }
  return out;
}

const BRACKETS = [['《', '》'], ['〔', '〕'], ['[', ']']] as const;

/**
 * Whether index i is inside 《…》 or 〔…〕 (titles and document numbers): an opening mark before
 * it not yet closed, and a closing mark somewhere after. Asked with increasing i, it reads the
 * text once (searching back and forth for each figure is quadratic in a long sentence).
 */
function bracketScanner(t: string): (i: number) => boolean {
  const lastClose = BRACKETS.map(([, close]) => t.lastIndexOf(close));
  const open = BRACKETS.map(() => -1);
  const closed = BRACKETS.map(() => -1);
  let at = 0;
  return (i) => {
    for (; at <= i && at < t.length; at++) {
      const ch = t[at];
      BRACKETS.forEach(([o, c], k) => {
        if (ch === o) open[k] = at;
        else if (ch === c) closed[k] = at;
      });
    }
    return BRACKETS.some((_, k) => open[k]! >= 0 && closed[k]! < open[k]! && lastClose[k]! >= i);
  };
}
