import type { TypoKind } from './types';

/**
 * How often each slip was found among typing errors in business statistics (Scholtus 2009, §6:
 * 112 replaced, 15 omitted, 14 interchanged, 11 added digits), used to order equally minimal fixes.
 */
export const TYPO_WEIGHT: Record<TypoKind, number> = { replace: 112, drop: 15, swap: 14, insert: 11 };

const ORDER: readonly TypoKind[] = ['replace', 'drop', 'swap', 'insert'];

/**
 * Whether `typed` is the number a user gets by one slip while typing `intended`: one digit
 * replaced, two adjacent digits swapped, a digit inserted or a digit dropped. A typed string is
 * read as a number, so leading zeros vanish: typing 105 with the 1 dropped reads as 5.
 */
export function typoKind(typed: number, intended: number): TypoKind | null {
  if (typed === intended) return null;
  const t = String(intended);
  const s = String(typed);
  const forms = [s];
  if (typed >= 0 && intended >= 0) {
    for (let len = s.length + 1; len <= t.length + 1; len++) forms.push(s.padStart(len, '0'));
  }
  // The number as read first (15 read as 5: a dropped 1), then with the zeros typed before it.
  for (const f of forms) for (const kind of ORDER) if (slip(kind, f, t)) return kind;
  return null;
}

function slip(kind: TypoKind, s: string, t: string): boolean {
  switch (kind) {
    case 'replace':
      return s.length === t.length && diffs(s, t).length === 1;
    case 'swap': {
      if (s.length !== t.length) return false;
      const d = diffs(s, t);
      return d.length === 2 && d[1] === d[0]! + 1 && s[d[0]!] === t[d[1]!] && s[d[1]!] === t[d[0]!];
    }
    case 'insert':
      return s.length === t.length + 1 && dropsTo(s, t);
    case 'drop':
      return s.length === t.length - 1 && dropsTo(t, s);
  }
}

function diffs(a: string, b: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) out.push(i);
  return out;
}

/** Whether removing one character of `long` gives `short`. */
function dropsTo(long: string, short: string): boolean {
  let i = 0;
  while (i < short.length && long[i] === short[i]) i++;
  return long.slice(i + 1) === short.slice(i);
}
