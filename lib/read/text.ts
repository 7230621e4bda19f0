import type { Report } from '../report';
import { buildReport } from './report';
import { textTokens, type Tok } from './tokens';

/** Reads a report given as plain text: `|` renderings, one cell per line, or PDF reading order. */
export function readText(text: string, source = 'text'): Report[] {
  const tokens = textTokens(text);
  const report = buildReport({
    source,
    tokens,
    strict: false,
    headingText: text,
    narrative: (used) => narrativeOf(text, tokens, used),
  });
  return [report];
}

/** The lines of the text that carry no table label or value. */
function narrativeOf(text: string, tokens: readonly Tok[], used: Set<Tok>): string {
  const tableLines = new Set<number>();
  for (const t of tokens) if (used.has(t)) tableLines.add(t.row);
  return text
    .split('\n')
    .filter((line, i) => !tableLines.has(i + 1) && !line.includes('|'))
    .join('\n')
    .trim();
}
