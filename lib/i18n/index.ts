import { en } from './en';
import { zh, type MessageKey, type Messages } from './zh';

/**
 * Every string the extension shows to people or writes into an export for people, per locale. An English UI is
 * `setLocale('en')`, not a code change. `{name}` placeholders are filled from `vars`.
 */
export type { MessageKey, Messages };
export const LOCALES = { zh, en } as const satisfies Record<string, Messages>;
export type Locale = keyof typeof LOCALES;

let current: Messages = zh;
let chosen: Locale = 'zh';

export function setLocale(locale: Locale): void {
  chosen = locale;
  current = LOCALES[locale];
}

/** The locale texts are in now (what a cache of worded texts is keyed by). */
export function currentLocale(): Locale {
  return chosen;
}

export function t(key: MessageKey, vars: Readonly<Record<string, string | number>> = {}): string {
  return current[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** The placeholders a message uses, sorted: what every locale's text for the key must also use. */
export function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();
}

/** A moment as people read it in their own time zone: 2026-12-07 10:18 (never UTC ISO). */
export function localDateTime(at: string | number | Date, seconds = false): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return typeof at === 'string' ? at : '';
  const two = (n: number) => String(n).padStart(2, '0');
  const day = `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
  return `${day} ${two(d.getHours())}:${two(d.getMinutes())}${seconds ? `:${two(d.getSeconds())}` : ''}`;
}

/** A saved record's source as people read it: the edit page in words; addresses and file names as they are. */
export function sourceText(source: string): string {
  return source === 'page' ? t('csv.source.page') : source;
}
