import type { KV } from '@/lib/store';
import type { Request, Response } from '@/lib/messages';
import { t } from '@/lib/i18n';

/** What the popup needs from the browser, injected so component tests run without an extension. */
export interface PopupApi {
  /** The tab the popup is about (the active tab, or ?tabId=N). null when there is none. */
  tab: { id: number; url: string; title: string } | null;
  /** Send to the tab's top frame; rejects when no content script answers. */
  send(req: Request): Promise<Response>;
  kv: KV;
  /** storage.session where the browser has it (MV3), else null: the 审核单 handoff then goes to `kv`. */
  session: KV | null;
  /** Open the options page in a tab, at a route ('#import?…'). */
  openOptions(route: string): void;
  download(name: string, text: string, mime: string): void;
  /** Open one of the extension's own pages in a new tab ('help.html', 'sheet.html?session=…'). */
  openPage(path: string): void;
}

/** Pages no extension may script: browser pages, extension pages, web stores. */
export function unreachableReason(url: string): string | null {
  if (!url) return t('popup.tabNoUrl');
  if (/^(chrome|edge|about|brave|opera|vivaldi|se|qqbrowser|devtools|view-source|chrome-extension|moz-extension|extension):/i.test(url))
    return t('popup.browserPage');
  if (/^https?:\/\/(chrome\.google\.com\/webstore|chromewebstore\.google\.com|microsoftedge\.microsoft\.com\/addons|addons\.mozilla\.org)/i.test(url))
    return t('popup.storePage');
  if (/^file:/i.test(url)) return t('popup.localFile');
  return null;
}

export function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
