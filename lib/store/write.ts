import { t } from '../i18n';
import type { KV } from './kv';

/** Storage writes that never throw: a failure comes back as a plain Chinese sentence. */

export type Result<T = void> = { ok: true; value: T } | { ok: false; message: string };

/** Chromium says "QUOTA_BYTES quota exceeded" (or QUOTA_BYTES_PER_ITEM); Firefox and IndexedDB a QuotaExceededError. */
export function isQuotaError(e: unknown): boolean {
  const text = `${(e as { name?: unknown })?.name ?? ''} ${(e as { message?: unknown })?.message ?? String(e)}`;
  return /QUOTA_BYTES|QuotaExceeded|quota|NS_ERROR_DOM_QUOTA_REACHED|disk is full|No space left/i.test(text);
}

/** What could not be saved and what the clerk can do about it. `what` names the data, e.g. 「某局」2022 年的数据. */
export function writeFailure(e: unknown, what: string, deleting = false): string {
  if (isQuotaError(e)) return t(deleting ? 'store.quotaFullDelete' : 'store.quotaFull', { what });
  return t(deleting ? 'store.writeFailedDelete' : 'store.writeFailed', { what });
}

export async function trySet(kv: KV, items: Record<string, unknown>, what: string): Promise<Result> {
  try {
    await kv.set(items);
    return { ok: true, value: undefined };
  } catch (e) {
    return { ok: false, message: writeFailure(e, what) };
  }
}

export async function tryRemove(kv: KV, keys: string | string[], what: string): Promise<Result> {
  try {
    await kv.remove(keys);
    return { ok: true, value: undefined };
  } catch (e) {
    return { ok: false, message: writeFailure(e, what, true) };
  }
}

/** A read that fails (storage corrupt, extension reloading) is said, not thrown. */
export async function tryGet(kv: Pick<KV, 'get'>, keys: string | string[] | null): Promise<Result<Record<string, unknown>>> {
  try {
    return { ok: true, value: (await kv.get(keys)) ?? {} };
  } catch (e) {
    return { ok: false, message: t('error.storageRead') };
  }
}
