import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from '@/components/popup/Popup';
import type { PopupApi } from '@/components/popup/api';
import { download } from '@/components/shared/download';
import { startInChosenLocale } from '@/components/shared/locale';
import type { Request, Response } from '@/lib/messages';
import '@/components/shared/style.css';

/** `popup.html?tabId=N` targets tab N (tests, and opening the popup as a page); otherwise the active tab. */
async function targetTab(): Promise<PopupApi['tab']> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tabId'));
  const tab = Number.isInteger(fromQuery) && fromQuery > 0
    ? await browser.tabs.get(fromQuery).catch(() => undefined)
    : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  if (!tab?.id) return null;
  return { id: tab.id, url: tab.url ?? '', title: tab.title ?? '' };
}

function openPage(path: string): void {
  void browser.tabs.create({ url: browser.runtime.getURL(`/${path}` as '/popup.html') });
  if (!new URLSearchParams(location.search).has('tabId')) window.close();
}

async function main() {
  const [tab] = await Promise.all([targetTab(), startInChosenLocale(browser.storage.local, 'popup.title')]);
  const api: PopupApi = {
    tab,
    send: async (req: Request) => {
      if (!tab) throw new Error('no tab');
      const res = (await browser.tabs.sendMessage(tab.id, req, { frameId: 0 })) as Response | undefined;
      if (!res || typeof res !== 'object' || typeof (res as { ok?: unknown }).ok !== 'boolean') throw new Error('no answer');
      return res;
    },
    kv: browser.storage.local,
    // storage.session: MV3 only; the MV2 Chromium build hands the 审核单 over through storage.local.
    session: (browser.storage as { session?: typeof browser.storage.local }).session ?? null,
    openOptions: (route) => openPage(`options.html${route}`),
    openPage,
    download,
  };
  render(<Popup api={api} />, document.getElementById('app')!);
}

void main();
