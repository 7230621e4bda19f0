import { fetchPage, originPattern, type FetchResult } from './fetch-page';
import { t } from '../i18n';

/** The part of `browser.permissions` an address import uses, for one origin pattern. */
export interface HostPermissions {
  request(pattern: string): Promise<boolean>;
  remove?(pattern: string): Promise<boolean>;
}

/**
 * Fetch last year's page with the host permission held only for the fetch: asked for at the click
 * (the request is made before anything is awaited, as browsers require a user gesture), removed
 * again once the page is read, whatever the outcome, unless the clerk chose to keep it.
 */
export async function fetchWithAccess(perms: HostPermissions, url: URL, fetchFn: typeof fetch, keep: boolean): Promise<FetchResult> {
  const pattern = originPattern(url);
  const asked = perms.request(pattern);
  const granted = await asked.catch(() => false);
  if (!granted)
    return { ok: false, message: t('import.noPermission', { host: url.host }) };
  try {
    return await fetchPage(url, fetchFn);
  } finally {
    if (!keep) await perms.remove?.(pattern).catch(() => false);
  }
}
