/** What localisation tells the user: which cell is most likely wrong and what it should hold. */

/** One cell to change: its canonical id, the value that satisfies the rules, and what it holds now. */
export interface Fix {
  cell: string;
  value: number;
  current: number;
}

/** How a typed value can come from the intended one by one slip of the finger (Scholtus 2009). */
export type TypoKind = 'replace' | 'swap' | 'insert' | 'drop';

/**
 * One of several equally minimal explanations. For a pair of cells, `with` holds the second cell's
 * fix. `score`: higher is more likely (typing pattern, then recent edit, then last year, narrative).
 */
export interface Candidate extends Fix {
  score: number;
  with?: Fix[];
}

/** An outcome for failing rules; `Localisation` adds the consistent case. */
export type Found =
  /** The evidence singles out one explanation: `fixes` holds every cell of it (one, or a pair). */
  | { kind: 'unique'; cell: string; value: number; current: number; fixes: Fix[]; message: string }
  /** Several cells (or pairs) explain the failures equally well: best first, nothing applied. */
  | { kind: 'ranked'; candidates: Candidate[]; message: string }
  /**
   * No single cell explains it (typically a 勾稽 identity out of balance because totals were computed
   * by hand from a mistyped leaf): where to look, no fix. `cells`: the operands of that rule.
   */
  | { kind: 'identity'; rule: string; scope: string; cells: string[]; message: string }
  /** Several independent parts of the form fail (e.g. 表三 and 表四): one outcome each, form order. */
  | { kind: 'several'; parts: Found[]; message: string };

/** Exactly one outcome per report; `none`: every assessable hard rule holds. */
export type Localisation = Found | { kind: 'none' };

export interface LocateOptions {
  /** Cells the user edited, most recent first. */
  recentlyEdited?: readonly string[];
  /** Last year's report, for agreement with last year's value. */
  prior?: { values: Record<string, number | null> };
  /** Values quoted in the narrative, by cell id. */
  narrativeHints?: Readonly<Record<string, number>>;
  /** Which explanations may be offered at all (their values named); `locate` passes the rule engine's `acceptable`. */
  accept?: (fixes: readonly Fix[]) => boolean;
}
