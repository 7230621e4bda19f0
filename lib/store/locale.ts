import type { Locale } from '../i18n';
import { LOCALE_KEY } from './keys';
import type { KV } from './kv';

export { LOCALE_KEY };

/** Every locale (the type holds it to the dictionaries' list); no dictionary is loaded for it. */
const KNOWN: Record<Locale, true> = { zh: true, en: true };

export function isLocale(v: unknown): v is Locale {
  return typeof v === 'string' && Object.prototype.hasOwnProperty.call(KNOWN, v);
}

/** A stored 界面语言 as a locale: nothing, or anything else, is Chinese. */
export function localeOf(v: unknown): Locale {
  return isLocale(v) ? v : 'zh';
}

/** The chosen locale; 'zh' when none was chosen, or storage holds something else or cannot be read. */
export async function readLocale(kv: Pick<KV, 'get'>): Promise<Locale> {
  try {
    return localeOf((await kv.get(LOCALE_KEY))[LOCALE_KEY]);
  } catch {
    return 'zh';
  }
}

export async function saveLocale(kv: Pick<KV, 'set'>, locale: Locale): Promise<void> {
  await kv.set({ [LOCALE_KEY]: locale });
}
