import * as z from 'zod/mini';
import { FORMAT_IDS } from '../formats/types';
import { t } from '../i18n';

/**
 * One saved report (one body, one year), as kept in extension storage under its own key.
 * Version history:
 *   v1 — `unit` held the 单位名称 and `savedAt` was epoch milliseconds.
 *   v2 — `unit` renamed `body`, `savedAt` is an ISO 8601 string, `title` added (optional).
 * zod/mini keeps the schema small enough for the content script too.
 */
export const STORE_VERSION = 2;

const values = z.record(z.string(), z.nullable(z.number().check(z.refine(Number.isFinite))));
const format = z.enum(FORMAT_IDS);
const year = z.number().check(z.int(), z.gte(1990), z.lte(2200));

export const SavedReportV1 = z.object({
  version: z.literal(1),
  site: z.string(),
  unit: z.string().check(z.minLength(1)),
  year,
  format,
  values,
  source: z.string(),
  savedAt: z.number(),
});
export type SavedReportV1 = z.infer<typeof SavedReportV1>;

/** A cell of an imported file that is not in the format's catalogue: kept to show, never a figure. */
export const Unread = z.object({ cell: z.string(), value: z.string() });
export type Unread = z.infer<typeof Unread>;

/**
 * A 核实性 warning marked as checked, with the clerk's 核实说明 (lib/check/confirmed.ts).
 * `values`: the named cells' values when confirmed; a change of any of them reopens the warning.
 */
export const Confirmation = z.object({
  rule: z.string(),
  cells: z.array(z.string()),
  note: z.string().check(z.minLength(1)),
  values: z.optional(z.record(z.string(), z.nullable(z.number()))),
  at: z.optional(z.string()),
});
export type Confirmation = z.infer<typeof Confirmation>;

export const SavedReport = z.object({
  version: z.literal(STORE_VERSION),
  /** Host name of the CMS the report was typed in ('' when imported without a site). */
  site: z.string(),
  /** 单位名称 (editable by the user). */
  body: z.string().check(z.minLength(1)),
  year,
  format,
  values,
  /** File name, URL or 'page'. */
  source: z.string(),
  /** ISO 8601. */
  savedAt: z.string().check(z.minLength(10)),
  title: z.optional(z.string()),
  /** Cells an import could not take (unknown ids), for the record's 「未读取」 list. */
  unread: z.optional(z.array(Unread)),
  /** 核实说明 of the year's confirmed 核实性 warnings (older records have none). */
  confirmations: z.optional(z.array(Confirmation)),
});
export type SavedReport = z.infer<typeof SavedReport>;

/** The whole JSON export file. `reports` are checked one by one, so one bad entry is reported, not fatal. */
export const ExportFile = z.object({
  app: z.literal('nianbao-zhushou'),
  kind: z.literal('saved-reports'),
  exportedAt: z.optional(z.string()),
  reports: z.array(z.unknown()),
});
export type ExportFile = z.infer<typeof ExportFile>;

/** What the user sees when a record fails the schema: the first few problems, in Chinese. */
export function describeIssues(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  const FIELDS = ['version', 'site', 'body', 'year', 'format', 'values', 'source', 'savedAt', 'title', 'confirmations'] as const;
  const field = (head: string | undefined) => {
    if (head === undefined) return t('store.field.whole');
    const f = head === 'unit' ? 'body' : FIELDS.find((x) => x === head);
    return f ? t(`store.field.${f}`) : t('store.field.other');
  };
  const parts = issues.slice(0, 3).map((i) => field(i.path.map(String)[0]));
  return t('store.badFields', { fields: [...new Set(parts)].join(t('common.enumSeparator')) });
}
