import { TYPO_WEIGHT, typoKind } from './typo';
import type { Candidate, Fix, LocateOptions } from './types';

/**
 * How plausible an explanation is, best first, as one number compared lexicographically:
 * every changed value explainable as a typing slip (Scholtus), then the most recently edited
 * cell, then how common the slip is, then agreement with last year and with the narrative.
 */
export function scoreOf(fixes: readonly Fix[], opts: LocateOptions): { score: number; typo: boolean } {
  const typo = fixes.every((f) => typoKind(f.current, f.value) !== null);
  let recency = 0;
  let weight = 0;
  let support = 0;
  const recent = opts.recentlyEdited ?? [];
  for (const f of fixes) {
    const at = recent.indexOf(f.cell);
    if (at >= 0) recency = Math.max(recency, 99 - Math.min(at, 98));
    const kind = typoKind(f.current, f.value);
    weight += kind ? TYPO_WEIGHT[kind] : 0;
    if (opts.prior?.values[f.cell] === f.value) support++;
    if (opts.narrativeHints?.[f.cell] === f.value) support++;
  }
  weight = Math.round(weight / fixes.length);
  return { score: (typo ? 1e7 : 0) + recency * 1e4 + weight * 10 + support, typo };
}

/** Equally minimal explanations, best first (ties keep form order). */
export function rank(explanations: readonly Fix[][], opts: LocateOptions): (Candidate & { typo: boolean })[] {
  return explanations
    .map((fixes) => {
      const { score, typo } = scoreOf(fixes, opts);
      const [head, ...rest] = fixes;
      const c: Candidate & { typo: boolean } = { ...head!, score, typo };
      if (rest.length) c.with = rest;
      return c;
    })
    .sort((x, y) => y.score - x.score);
}
