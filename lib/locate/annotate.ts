import type { FormatId } from '../formats';
import { LOCATABLE_KINDS, ruleKinds } from '../formats/rules';
import type { CheckInput, Finding } from '../report';
import { locate } from './index';
import type { Found, LocateOptions } from './types';

/**
 * Puts localisation into the rule engine's findings, so that a badge sits on the cell most likely
 * mistyped and offers its value: a unique explanation replaces the hard findings it explains by one
 * finding per cell to change (target + expected); ranked candidates and unbalanced identities only
 * add their words to the findings they concern, and never a value to apply.
 */
export function annotate(findings: Finding[], input: CheckInput, opts: LocateOptions = {}): Finding[] {
  if (!findings.some((f) => f.severity === 'error')) return findings;
  const loc = locate(input, opts);
  if (loc.kind === 'none') return findings;
  let out = findings;
  for (const part of loc.kind === 'several' ? loc.parts : [loc]) out = apply(out, part, input.format);
  return out;
}

const explains = (f: Finding, cells: ReadonlySet<string>) =>
  f.severity === 'error' && f.missing === undefined && f.cells.some((c) => cells.has(c));

function apply(findings: Finding[], part: Found, format: FormatId): Finding[] {
  switch (part.kind) {
    case 'unique': {
      const fixed = new Set(part.fixes.map((f) => f.cell));
      const covered = findings.filter((f) => explains(f, fixed) && isSum(f, format));
      if (!covered.length) return findings;
      const rules = [...new Set(covered.flatMap((f) => f.rules ?? [f.rule]))];
      const fixes: Finding[] = part.fixes.map((fix) => ({
        rule: covered[0]!.rule,
        rules,
        severity: 'error',
        cells: [fix.cell, ...new Set(covered.flatMap((f) => f.cells).filter((c) => c !== fix.cell))],
        message: part.message,
        target: fix.cell,
        expected: fix.value,
        actual: fix.current,
      }));
      return [...fixes, ...findings.filter((f) => !covered.includes(f))];
    }
    case 'ranked': {
      const cells = new Set(part.candidates.map((c) => c.cell));
      return findings.map((f) => (explains(f, cells) && isSum(f, format) ? withWords(f, part.message) : f));
    }
    case 'identity':
      return findings.map((f) => ((f.rules ?? [f.rule]).includes(part.rule) && f.cells.some((c) => part.cells.includes(c)) ? withWords(f, part.message) : f));
    case 'several':
      return part.parts.reduce((out, p) => apply(out, p, format), findings);
  }
}

/** Sum and identity rules (not domains, not plausibility): the ones localisation reasons about, by their declared kind. */
const isSum = (f: Finding, format: FormatId) => {
  const kinds = ruleKinds(format);
  return [f.rule, ...(f.rules ?? [])].some((r) => LOCATABLE_KINDS.has(kinds.get(r)!));
};

/** Localisation's words (which state the rule too) in place of the engine's, and no value to apply. */
function withWords(f: Finding, words: string): Finding {
  const { target: _t, expected: _e, ...rest } = f;
  return { ...rest, message: words };
}

/**
 * A checker for a live page: remembers which cells changed between calls (most recent first), so
 * that among equally likely cells the one just typed in ranks first.
 */
export function withLocalisation(check: (input: CheckInput, prior?: CheckInput) => Finding[]) {
  let last: CheckInput['values'] | null = null;
  let recent: string[] = [];
  return (input: CheckInput, prior?: CheckInput): Finding[] => {
    if (last) {
      const changed = Object.keys(input.values).filter((id) => last![id] !== input.values[id]);
      if (changed.length && changed.length < 20) recent = [...changed, ...recent.filter((c) => !changed.includes(c))].slice(0, 20);
    }
    last = input.values;
    const findings = check(input, prior);
    return annotate(findings, input, { recentlyEdited: recent, ...(prior ? { prior } : {}) });
  };
}
