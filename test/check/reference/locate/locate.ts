import type { FormatId } from '@/lib/formats/types';
import type { Values } from '../report';
import { identityMessage, rankedMessage, severalMessage, unresolvedMessage, uniqueMessage } from './message';
import { rank } from './rank';
import { pairFixes, singleFixes, type Failure } from './search';
import { holds, residual, type LinearSystem } from './system';
import type { Candidate, Fix, Found, Localisation, LocateOptions } from './types';

/** At most this many candidates are listed when the evidence does not single one out. */
const MAX_LISTED = 5;

/** Localisation of a report against a compiled rule set: one outcome for the whole report. */
export function locateIn(sys: LinearSystem, format: FormatId, values: Values, opts: LocateOptions = {}): Localisation {
  const res = new Float64Array(sys.equalities.length);
  const byBlock = new Map<number, number[]>();
  sys.equalities.forEach((rule, i) => {
    const r = (res[i] = residual(rule, values));
    if (Number.isNaN(r) || holds(rule, r)) return;
    let list = byBlock.get(rule.block);
    if (!list) byBlock.set(rule.block, (list = []));
    list.push(i);
  });
  if (byBlock.size === 0) return { kind: 'none' };
  const parts = [...byBlock.keys()]
    .sort((a, b) => a - b)
    .map((block) => locateBlock({ sys, values, res, failing: byBlock.get(block)! }, format, opts));
  if (parts.length === 1) return parts[0]!;
  return { kind: 'several', parts, message: severalMessage(format, parts) };
}

function locateBlock(f: Failure, format: FormatId, opts: LocateOptions): Found {
  const failing = f.failing.map((i) => f.sys.equalities[i]!);
  const fits = (fixes: Fix[]) => !opts.accept || opts.accept(fixes);
  const singles = singleFixes(f).filter((s) => fits([s]));
  if (singles.length) return decide(singles.map((s) => [s]), f, format, opts);
  if (failing.every((r) => r.identity)) {
    const main = failing[0]!;
    return {
      kind: 'identity',
      rule: main.def.rule,
      scope: main.def.scope,
      cells: [...main.cells],
      message: identityMessage(format, failing, f.values),
    };
  }
  const pairs = pairFixes(f)?.filter(fits);
  if (pairs?.length) return decide(pairs, f, format, opts);
  const main = failing[0]!;
  return {
    kind: 'identity',
    rule: main.def.rule,
    scope: main.def.scope,
    cells: [...new Set(failing.flatMap((r) => r.cells))],
    message: unresolvedMessage(failing),
  };
}

/**
 * A unique suggestion when one explanation is minimal, or when exactly one of the equally minimal
 * ones is explainable as a typing slip; otherwise the ranked list, with nothing suggested.
 */
function decide(explanations: Fix[][], f: Failure, format: FormatId, opts: LocateOptions): Found {
  const failing = f.failing.map((i) => f.sys.equalities[i]!);
  const ranked = rank(explanations, opts);
  const typos = ranked.filter((c) => c.typo);
  const chosen = ranked.length === 1 ? ranked[0] : typos.length === 1 ? typos[0] : undefined;
  if (chosen) {
    const fixes: Fix[] = [{ cell: chosen.cell, value: chosen.value, current: chosen.current }, ...(chosen.with ?? [])];
    const { cell, value, current } = fixes[0]!;
    return { kind: 'unique', cell, value, current, fixes, message: uniqueMessage(format, fixes, failing, f.values) };
  }
  const candidates: Candidate[] = ranked.slice(0, MAX_LISTED).map(({ typo: _typo, ...c }) => c);
  return { kind: 'ranked', candidates, message: rankedMessage(format, candidates, failing, f.values) };
}
