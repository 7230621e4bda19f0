import { FORMATS, cellDef } from '@/lib/formats';
import { rulesOf } from '@/lib/formats/rules';
import type { FormatId } from '@/lib/formats/types';
import type { CheckInput } from '../report';
import { compiled } from '../rules/compile';
import { acceptable } from '../rules/suggest';
import { locateIn } from './locate';
import { compile, type LinearSystem } from './system';
import type { Fix, Localisation, LocateOptions } from './types';

export type { Candidate, Fix, Found, Localisation, LocateOptions, TypoKind } from './types';
export { typoKind } from './typo';
export { compile } from './system';
export { locateIn } from './locate';

const systems = new Map<FormatId, LinearSystem>();

/** The hard equalities of a format, compiled once. */
export function systemOf(format: FormatId): LinearSystem {
  let sys = systems.get(format);
  if (!sys) {
    sys = compile(rulesOf(format), (cell) => cellDef(format, cell)?.kind ?? 'count');
    systems.set(format, sys);
  }
  return sys;
}

/**
 * Which cell is most likely wrong when hard rules fail, and its likely value (Fellegi–Holt minimal
 * change with Scholtus' typing-error patterns, as an exact search). Blank cells are never
 * candidates: rules with blanks are not assessable and left to the rule engine's findings.
 */
export function locate(input: CheckInput, opts: LocateOptions = {}): Localisation {
  if (!input?.values || !Object.prototype.hasOwnProperty.call(FORMATS, input.format)) return { kind: 'none' };
  // Only values that fit the cell and every rule it is in (last year's too, when loaded) are offered.
  const c = compiled(input.format);
  const accept = (fixes: readonly Fix[]) => acceptable(c, input.values, opts.prior?.values, fixes) && (!opts.accept || opts.accept(fixes));
  return locateIn(systemOf(input.format), input.format, input.values, { ...opts, accept });
}

/** Every fix the localisation suggests with confidence (unique outcomes, in every part). */
export function fixesOf(loc: Localisation): Fix[] {
  if (loc.kind === 'unique') return loc.fixes;
  if (loc.kind === 'several') return loc.parts.flatMap(fixesOf);
  return [];
}
