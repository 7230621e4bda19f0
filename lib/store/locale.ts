import { LOCALES, type Locale } from '../i18n';
import { LOCALE_KEY } from './keys';
import type { KV } from './kv';

export { LOCALE_KEY };

export function isLocale(v: unknown): v is Locale {
  return typeof v === 'string' && Object.prototype.hasOwnProperty.call(LOCALES, v);
}

/** The chosen locale; 'zh' when none was chosen, or storage holds something else or cannot be read. */
export async function readLocale(kv: Pick<KV, 'get'>): Promise<Locale> {
  try {
    const v = (await kv.get(LOCALE_KEY))[LOCALE_KEY];
    return isLocale(v) ? v : 'zh';
  } catch {
    return 'zh';
  }
}

export async function saveLocale(kv: Pick<KV, 'set'>, locale: Locale): Promise<void> {
  await kv.set({ [LOCALE_KEY]: locale });
}
