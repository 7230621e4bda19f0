import { toSimplified } from '../formats/traditional';

/** Full-width ASCII, the ideographic space and ﹝﹞. */
const WIDE = /[\uff01-\uff5e\u3000\ufe5d\ufe5e]/g;
const narrow = (ch: string) =>
  ch === '\u3000' ? ' ' : ch === '\ufe5d' ? '〔' : ch === '\ufe5e' ? '〕' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0);
/** Words that traditional-character mirrors replace (zh-TW usage), same length. */
const WORDS = [['资讯', '信息'], ['网路', '网络'], ['入口网站', '门户网站'], ['性档案', '性文件']] as const;

/**
 * Character-for-character normalisation (the result has the same length as the input, so spans
 * carry over): full-width ASCII to half-width, ideographic space to space, ﹝﹞ to 〔〕,
 * traditional to simplified.
 */
export function normalizeChars(text: string): string {
  let out = toSimplified(text);
  WIDE.lastIndex = 0;
  if (WIDE.test(out)) out = out.replace(WIDE, narrow);
  for (const [word, simplified] of WORDS) if (out.includes(word)) out = out.replaceAll(word, simplified);
  return out;
}

/**
 * The narrative without whitespace, for matching across PDF line wraps (`办结 1191 件（含\n上年结转`).
 * `pos[i]` is the index in the original text of compact character i. Hard boundaries (`|`) stand
 * for table rows, headings and whitespace between two digits, so that separate figures never merge.
 */
export interface Compact {
  text: string;
  pos: Int32Array;
}

const HEADING = /^\s*(?:[一二三四五六七八九十]+[、.]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d))/;
const PAGE_MARK = /^\s*[—–-]\s*\d{1,3}\s*[—–-]\s*$/;
/** The spaces a line may hold (line breaks are split on first): space, \t \v \f \r, no-break, zero-width, BOM. */
const isSpace = (code: number) => (code <= 32 ? code === 32 || (code >= 9 && code <= 13) : code === 0xa0 || code === 0x200b || code === 0xfeff);
const BAR = 0x7c; // '|'
const isDigit = (code: number) => code >= 0x30 && code <= 0x39;

export function compact(original: string): Compact {
  const norm = normalizeChars(original);
  const lines = norm.split('\n');
  // Each character gives at most one, and each line at most two boundaries.
  const pos = new Int32Array(norm.length + 2 * lines.length);
  const parts: string[] = [];
  let n = 0;
  let last = -1; // char code of the last character put, -1 = none
  const bar = (at: number) => {
    parts.push('|');
    pos[n++] = at;
    last = BAR;
  };
  let offset = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const start = offset;
    offset += line.length + 1;
    if (PAGE_MARK.test(line)) continue;
    const tableRow = line.includes('|');
    const heading = HEADING.test(line);
    // A line break is a boundary before a heading, around table rows and after a blank line.
    const digitsMeet = isDigit(last) && /^\s*\d/.test(line);
    if (i > 0 && (tableRow || digitsMeet || heading || line.trim() === '') && last !== BAR) bar(start);
    // Table rows are not narrative: keep only a boundary.
    if (tableRow) continue;
    // A heading line on its own (（一）主动公开情况) ends where it ends.
    const headingOnly = heading && line.trim().length <= 30 && !/[。，,；;]/.test(line);
    let from = 0; // start of the characters not yet put in `parts`
    for (let j = 0; j < line.length; j++) {
      if (!isSpace(line.charCodeAt(j))) {
        pos[n++] = start + j;
        continue;
      }
      if (j > from) {
        parts.push(line.slice(from, j));
        last = line.charCodeAt(j - 1);
      }
      // the whole run at once: looking ahead from each of its spaces is quadratic in its length
      let k = j + 1;
      while (k < line.length && isSpace(line.charCodeAt(k))) k++;
      // whitespace between two digits keeps them apart
      if (isDigit(last) && isDigit(line.charCodeAt(k))) bar(start + j);
      from = k;
      j = k - 1;
    }
    if (line.length > from) {
      parts.push(from === 0 ? line : line.slice(from));
      last = line.charCodeAt(line.length - 1);
    }
    if (headingOnly && last !== BAR) bar(start + line.length);
  }
  return { text: parts.join(''), pos: pos.subarray(0, n) };
}

/** A sentence of the compact text: between 。！？；| and the like. */
export interface Sentence {
  start: number;
  end: number;
}

const SENTENCE_END = /[。！？!?；;|]/g;

export function sentences(c: Compact): Sentence[] {
  const out: Sentence[] = [];
  const t = c.text;
  let start = 0;
  for (SENTENCE_END.lastIndex = 0; ; ) {
    const m = SENTENCE_END.exec(t);
    const i = m ? m.index : t.length;
    if (i > start) out.push({ start, end: i });
    if (!m) return out;
    start = i + 1;
  }
}
