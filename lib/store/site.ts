import type { KV } from './kv';

/** The per-site switch: stored under one key per site, true = the extension is off there. */
export const siteDisabledKey = (site: string): string => `siteDisabled:${site}`;

export async function isSiteEnabled(kv: Pick<KV, 'get'>, site: string): Promise<boolean> {
  const key = siteDisabledKey(site);
  return (await kv.get(key))[key] !== true;
}

export async function setSiteEnabled(kv: Pick<KV, 'set' | 'remove'>, site: string, enabled: boolean): Promise<void> {
  const key = siteDisabledKey(site);
  if (enabled) await kv.remove(key);
  else await kv.set({ [key]: true });
}
