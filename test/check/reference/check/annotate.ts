import type { Finding } from '../report';
import type { Found, Localisation } from '../locate';

/**
 * Puts localisation into the rule engine's findings, so that a badge sits on the cell most likely
 * mistyped and offers its value: a unique explanation replaces the hard findings it explains by one
 * finding per cell to change (target + expected); ranked candidates and unbalanced identities only
 * add their words to the findings they concern, and never a value to apply. `localised`: the ids of
 * the rules localisation reasons about (the format's hard sums and identities).
 */
export function annotate(findings: Finding[], loc: Localisation, localised: ReadonlySet<string>): Finding[] {
  if (loc.kind === 'none') return findings;
  const isSum = (f: Finding) => localised.has(f.rule) || (f.rules ?? []).some((r) => localised.has(r));
  const apply = (out: Finding[], part: Found): Finding[] => {
    switch (part.kind) {
      case 'unique': {
        const fixed = new Set(part.fixes.map((f) => f.cell));
        const covered = out.filter((f) => explains(f, fixed) && isSum(f));
        if (!covered.length) return out;
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
        return [...fixes, ...out.filter((f) => !covered.includes(f))];
      }
      case 'ranked': {
        const cells = new Set(part.candidates.map((c) => c.cell));
        return out.map((f) => (explains(f, cells) && isSum(f) ? withWords(f, part.message) : f));
      }
      case 'identity':
        return out.map((f) => ((f.rules ?? [f.rule]).includes(part.rule) && f.cells.some((c) => part.cells.includes(c)) ? withWords(f, part.message) : f));
      case 'several':
        return part.parts.reduce(apply, out);
    }
  };
  return apply(findings, loc);
}

const explains = (f: Finding, cells: ReadonlySet<string>) =>
  f.severity === 'error' && f.missing === undefined && f.cells.some((c) => cells.has(c));

/** Localisation's words (which state the rule too) in place of the engine's, and no value to apply. */
function withWords(f: Finding, words: string): Finding {
  const { target: _t, expected: _e, ...rest } = f;
  return { ...rest, message: words };
}
