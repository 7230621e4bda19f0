import { useState } from 'preact/hooks';
import { LOCALES, currentLocale, t, type Locale } from '@/lib/i18n';
import { isLocale, saveLocale, type KV } from '@/lib/store';
import { LANG, showIn } from '../shared/locale';

/** Each language named in itself, as language menus do: not a UI text, the same in every locale. */
const ENDONYM: Record<Locale, string> = { zh: '中文', en: 'English' };

/** 「界面语言」: saved through the store; this page switches at once (`onChange` re-renders it). */
export function LocaleSetting({ kv, onChange }: { kv: Pick<KV, 'set'>; onChange(locale: Locale): void }) {
  const [error, setError] = useState('');
  const choose = async (value: string) => {
    if (!isLocale(value)) return;
    try {
      await saveLocale(kv, value);
      setError('');
    } catch {
      setError(t('error.unknown'));
    }
    showIn(value, 'page.title.options');
    onChange(value);
  };
  return (
    <section class="locale-setting">
      <label>
        {t('options.locale.label')}{' '}
        <select value={currentLocale()} onChange={(e) => void choose((e.currentTarget as HTMLSelectElement).value)}>
          {(Object.keys(LOCALES) as Locale[]).map((l) => (
            <option key={l} value={l} lang={LANG[l]}>
              {ENDONYM[l]}
            </option>
          ))}
        </select>
      </label>
      <p class="hint">{t('options.locale.hint')}</p>
      {error && <p role="alert">{error}</p>}
    </section>
  );
}
