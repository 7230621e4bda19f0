import { currentLocale, type Locale } from '../i18n';
import { locate, type Localisation } from '../locate';
import { sameValues, type CheckInput, type Finding } from '../report';
import { unwordedFindings } from '../rules';

/** What the table alone says: the engine's findings (unworded), and which cell is most likely mistyped. */
export interface TablePart {
  engine: Finding[];
  /** The localisation, computed on the first call. */
  localise(): Localisation;
}

/** The engine's input with no narrative: the table, as lib/check hands it to the engine. */
export type TableInput = Omit<CheckInput, 'narrative'>;

interface Kept {
  input: TableInput;
  prior: CheckInput | undefined;
  recent: readonly string[];
  locale: Locale;
  part: TablePart;
}

/**
 * The live page checks an unchanged table again: when the narrative is checked once typing pauses, and on
 * flushes for other reasons. The last few answers are kept by everything they depend on (the table's input, last
 * year's data, the recently edited cells, the locale of their words); a page may hold several reports.
 * The engine's findings are handed out again as they are: lib/check writes their words in place once
 * (rules/findings wordFindings) and nothing else changes them.
 */
const KEPT = 4;
let kept: Kept[] = [];

export function tablePart(input: TableInput, prior: CheckInput | undefined, recent: readonly string[]): TablePart {
  const locale = currentLocale();
  const hit = kept.find((k) => k.locale === locale && sameTable(k.input, input) && samePrior(k.prior, prior) && sameList(k.recent, recent));
  if (hit) return hit.part;
  const engine = unwordedFindings(input, prior);
  const own = { input: copyOf(input), prior: prior && copyOf(prior), recent: [...recent] };
  let loc: Localisation | undefined;
  const localise = () => (loc ??= locate(own.input, { recentlyEdited: own.recent, ...(own.prior ? { prior: own.prior } : {}) }));
  const part = { engine, localise };
  kept = [{ ...own, locale, part }, ...kept.slice(0, KEPT - 1)];
  return part;
}

/** A copy of what is compared later: callers may change their input objects in place afterwards. */
function copyOf(x: TableInput): TableInput {
  const out: TableInput = { format: x.format, year: x.year, values: { ...x.values } };
  if (x.body !== undefined) out.body = x.body;
  if (x.raw !== undefined) out.raw = { ...x.raw };
  return out;
}

function sameTable(a: TableInput, b: TableInput): boolean {
  return a.format === b.format && a.year === b.year && a.body === b.body && sameValues(a.values, b.values) && sameRaw(a.raw, b.raw);
}

const samePrior = (a: CheckInput | undefined, b: CheckInput | undefined): boolean => (a && b ? sameTable(a, b) : a === b);

const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** Same cells with the same unreadable text (the engine's findings follow the cells' order, not the texts'). */
function sameRaw(a: Readonly<Record<string, string>> | undefined, b: Readonly<Record<string, string>> | undefined): boolean {
  if (!a || !b) return a === b;
  const ids = Object.keys(a);
  return ids.length === Object.keys(b).length && ids.every((id) => a[id] === b[id]);
}
