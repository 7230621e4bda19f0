import { cellLabel, type FormatId } from '../formats';
import { APPLICANT_COL_IDS } from '../formats/apply-sections';
import { sameValues, type CheckInput, type Finding, type Values } from '../report';
import { currentLocale, t, type Locale } from '../i18n';
import { num } from '../rules/messages';
import { readClaims, type Claim } from './claims';
import type { Reading } from './sentence';

export { extractClaims, type Claim } from './claims';

/** A cell's value as the table states it; `derived` when a blank 总计 was summed from its row. */
interface Resolved {
  id: string;
  value: number | null;
  derived: boolean;
}

const APPEAL_RESULTS = ['upheld', 'corrected', 'other', 'pending'];

const TOTAL = /^(apply\.[\w.]+|appeal\.\w+)\.total$/;
const partsKept = new Map<string, readonly string[] | null>();

/** The cells a 总计 cell of section 三 or 四 sums (its row's), or null for any other cell. */
function partsOf(id: string): readonly string[] | null {
  let parts = partsKept.get(id);
  if (parts === undefined) {
    const m = TOTAL.exec(id);
    parts = m ? (id.startsWith('apply.') ? APPLICANT_COL_IDS : APPEAL_RESULTS).map((c) => `${m[1]}.${c}`) : null;
    partsKept.set(id, parts);
  }
  return parts;
}

/**
 * A cell's value; a blank 总计 cell of section 三 or 四 stands for the sum of its row when the row
 * has values (2019-shanghai-office-1 leaves the 总计 column blank). Undefined = not in the table.
 */
function resolve(values: Values, id: string): Resolved | undefined {
  const direct = values[id];
  const parts = partsOf(id);
  if (parts) {
    if (typeof direct === 'number') return { id, value: direct, derived: false };
    const ps = parts.map((p) => values[p]);
    if (direct === undefined && ps.every((p) => p === undefined)) return undefined;
    const nums = ps.filter((p): p is number => typeof p === 'number');
    if (nums.length === 0) return { id, value: null, derived: false };
    return { id, value: nums.reduce((a, b) => a + b, 0), derived: true };
  }
  if (direct === undefined) return undefined;
  return { id, value: direct, derived: false };
}

const fmt = num;

function describe(format: FormatId, ops: Resolved[]): string {
  const shown = ops.length <= 3 ? ops : ops.filter((o) => o.value);
  const parts = shown.map((o) => `${cellLabel(format, o.id)} ${o.value === null ? t('rule.blankValue') : fmt(o.value)}${o.derived ? t('narrative.derived') : ''}`);
  if (ops.length > 3) {
    const group = cellLabel(format, ops[0]!.id).split('·').slice(0, 2).join('·');
    return t('narrative.group', { group, parts: parts.join(t('common.enumSeparator')) || t('narrative.groupNone') });
  }
  return parts.join(' + ');
}

const QUOTE_MAX = 80;
function quote(s: string): string {
  return s.length > QUOTE_MAX ? `${s.slice(0, QUOTE_MAX)}…` : s;
}

/** The finding for one claim, or null when the table agrees or cannot tell. */
/** The cells' values and their sum, or null when the table lacks a cell or has none of them filled. */
function sumOf(values: Values, cells: string[]): { ops: Resolved[]; sum: number } | null {
  const ops: Resolved[] = [];
  let typed = false;
  let sum = 0;
  for (const id of cells) {
    const o = resolve(values, id);
    if (o === undefined) return null; // the table does not have every cell
    ops.push(o);
    if (o.value !== null) typed = true;
    sum += o.value ?? 0;
  }
  return typed ? { ops, sum } : null; // null: nothing typed yet
}

const same = (a: number, b: number) => Math.abs(a - b) < 1e-6;

/** One narrative figure and what the table says about it. */
export interface Comparison {
  claim: Claim;
  /** The table's sum of the named cells; null when the table lacks them or has none filled. */
  table: number | null;
  /** Set when the figure agrees with no reading of the table. */
  finding: Finding | null;
}

function compare(format: FormatId, claim: Claim, values: Values): Comparison {
  const main = sumOf(values, claim.cells);
  if (!main) return { claim, table: null, finding: null };
  const agreesWith = (cells: string[]) => {
    const alt = sumOf(values, cells);
    return alt !== null && same(alt.sum, claim.value);
  };
  if (same(main.sum, claim.value) || claim.alts.some(agreesWith)) return { claim, table: main.sum, finding: null };
  const { ops: resolved, sum: table } = main;
  const sum = resolved.length > 1 ? ` = ${fmt(table)}` : '';
  const diff = fmt(Math.abs(table - claim.value));
  const others = claim.alts
    .map((cells) => sumOf(values, cells))
    .filter((alt): alt is NonNullable<typeof alt> => alt !== null && !same(alt.sum, table))
    .map((alt) => t('narrative.also', { table: `${describe(format, alt.ops)}${alt.ops.length > 1 ? ` = ${fmt(alt.sum)}` : ''}` }))
    .join('');
  const finding: Finding = {
    rule: 'P-TEXT',
    severity: 'warning',
    cells: resolved.map((o) => o.id),
    message: t('narrative.mismatch', {
      quote: quote(claim.sentence.text),
      topic: claim.topic.name,
      figure: claim.figure,
      table: `${describe(format, resolved)}${sum}`,
      diff,
      others,
    }),
    span: { start: claim.sentence.start, end: claim.sentence.end },
  };
  return { claim, table, finding };
}

/** Every figure of the narrative that names table cells, with the table's value (for tests and the popup). */
export function compareNarrative(text: string, input: CheckInput): Comparison[] {
  const { values, format } = input;
  if (!text || !Object.values(values).some((v) => typeof v === 'number')) return [];
  const claims = readClaims(text, format, input.year, values);
  const kept = keptFor(format, values, claims.length);
  return claims.map(({ claim, reading }) => {
    const quoted = quote(claim.sentence.text);
    let byQuote = kept.get(reading);
    if (!byQuote) kept.set(reading, (byQuote = new Map()));
    let hit = byQuote.get(quoted);
    if (!hit) {
      const c = compare(format, claim, values);
      hit = { table: c.table, finding: c.finding && { ...c.finding, cells: [...c.finding.cells] } };
      byQuote.set(quoted, hit);
      return c;
    }
    const finding = hit.finding && { ...hit.finding, cells: [...hit.finding.cells], span: { start: claim.sentence.start, end: claim.sentence.end } };
    return { claim, table: hit.table, finding };
  });
}

/**
 * Typing in the narrative compares the same figures with the same table again: what a comparison says depends on
 * the claim's figure, words and sentence as quoted, the table's values, the format and the words' locale, and only its
 * span on where the sentence is. The comparisons of the last values are kept by exactly those: a claim's figure and
 * words by the sentence reading it came from (its cells follow from that reading and the values), then by the quote.
 */
type Kept = Map<Reading, Map<string, Omit<Comparison, 'claim'>>>;
let lastCompared: { format: FormatId; values: Values; locale: Locale; byReading: Kept } | null = null;

/** Forget the comparisons kept (for tests and benches that check or time a first comparison). */
export function forgetComparisons(): void {
  lastCompared = null;
}

/** The comparisons kept for these values; forgotten when they grow well past the claims of one text. */
function keptFor(format: FormatId, values: Values, claims: number): Kept {
  const locale = currentLocale();
  const last = lastCompared;
  if (last && last.format === format && last.locale === locale && sameValues(last.values, values) && last.byReading.size <= 2 * claims + 100) return last.byReading;
  lastCompared = { format, values: { ...values }, locale, byReading: new Map() };
  return lastCompared.byReading;
}

/**
 * P-TEXT: figures quoted in the narrative that disagree with the table cells they name. Advisory
 * (核实性) only; a figure is compared only when its words name the cells unambiguously.
 */
export function checkNarrative(text: string, input: CheckInput): Finding[] {
  return compareNarrative(text, input).flatMap((c) => (c.finding ? [c.finding] : []));
}
