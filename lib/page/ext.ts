/**
 * The few extension APIs the content script uses, through the native `chrome` (or `browser`)
 * global in callback style: callbacks work in MV3, in MV2 on Chromium 86 and in Firefox, so the
 * promise polyfill stays out of the content script.
 */

type Items = Record<string, unknown>;

export interface StorageArea {
  get(keys: string | string[] | null, cb: (items: Items) => void): void;
  set(items: Items, cb?: () => void): void;
  remove(keys: string | string[], cb?: () => void): void;
}

export interface StorageChange {
  oldValue?: unknown;
  newValue?: unknown;
}

export type MessageListener = (msg: unknown, sender: unknown, respond: (r: unknown) => void) => boolean | void;

export interface ExtApi {
  runtime: {
    id?: string;
    lastError?: unknown;
    getURL?(path: string): string;
    sendMessage(msg: unknown, cb: (r: unknown) => void): void;
    onMessage: { addListener(fn: MessageListener): void; removeListener(fn: MessageListener): void };
  };
  storage: {
    local: StorageArea;
    onChanged: {
      addListener(fn: (changes: Record<string, StorageChange>, area: string) => void): void;
      removeListener(fn: (changes: Record<string, StorageChange>, area: string) => void): void;
    };
  };
}

export function extApi(): ExtApi | null {
  const g = globalThis as { chrome?: ExtApi; browser?: ExtApi };
  if (g.chrome?.runtime?.id && g.chrome.storage) return g.chrome;
  if (g.browser?.runtime?.id && g.browser.storage) return g.browser;
  return null;
}

export function storageGet(api: ExtApi, keys: string | string[] | null): Promise<Items> {
  return new Promise((resolve) => {
    try {
      api.storage.local.get(keys, (items) => {
        void api.runtime.lastError; // read it so Chrome does not log "Unchecked runtime.lastError"
        resolve(items ?? {});
      });
    } catch {
      resolve({});
    }
  });
}

export function storageSet(api: ExtApi, items: Items): Promise<void> {
  return new Promise((resolve) => {
    try {
      api.storage.local.set(items, () => {
        void api.runtime.lastError;
        resolve();
      });
    } catch {
      resolve();
    }
  });
}

export function storageRemove(api: ExtApi, keys: string | string[]): Promise<void> {
  return new Promise((resolve) => {
    try {
      api.storage.local.remove(keys, () => {
        void api.runtime.lastError;
        resolve();
      });
    } catch {
      resolve();
    }
  });
}

/** runtime.sendMessage to the background; resolves undefined when nobody answers or on error. */
export function sendMessage(api: ExtApi, msg: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    try {
      api.runtime.sendMessage(msg, (r) => {
        void api.runtime.lastError;
        resolve(r);
      });
    } catch {
      resolve(undefined); // extension reloaded: the content script is orphaned
    }
  });
}

/** Storage key of the per-site switch (agreed with the popup): true = switched off. */
export const siteDisabledKey = (site: string): string => `siteDisabled:${site}`;

/** The per-site switch's site: the page's host name (or its scheme for pages without one). */
export const siteOf = (win: Window): string =>
  win.location.hostname || win.location.host || win.location.protocol.replace(':', '');
