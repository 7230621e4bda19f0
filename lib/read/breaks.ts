/**
 * Spaces around line breaks, found in one pass. The regex `[ \t\u00a0]*\n\s*` retries from every
 * space of a long run that holds no break, which is quadratic in the run's length (a paragraph of
 * 20k `&nbsp;` took seconds).
 */

const isHorizontal = (code: number) => code === 32 || code === 9 || code === 0xa0;
const isSpace = (code: number) => (code >= 9 && code <= 13) || code === 32 || code === 0xa0 || code === 0x3000 || code === 0xfeff || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f;

/** Each `[ \t\u00a0]*\n\s*` of `text`, leftmost first, as [start, end). */
export function breakRuns(text: string): [number, number][] {
  const out: [number, number][] = [];
  let done = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) !== 10) continue;
    let start = i;
    while (start > done && isHorizontal(text.charCodeAt(start - 1))) start--;
    let end = i + 1;
    while (end < text.length && isSpace(text.charCodeAt(end))) end++;
    out.push([start, end]);
    done = end;
    i = end - 1;
  }
  return out;
}

/** `text` with every run of spaces around a line break (`runs`, when already found) made one `\n`. */
export function collapseBreaks(text: string, runs: readonly [number, number][] = breakRuns(text)): string {
  if (!runs.length) return text;
  const parts: string[] = [];
  let last = 0;
  for (const [s, e] of runs) {
    parts.push(text.slice(last, s), '\n');
    last = e;
  }
  parts.push(text.slice(last));
  return parts.join('');
}
