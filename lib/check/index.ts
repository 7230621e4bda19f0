import { FORMATS } from '../formats';
import type { FormatId } from '../formats/types';
import { fixesOf, systemOf, type Fix } from '../locate';
import { checkNarrative } from '../narrative';
import { bySeverity, type CheckInput, type Finding, type Report } from '../report';
import { wordFindings } from '../rules';
import { inputOf, type InputSource } from '../rules/input';
import { annotate } from './annotate';
import { tablePart } from './table';

export { recentEdits } from './recent';

/**
 * The one way a report is checked (command line, live page, import preview, popup): its input
 * (rules/input inputOf), the rule engine, the narrative, then localisation folded into the
 * findings, so every view shows the same problems on the same cells with the same suggestion.
 */

export interface CheckOptions {
  /** Last year's data (cross-year rules, and agreement with last year when localising). */
  prior?: CheckInput;
  /** Cells the user edited, most recent first: on a tie, the cell just typed in is suggested. */
  recentlyEdited?: readonly string[];
  /**
   * The narrative's findings when already at hand: used as they are instead of checking the
   * narrative again (the live page checks it apart, once typing in the table pauses).
   */
  narrative?: readonly Finding[];
}

/** The localisation's answer as the popup shows it: its words, and each value it can apply. */
export interface Suggestion {
  message: string;
  fixes: Fix[];
}

export interface CheckResult {
  input: CheckInput;
  /** Errors first, then warnings, then info; a unique fix sits on its cell with `target`/`expected`. */
  findings: Finding[];
  /** The narrative's own findings (P-TEXT), also among `findings`. */
  narrative: Finding[];
  /** Which cell is most likely mistyped, when a hard rule fails; null otherwise. */
  suggestion: Suggestion | null;
}

/** Check a read report, or saved values; null when no format was recognised. */
export function check(source: InputSource, opts: CheckOptions = {}): CheckResult | null {
  const input = inputOf(source);
  return input && checkInput(input, opts);
}

export function checkInput(input: CheckInput, opts: CheckOptions = {}): CheckResult {
  const { narrative: text, ...rest } = input;
  // The engine's words for failing rules are written only into the findings localisation keeps as they are.
  const table = tablePart(rest, opts.prior, opts.recentlyEdited ?? []);
  const narrative = opts.narrative ? [...opts.narrative] : text ? safeNarrative(text, input) : [];
  const all = narrative.length ? [...table.engine, ...narrative].sort(bySeverity) : [...table.engine];
  if (!all.some((f) => f.severity === 'error') || !Object.prototype.hasOwnProperty.call(FORMATS, input.format))
    return { input, findings: wordFindings(all), narrative, suggestion: null };
  const loc = table.localise();
  const findings = wordFindings(annotate(all, loc, localisedRules(input.format)));
  const fixes = [...fixesOf(loc)];
  return { input, findings, narrative, suggestion: loc.kind === 'none' ? null : { message: loc.message, fixes } };
}

function safeNarrative(text: string, input: CheckInput): Finding[] {
  try {
    return checkNarrative(text, input);
  } catch {
    return [];
  }
}

const localised = new Map<FormatId, ReadonlySet<string>>();

/** The rules localisation reasons about: the hard sums and identities of the format's linear system. */
function localisedRules(format: FormatId): ReadonlySet<string> {
  let set = localised.get(format);
  if (!set) {
    const sys = systemOf(format);
    set = new Set([...sys.equalities, ...sys.inequalities].map((r) => r.def.rule));
    localised.set(format, set);
  }
  return set;
}
