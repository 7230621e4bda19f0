import type { FormatId } from './formats/types';
import type { Suggestion } from './check/index';
import type { Confirmation } from './check/confirmed';
import type { Finding, Values } from './report';

/**
 * Messages between the popup / options page / background and the content script of the top
 * frame (tabs.sendMessage with frameId 0). The content script answers every request; the
 * popup validates answers before use. Plain types here: the content script stays free of zod.
 */

export interface FoundTable {
  format: FormatId | null;
  year: number | null;
  /** Body (单位名称) taken from the report or the page title. */
  body: string | null;
  /** Where it was found, in plain words: '网页编辑器中', '本页正文中', '输入表格中'. */
  where: string;
  cellCount: number;
}

export interface PageState {
  /** false when the user switched the extension off for this site. */
  siteEnabled: boolean;
  site: string;
  tables: FoundTable[];
  findings: Finding[];
  /** Which cell of the first recognised report is most likely mistyped: the badges' suggestion. */
  suggestion: Suggestion | null;
  /** Values of the first recognised report, by canonical id (for 保存本年数据 / 导出). */
  values: Values | null;
  /** Whether a prior year is loaded for cross-year checks. */
  priorYear: number | null;
  /** Whether a pre-fill can be undone (撤销预填). */
  canUndoPrefill: boolean;
  /** 核实说明 of the first recognised report (saved with its data); its confirmed findings carry `confirmed`. */
  confirmations: Confirmation[];
}

export interface PrefillItem {
  cell: string;
  value: number;
}

/** A cell a write could not fill (read back and taken back), with the sentence telling the clerk. */
export interface Unwritten {
  cell: string;
  message: string;
}

export type Request =
  | { type: 'state' }
  | { type: 'reveal'; cell: string }
  /** `year`/`body`: what the user typed in the popup when the page does not say them. */
  | { type: 'prefill-plan'; year?: number; body?: string }
  | { type: 'prefill-apply'; items: PrefillItem[] }
  | { type: 'prefill-undo' }
  | { type: 'apply-fix'; cell: string; value: number }
  | { type: 'site-enabled'; enabled: boolean }
  /** The keyboard command 下一个问题 (forwarded by the background): focus the next problem's badge. */
  | { type: 'next-problem' }
  /** 已核实: a 核实性 warning (rule and cells) passed with the clerk's 核实说明; 撤销核实 takes it back. */
  | { type: 'confirm'; rule: string; cells: string[]; note: string }
  | { type: 'unconfirm'; rule: string; cells: string[] };

export type Response =
  | { ok: true; state?: PageState; plan?: PrefillItem[]; written?: string[]; unwritten?: Unwritten[] }
  | { ok: false; message: string };

/**
 * Content script → background (runtime.sendMessage). The background answers `prior` with last
 * year's saved data for the page's body (the store's getPrior), so the schema validation (zod)
 * stays out of the content script; `badge` sets the toolbar count (no answer).
 */
export type BackgroundRequest =
  | { type: 'prior'; site: string; body: string | null; year: number }
  | { type: 'badge'; errors: number; warnings: number };

/** The state of a page with no report table found (yet), or of a site switched off. */
export const emptyPageState = (site: string, siteEnabled: boolean): PageState => ({
  siteEnabled,
  site,
  tables: [],
  findings: [],
  suggestion: null,
  values: null,
  priorYear: null,
  canUndoPrefill: false,
  confirmations: [],
});
