import { FORMATS } from '../formats';
import { formatTitleOf } from '../i18n/format-name';
import { labelOf } from '../rules/labels';
import type { FormatId } from '../formats/types';
import type { CheckInput, Finding, Severity, Values } from '../report';
import { confirmationOf, type Confirmation } from './confirmation';
import { t } from '../i18n';

/** One line of the sheet: where (in the form's words), what, and for a confirmed warning the note. */
export interface SheetItem {
  severity: Severity;
  where: string;
  message: string;
  cells: string[];
  note?: string;
}

export type CellMark = 'error' | 'warning' | 'confirmed';

/** Everything the printable 审核单 shows, decided here once; the page only lays it out. */
export interface SheetModel {
  title: string;
  body: string;
  year: number | null;
  format: FormatId;
  formatName: string;
  values: Values;
  /** When the sheet was made, local time: 「2026年12月6日 23:10」. */
  madeAt: string;
  /** When the figures were saved, local time, for a saved report. */
  savedAt?: string;
  /** Text of cells that could not be read as numbers, shown as typed. */
  raw: Record<string, string>;
  errors: SheetItem[];
  warnings: SheetItem[];
  confirmed: SheetItem[];
  /** Hints (blank cells that cannot be assessed, unusual sizes): counted, not listed. */
  hints: number;
  /** 「未发现强制性问题」 or 「强制性问题 N 个」. */
  state: string;
  ok: boolean;
  /** The cell each problem points at, with the worst mark. */
  marks: Record<string, CellMark>;
}

export interface SheetInput {
  input: CheckInput;
  findings: readonly Finding[];
  confirmations?: readonly Confirmation[];
  at: Date;
  savedAt?: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 「2026年12月6日 23:10」 in the machine's local time. */
export function chineseDateTime(d: Date): string {
  return t('sheet.dateTime', { y: d.getFullYear(), m: d.getMonth() + 1, d: d.getDate(), hh: pad(d.getHours()), mm: pad(d.getMinutes()) });
}

const WORSE: Record<CellMark, number> = { error: 0, warning: 1, confirmed: 2 };

export function buildSheet({ input, findings, confirmations = [], at, savedAt }: SheetInput): SheetModel {
  const errors: SheetItem[] = [];
  const warnings: SheetItem[] = [];
  const confirmed: SheetItem[] = [];
  const marks: Record<string, CellMark> = {};
  let hints = 0;
  const mark = (cell: string | undefined, m: CellMark) => {
    if (cell && (marks[cell] === undefined || WORSE[m] < WORSE[marks[cell]!])) marks[cell] = m;
  };
  for (const f of findings) {
    if (f.severity === 'info') {
      hints++;
      continue;
    }
    const cell = f.target ?? f.cells[0];
    const item: SheetItem = { severity: f.severity, where: cell ? labelOf(input.format, cell) : t('sheet.wholeTable'), message: f.message, cells: f.cells };
    const c = confirmationOf(f, confirmations, input.values);
    if (c) {
      confirmed.push({ ...item, note: c.note });
      mark(cell, 'confirmed');
    } else {
      (f.severity === 'error' ? errors : warnings).push(item);
      mark(cell, f.severity);
    }
  }
  const body = input.body?.trim() || t('sheet.noBody');
  const year = input.year;
  return {
    title: t('sheet.title', { year: year ? t('sheet.titleYear', { year }) : '' }),
    body,
    year,
    format: input.format,
    formatName: formatTitleOf(FORMATS[input.format]),
    values: input.values,
    madeAt: chineseDateTime(at),
    ...(savedAt && !Number.isNaN(Date.parse(savedAt)) ? { savedAt: chineseDateTime(new Date(savedAt)) } : {}),
    raw: input.raw ?? {},
    errors,
    warnings,
    confirmed,
    hints,
    state: errors.length ? t('sheet.stateErrors', { n: errors.length }) : t('sheet.stateOk'),
    ok: errors.length === 0,
    marks,
  };
}
