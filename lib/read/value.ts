import type { CellKind } from '../formats/types';

/** What a cell's text says: a number, "not filled", or something that is not a number. */
export interface ParsedValue {
  value: number | null;
  unreadable?: boolean;
}

/** Blank and placeholder spellings that mean "not filled" (spec: kept distinct from 0). */
const PLACEHOLDER = /^(?:[/／\\\-－—–―_＿~～]+|无|無|不适用|不適用|空|暂无|N\/?A|null)$/i;
/** Units a clerk may type into a count or amount cell. */
const COUNT_UNIT = /(?:件|条|個|个|人次|人|次|篇|项|項|份|期|场|家)$/;
const NUMBER = /^[+-]?(?:\d+(?:\.\d+)?|\.\d+)$/;
/** A leading number followed by a bracketed note: `22（其中修订16件）`. */
const NOTED = /^([+-]?\d+(?:\.\d+)?)[（(].*[)）]?$/;
/** A change written in words in a 本年增/减 cell: `减4`, `增加1`, `减少2`. */
const WORDED_CHANGE = /^(增|减)(?:加|少)?(\d+)$/;

function compact(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, '')
    .replace(/[－﹣−‐]/g, '-')
    .replace(/[＋]/g, '+');
}

/** Whether a cell's text means "not filled" (blank or a placeholder spelling), kept distinct from 0. */
export function isPlaceholder(raw: string): boolean {
  const s = compact(raw);
  return s === '' || PLACEHOLDER.test(s);
}

/** Reads a cell: integers with separators, full-width digits, signs, decimals, `251000元`. */
export function parseValue(raw: string, kind: CellKind = 'count'): ParsedValue {
  if (isPlaceholder(raw)) return { value: null };
  let s = compact(raw);
  const change = kind === 'signed' ? WORDED_CHANGE.exec(s) : null;
  if (change) return { value: (change[1] === '减' ? -1 : 1) * Number(change[2]) };
  // thousands separators: 1,234 / 1，234 (NFKC turns ， into ,)
  if (/^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?/.test(s)) s = s.replace(/,/g, '');
  let scale = 1;
  if (s.endsWith('万元')) s = s.slice(0, -2);
  else if (s.endsWith('元')) {
    s = s.slice(0, -1);
    if (kind === 'amount') scale = 1 / 10000;
    else return { value: null, unreadable: true };
  } else if (s.endsWith('万')) {
    s = s.slice(0, -1);
    if (kind !== 'amount') scale = 10000;
  } else s = s.replace(COUNT_UNIT, '');
  if (!NUMBER.test(s)) {
    const m = NOTED.exec(s);
    if (!m) return { value: null, unreadable: true };
    s = m[1]!;
  }
  const n = Number(s) * scale;
  if (!Number.isFinite(n)) return { value: null, unreadable: true };
  return { value: scale === 1 ? n : Math.round(n * 1e6) / 1e6 };
}

/** True when the text reads as a value (number or placeholder), not as a label. */
export function isValueText(raw: string): boolean {
  return parseValue(raw, 'amount').unreadable !== true;
}

/** Units written in a column of their own (gov2014: 统计指标 | 单位 | 统计数). */
const UNIT_ONLY = /^(?:件|条|個|个|人次|人|次|篇|项|項|份|期|场|家|万元|萬元|元|户|名|期|本)$/;
export function isUnitText(raw: string): boolean {
  return UNIT_ONLY.test(compact(raw));
}
