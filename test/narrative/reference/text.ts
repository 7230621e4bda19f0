import { toSimplified } from './traditional';

/**
 * Character-for-character normalisation (the result has the same length as the input, so spans
 * carry over): full-width ASCII to half-width, ideographic space to space, ﹝﹞ to 〔〕,
 * traditional to simplified.
 */
export function normalizeChars(text: string): string {
  let out = '';
  for (const ch of toSimplified(text)) {
    const code = ch.charCodeAt(0);
    if (ch.length === 1 && code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (ch === '\u3000') out += ' ';
    else if (ch === '﹝') out += '〔';
    else if (ch === '﹞') out += '〕';
    else out += ch;
  }
  // Words that traditional-character mirrors replace (zh-TW usage), same length.
  return out.replace(/资讯/g, '信息').replace(/网路/g, '网络').replace(/入口网站/g, '门户网站').replace(/性档案/g, '性文件');
}

/**
 * The narrative without whitespace, for matching across PDF line wraps (`办结 1191 件（含\n上年结转`).
 * `pos[i]` is the index in the original text of compact character i. Hard boundaries (`|`) stand
 * for table rows, headings and whitespace between two digits, so that separate figures never merge.
 */
export interface Compact {
  text: string;
  pos: number[];
}

const HEADING = /^\s*(?:[一二三四五六七八九十]+[、.]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d))/;
const PAGE_MARK = /^\s*[—–-]\s*\d{1,3}\s*[—–-]\s*$/;
const SPACES = new Set([' ', '\t', '\r', '\f', '\v', '\u00a0', '\u200b', '\ufeff']);
const isSpace = (ch: string | undefined) => ch !== undefined && SPACES.has(ch);
const isDigit = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '9';

export function compact(original: string): Compact {
  const norm = normalizeChars(original);
  // Built as parts with the last character kept aside: reading the end of a string grown with `+=`
  // flattens it each time, which made many short lines quadratic.
  const parts: string[] = [];
  let last: string | undefined;
  const put = (ch: string, at: number) => {
    parts.push(ch);
    pos.push(at);
    last = ch;
  };
  const pos: number[] = [];
  const lines = norm.split('\n');
  let offset = 0;
  for (const [i, line] of lines.entries()) {
    const start = offset;
    offset += line.length + 1;
    if (PAGE_MARK.test(line)) continue;
    const tableRow = line.includes('|');
    // A line break is a boundary before a heading, around table rows and after a blank line.
    const digitsMeet = isDigit(last) && /^\s*\d/.test(line);
    if (i > 0 && (tableRow || digitsMeet || HEADING.test(line) || line.trim() === '') && last !== '|') put('|', start);
    // A heading line on its own (（一）主动公开情况) ends where it ends.
    const headingOnly = HEADING.test(line) && line.trim().length <= 30 && !/[。，,；;]/.test(line);
    if (tableRow) {
      // Table rows are not narrative: keep only a boundary.
      continue;
    }
    for (let j = 0; j < line.length; j++) {
      const ch = line[j]!;
      if (isSpace(ch)) {
        // the whole run at once: looking ahead from each of its spaces is quadratic in its length
        let k = j + 1;
        while (isSpace(line[k])) k++;
        if (isDigit(last) && isDigit(line[k])) put('|', start + j);
        j = k - 1;
        continue;
      }
      put(ch, start + j);
    }
    if (headingOnly && last !== '|') put('|', start + line.length);
  }
  return { text: parts.join(''), pos };
}

/** A sentence of the compact text: between 。！？；| and the like. */
export interface Sentence {
  start: number;
  end: number;
}

export function sentences(c: Compact): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const t = c.text;
  for (let i = 0; i <= t.length; i++) {
    if (i === t.length || /[。！？!?；;|]/.test(t[i]!)) {
      if (i > start) out.push({ start, end: i });
      start = i + 1;
    }
  }
  return out;
}
