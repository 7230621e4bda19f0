/** CSV as Excel and WPS open it, safely: every CSV this extension writes or reads goes through here. */

/**
 * A cell a spreadsheet would take for a formula (= + - @, tab, CR) gets an apostrophe first (the
 * OWASP rule for CSV injection), then RFC 4180 quoting. Reading strips that apostrophe again.
 */
const FORMULA = /^[=+\-@\t\r]/;
export const neutralise = (s: string) => (FORMULA.test(s) ? `'${s}` : s);
export const unneutralise = (s: string) => (s.startsWith("'") && FORMULA.test(s.slice(1)) ? s.slice(1) : s);
export const csvField = (raw: string) => {
  const s = neutralise(raw);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** Rows as a file: UTF-8 with BOM (so Excel opens the Chinese as Chinese) and CRLF. */
export function csvText(rows: readonly (readonly string[])[]): string {
  return '\uFEFF' + rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** RFC 4180 records (quoted fields may hold commas, quotes and line breaks). */
export function splitCsv(text: string): string[][] | null {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const s = text.replace(/^\uFEFF/, '');
  while (i < s.length) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') (field += '"'), (i += 2);
      else if (ch === '"') (quoted = false), i++;
      else (field += ch), i++;
      continue;
    }
    if (ch === '"' && field === '') (quoted = true), i++;
    else if (ch === ',') row.push(field), (field = ''), i++;
    else if (ch === '\r' || ch === '\n') {
      row.push(field), (field = '');
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
      i += ch === '\r' && s[i + 1] === '\n' ? 2 : 1;
    } else (field += ch), i++;
  }
  if (quoted) return null;
  row.push(field);
  if (row.some((f) => f !== '')) rows.push(row);
  return rows;
}

