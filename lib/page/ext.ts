/**
 * The few extension APIs the content script uses, through the native `chrome` (or `browser`)
 * global in callback style: callbacks work in MV3, in MV2 on Chromium 86 and in Firefox, so the
 * promise polyfill stays out of the content script.
 */

import type { KV } from '../store/kv';

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

/** The extension's API object; `in` leaves `storage` unbuilt (Chromium makes each API object on first read). */
export function extApi(): ExtApi | null {
  const g = globalThis as { chrome?: ExtApi; browser?: ExtApi };
  if (g.chrome?.runtime?.id && 'storage' in g.chrome) return g.chrome;
  if (g.browser?.runtime?.id && 'storage' in g.browser) return g.browser;
  return null;
}

/** The storage area as the store's KV (callback style underneath; errors read as empty / ignored). */
export function extKV(api: ExtApi): KV {
  const call = <T>(fn: (done: (v: T) => void) => void, fallback: T) =>
    new Promise<T>((resolve) => {
      try {
        fn((v) => {
          void api.runtime.lastError; // read it so Chrome does not log "Unchecked runtime.lastError"
          resolve(v ?? fallback);
        });
      } catch {
        resolve(fallback); // extension reloaded: the content script is orphaned
      }
    });
  return {
    get: (keys) => call<Items>((done) => api.storage.local.get(keys ?? null, done), {}),
    set: (items) => call<void>((done) => api.storage.local.set(items, () => done()), undefined),
    remove: (keys) => call<void>((done) => api.storage.local.remove(keys, () => done()), undefined),
  };
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

