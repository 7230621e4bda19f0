import type { FormatId } from '@/lib/formats/types';
import type { Confirmation } from '@/lib/check/confirmed';
import type { Values } from '@/lib/report';
import { getPrior, trySet, type Result } from '@/lib/store';
import { sheetHandoffKey, sheetPath, type SheetHandoff } from '@/lib/sheet/source';
import type { PopupApi } from './api';
import { t } from '@/lib/i18n';

/**
 * 打印审核单: the page's figures as typed (not saved), with this site's last year, handed to the
 * sheet page under a fresh id in storage.session (storage.local where there is none).
 */
export async function openSheet(
  api: PopupApi,
  page: { site: string; format: FormatId; year: number | null; body: string | null; values: Values; confirmations?: readonly Confirmation[] },
): Promise<Result> {
  const input = { format: page.format, year: page.year, values: page.values, ...(page.body ? { body: page.body } : {}) };
  const prior = page.year ? await getPrior(api.kv, page.site, page.body, page.year).catch(() => null) : null;
  const handoff: SheetHandoff = { input, ...(prior ? { prior } : {}), ...(page.confirmations?.length ? { confirmations: [...page.confirmations] } : {}) };
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const saved = await trySet(api.session ?? api.kv, { [sheetHandoffKey(id)]: handoff }, t('sheet.handoffWhat'));
  if (!saved.ok) return saved;
  api.openPage(sheetPath({ session: id }));
  return { ok: true, value: undefined };
}
