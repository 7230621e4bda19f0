import * as z from 'zod/mini';
import { FORMAT_IDS } from '../formats/types';
import type { CheckInput } from '../report';
import { getPrior, toCheckInput, upgrade, type KV } from '../store';
import { Confirmation } from './confirmation';
import { t } from '../i18n';

/**
 * Where a sheet's data comes from, named in the sheet page's address:
 *   sheet.html?key=<storage key of a saved report>   (the options page's saved list)
 *   sheet.html?session=<id>                          (the popup: the page as typed, not saved)
 * For `session`, the popup writes a SheetHandoff under `sheetHandoffKey(id)` into storage.session
 * (MV3) or, where that does not exist, storage.local, then opens the page. The sheet checks the
 * data itself, so it prints exactly what the rule engine says of it.
 */
export const SHEET_HANDOFF_PREFIX = 'sheet:';
export const sheetHandoffKey = (id: string) => `${SHEET_HANDOFF_PREFIX}${id}`;

/** The sheet page's address, relative to the extension's root (for runtime.getURL, or a link from another page). */
export function sheetPath(from: { key: string } | { session: string }): string {
  return 'key' in from ? `sheet.html?key=${encodeURIComponent(from.key)}` : `sheet.html?session=${encodeURIComponent(from.session)}`;
}

const values = z.record(z.string(), z.nullable(z.number().check(z.refine(Number.isFinite))));
const checkInput = z.object({
  format: z.enum(FORMAT_IDS),
  year: z.nullable(z.number().check(z.int())),
  values,
  body: z.optional(z.string()),
  narrative: z.optional(z.string()),
  raw: z.optional(z.record(z.string(), z.string())),
});

export const SheetHandoff = z.object({
  input: checkInput,
  prior: z.optional(checkInput),
  confirmations: z.optional(z.array(Confirmation)),
});
export type SheetHandoff = z.infer<typeof SheetHandoff>;

export interface SheetData {
  input: CheckInput;
  prior?: CheckInput;
  confirmations: Confirmation[];
  /** When a saved report was saved (ISO 8601). */
  savedAt?: string;
}

export type SheetLoad = { ok: true; data: SheetData } | { ok: false; message: string };

export interface SheetStores {
  local: Pick<KV, 'get'>;
  /** storage.session where the browser has it. */
  session?: Pick<KV, 'get'>;
}

const NO_SOURCE = () => t('sheet.noSource');

/** Read the sheet's data named by the page address's query (`?key=` or `?session=`). Never throws. */
export async function loadSheetData(query: string, stores: SheetStores): Promise<SheetLoad> {
  const q = new URLSearchParams(query);
  const key = q.get('key');
  const session = q.get('session');
  try {
    if (key) return await fromSaved(key, stores.local);
    if (session) return await fromHandoff(sheetHandoffKey(session), stores);
  } catch {
    return { ok: false, message: t('sheet.readFailed') };
  }
  return { ok: false, message: NO_SOURCE() };
}

async function fromSaved(key: string, kv: Pick<KV, 'get'>): Promise<SheetLoad> {
  const raw = (await kv.get(key))[key];
  if (raw === undefined) return { ok: false, message: t('sheet.notFound') };
  const up = upgrade(raw);
  if (!up.ok) return { ok: false, message: t('sheet.unusable', { reason: up.reason }) };
  const r = up.report;
  const prior = await getPrior(kv, r.site, r.body, r.year);
  return { ok: true, data: { input: toCheckInput(r), ...(prior ? { prior } : {}), confirmations: r.confirmations ?? [], savedAt: r.savedAt } };
}

async function fromHandoff(key: string, stores: SheetStores): Promise<SheetLoad> {
  let raw = stores.session ? (await stores.session.get(key))[key] : undefined;
  if (raw === undefined) raw = (await stores.local.get(key))[key];
  if (raw === undefined) return { ok: false, message: t('sheet.expired') };
  const parsed = SheetHandoff.safeParse(raw);
  if (!parsed.success) return { ok: false, message: t('sheet.incomplete') };
  const { input, prior, confirmations = [] } = parsed.data;
  return { ok: true, data: { input, ...(prior ? { prior } : {}), confirmations } };
}
