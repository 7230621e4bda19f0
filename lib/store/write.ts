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
export function writeFailure(e: unknown, what: string): string {
  if (isQuotaError(e))
    return `浏览器给年报助手的存储空间已满，${what}没有保存（已保存的其他数据不受影响）。请在设置页「已保存的年报数据」中先「导出全部」留存，再删除不再需要的旧年度数据或旧版本，然后重试。`;
  return `无法写入浏览器存储，${what}没有保存（已保存的其他数据不受影响）。请关闭其他标签页后重试；若仍失败，请在设置页「导出全部」留存数据后重启浏览器。`;
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
    return { ok: false, message: writeFailure(e, what).replace('没有保存', '没有删除') };
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
