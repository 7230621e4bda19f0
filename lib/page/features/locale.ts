import { currentLocale, setLocale, type Locale } from '../../i18n';
import { LOCALE_KEY, localeOf, readLocale } from '../../store/locale';
import { extKV, type StorageChange } from '../ext';
import type { PageContext } from './context';

/**
 * The 界面语言 on the edit page: read once, followed when the clerk changes it on the options page; the page's
 * problems are worded again at once (badges, tooltips, the popup's list).
 */
export function initLocale(ctx: PageContext, signal: AbortSignal): void {
  const api = ctx.api;
  if (!api) return;
  const apply = (locale: Locale) => {
    if (signal.aborted || locale === currentLocale()) return;
    setLocale(locale);
    ctx.live?.recheck();
  };
  void readLocale(extKV(api)).then(apply);
  const onChanged = (changes: Record<string, StorageChange>, area: string) => {
    if (area !== 'local' || !(LOCALE_KEY in changes)) return;
    apply(localeOf(changes[LOCALE_KEY]?.newValue));
  };
  api.storage.onChanged.addListener(onChanged);
  signal.addEventListener('abort', () => api.storage.onChanged.removeListener(onChanged));
}
