import { rulesOf } from '../formats/rules';
import { FORMAT_IDS, type FormatId } from '../formats/types';
import { t } from '../i18n';
import type { Severity } from '../report';

/** What one family of rules checks, in plain Chinese (the help page's list). */
export interface RuleFamily {
  id: string;
  title: string;
  what: string;
  /** From the declarations: the severities its rules carry. */
  severities: Severity[];
  formats: FormatId[];
}

/** A family is a rule id without its running number: C-H1 … C-H11 are one family; C-H13 is its own. */
export function familyOf(rule: string): string {
  return /^C-H\d+$/.test(rule) && rule !== 'C-H13' ? 'C-H' : /^C-S\d+$/.test(rule) ? 'C-S' : rule;
}

/** The families of the declared rules (lib/formats/rules), whose words are in the locale module. A test keeps it complete. */
const DECLARED_IDS = ['T3-BAL', 'T3-TOT', 'T3-ROWSUM', 'T4-SUM', 'X-CARRY', 'X-STOCK', 'X-ITEMS', 'P-CARRYSIZE', 'C-H', 'C-H13', 'C-S', 'C-CUM'] as const;
type FamilyId = (typeof DECLARED_IDS)[number] | (typeof OTHER_IDS)[number];

/** A family's words in the current locale, read when used. */
const wordsOf = (id: FamilyId) => ({
  get title() {
    return t(`family.${id}.title`);
  },
  get what() {
    return t(`family.${id}.what`);
  },
});

export const DECLARED_WORDS: Record<string, { title: string; what: string }> = Object.fromEntries(DECLARED_IDS.map((id) => [id, wordsOf(id)]));

const OTHER_IDS = ['DOM', 'P-FORMAT', 'L-SUM', 'X-DUP', 'P-TEXT', 'P-REG'] as const;
const other = (id: (typeof OTHER_IDS)[number], severities: Severity[], formats: FormatId[]): RuleFamily => Object.assign(wordsOf(id), { id, severities, formats });

/** Checks written as code rather than declared rules (lib/rules/domain, plausibility, narrative). */
export const OTHER_CHECKS: readonly RuleFamily[] = [
  other('DOM', ['error', 'warning'], [...FORMAT_IDS]),
  other('P-FORMAT', ['error', 'warning'], [...FORMAT_IDS]),
  other('L-SUM', ['warning'], ['local']),
  other('X-DUP', ['warning'], [...FORMAT_IDS]),
  other('P-TEXT', ['warning'], [...FORMAT_IDS]),
  other('P-REG', ['info'], ['gov2021', 'gov2019']),
];

/** Every family of declared rules, in the order the formats declare them, with their severities. */
export function declaredFamilies(): RuleFamily[] {
  const out = new Map<string, RuleFamily>();
  for (const format of FORMAT_IDS) {
    for (const r of rulesOf(format)) {
      const id = familyOf(r.rule);
      const words = DECLARED_WORDS[id] ?? { title: id, what: '' };
      let f = out.get(id);
      if (!f) out.set(id, (f = { id, ...words, severities: [], formats: [] }));
      if (!f.severities.includes(r.severity)) f.severities.push(r.severity);
      if (!f.formats.includes(format)) f.formats.push(format);
    }
  }
  return [...out.values()];
}
