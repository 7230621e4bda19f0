import type { KV } from '@/lib/store';
import type { Request, Response } from '@/lib/messages';

/** What the popup needs from the browser, injected so component tests run without an extension. */
export interface PopupApi {
  /** The tab the popup is about (the active tab, or ?tabId=N). null when there is none. */
  tab: { id: number; url: string; title: string } | null;
  /** Send to the tab's top frame; rejects when no content script answers. */
  send(req: Request): Promise<Response>;
  kv: KV;
  /** Open the options page in a tab, at a route ('#import?…'). */
  openOptions(route: string): void;
  download(name: string, text: string, mime: string): void;
}

/** Pages no extension may script: browser pages, extension pages, web stores. */
export function unreachableReason(url: string): string | null {
  if (!url) return '无法读取当前标签页的地址';
  if (/^(chrome|edge|about|brave|opera|vivaldi|se|qqbrowser|devtools|view-source|chrome-extension|moz-extension|extension):/i.test(url))
    return '这是浏览器自身的页面，扩展无法在其中运行';
  if (/^https?:\/\/(chrome\.google\.com\/webstore|chromewebstore\.google\.com|microsoftedge\.microsoft\.com\/addons|addons\.mozilla\.org)/i.test(url))
    return '这是浏览器的扩展商店页面，扩展不能在其中运行';
  if (/^file:/i.test(url)) return '这是本地文件；如需检查，请在扩展管理页允许「访问文件网址」后刷新页面';
  return null;
}

export function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
