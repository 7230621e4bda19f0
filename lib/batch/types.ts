import type { Suggestion } from '../check';
import type { FormatId } from '../formats/types';
import { t } from '../i18n';
import type { Finding, Report, Severity, Values } from '../report';

/** One file of a batch, as read: its reports, or why it could not be read at all. */
export type BatchInput = { name: string; reports: Report[] } | { name: string; error: string };

export type State = 'red' | 'yellow' | 'green' | 'grey';

/** The state's words, as the page, the command line and the export show them. */
export function stateLabel(state: State): string {
  return t(`batch.state.${state}`);
}

/** Worst first: the order rows are listed in. */
export const STATE_ORDER: readonly State[] = ['red', 'yellow', 'grey', 'green'];

/** One problem of a report, in the form's words. */
export interface Problem {
  severity: Severity;
  rule: string;
  /** The cell in the form's words ('表三 （七）总计 自然人'), or 「整张表格」. */
  where: string;
  message: string;
  cells: string[];
  target?: string;
  expected?: number;
}

export interface Counts {
  error: number;
  warning: number;
  info: number;
}

/** One report of the batch: what the results table shows in its row and detail. */
export interface BatchRow {
  /** The file name, with 「#2」 for a file's second report. */
  id: string;
  file: string;
  body: string | null;
  year: number | null;
  format: FormatId | null;
  formatName: string;
  state: State;
  /** Why the state: 「强制性问题 3 个」, or the plain reason a file could not be read. */
  reason: string;
  counts: Counts;
  problems: Problem[];
  findings: Finding[];
  suggestion: Suggestion | null;
  values: Values;
  raw?: Record<string, string>;
  /** What the reader could not do (missing rows …), in plain Chinese. */
  readNotes: string[];
  /** The row whose figures were used as last year's (cross-year rules). */
  prior?: string;
  /** Last year's tables when they came from an earlier, saved batch (not a row of this one): shown beside this year's. */
  priorTable?: PriorTable;
  /** For a parent body: the rows summed as its children. */
  children?: string[];
}

/** Last year's report as the detail draws it beside this year's. */
export type PriorTable = Pick<BatchRow, 'id' | 'year' | 'format' | 'values' | 'raw'>;

/** A parent body and the bodies its report should sum (names as the supervisor gives them). */
export interface ParentSpec {
  parent: string;
  children: string[];
}

export interface BatchOptions {
  /** Compare each parent's 表三 with the sum of its children's (an option, not a default). */
  parents?: readonly ParentSpec[];
  /** Last year's reports given apart (`--prior DIR`, saved reports): used for cross-year only, not listed. */
  prior?: readonly BatchInput[];
}
