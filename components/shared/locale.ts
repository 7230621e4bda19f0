import { setLocale, t, type Locale, type MessageKey } from '@/lib/i18n';
import { readLocale, type KV } from '@/lib/store';

/** The page's language as the document says it (screen readers, fonts, hyphenation). */
export const LANG: Record<Locale, string> = { zh: 'zh-CN', en: 'en' };

/** Puts `locale` in force on an extension page: texts, the document's lang, its title. */
export function showIn(locale: Locale, title?: MessageKey): void {
  setLocale(locale);
  document.documentElement.lang = LANG[locale];
  if (title) document.title = t(title);
}

/** Before an extension page first renders: the 界面语言 the clerk chose (options page), or Chinese. */
export async function startInChosenLocale(kv: Pick<KV, 'get'>, title?: MessageKey): Promise<Locale> {
  const locale = await readLocale(kv);
  showIn(locale, title);
  return locale;
}
