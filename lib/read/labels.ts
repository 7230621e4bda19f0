import { normalizeLabel } from '../formats/normalize';

const NUMBERING = /^(?:（[一二三四五六七八九十]{1,3}）|[一二三四五六七八九十]{1,3}、|\d{1,2}\.)/;

/** Item number a label starts with: `（三）`, `四、`, `2.` (normalised); '' when none. */
export function numbering(label: string): string {
  return numberingOfNorm(normalizeLabel(label));
}

/** Same, for a label already normalised. */
export function numberingOfNorm(norm: string): string {
  const m = NUMBERING.exec(norm);
  return m ? m[0] : '';
}

function stripNotes(norm: string): string {
  let s = norm;
  for (let i = 0; i < 4 && s.includes('（'); i++) s = s.replace(/（[^（）]*）/g, '');
  return s.replace(/（.*$/, '');
}

/** A sentence of the narrative, not a table label: ends a row being read from text. */
export function isSentence(norm: string): boolean {
  return norm.includes('。') || stripNotes(norm).length > 60;
}

/** True when a normalised piece of text can be a row label: short, no sentence punctuation. */
export function labelShaped(norm: string): boolean {
  const s = stripNotes(norm);
  return s.length > 0 && s.length <= 60 && !/[,。;!?]/.test(s);
}
