import { LIMITS } from './limits';
import { t } from '../i18n';

/**
 * Last year's published report by its address. The caller (an extension page) has already been
 * granted the host permission; `fetchFn` is the page's fetch. Every failure is a Chinese sentence.
 */

export interface Fetched {
  url: string;
  bytes: Uint8Array;
  contentType: string | null;
}

export type FetchResult = { ok: true; page: Fetched } | { ok: false; message: string };

/** The address as the user typed it, made absolute; null with a reason when it is not a web address. */
export function parseAddress(input: string): { ok: true; url: URL } | { ok: false; message: string } {
  const text = input.trim();
  if (!text) return { ok: false, message: t('import.noAddress') };
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z\d+.-]*:/i.test(text) ? text : `http://${text}`);
  } catch {
    return { ok: false, message: t('import.badAddress', { text }) };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { ok: false, message: t('import.notWeb', { protocol: url.protocol }) };
  return { ok: true, url };
}

/** The origin pattern to ask permission for: 'https://www.example.gov.cn/*'. */
export function originPattern(url: URL): string {
  return `${url.protocol}//${url.hostname}/*`;
}

/** The whole fetch (headers and body) must finish within this time, and the body stay under `maxBytes`. */
export const FETCH_TIMEOUT_MS = 20000;

export async function fetchPage(url: URL, fetchFn: typeof fetch, timeoutMs = FETCH_TIMEOUT_MS, maxBytes: number = LIMITS.fileBytes): Promise<FetchResult> {
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), timeoutMs);
  try {
    const res = await fetchFn(url.href, { credentials: 'include', signal: ctrl.signal, redirect: 'follow' });
    if (!res.ok) {
      const why = res.status === 404 ? t('import.http404') : res.status === 403 ? t('import.http403') : t('import.httpOther', { status: res.status });
      return { ok: false, message: t('import.cannotOpen', { url: url.href, why }) };
    }
    const tooBig = { ok: false as const, message: t('import.tooBigPage', { url: url.href, mb: Math.round(maxBytes / 1048576) }) };
    if (Number(res.headers.get('content-length')) > maxBytes) {
      void res.body?.cancel().catch(() => {});
      return tooBig;
    }
    const bytes = await readCapped(res, maxBytes);
    if (!bytes) return tooBig;
    if (!bytes.length) return { ok: false, message: t('import.emptyPage', { url: url.href }) };
    return { ok: true, page: { url: res.url || url.href, bytes, contentType: res.headers.get('content-type') } };
  } catch (e) {
    const aborted = (e as Error).name === 'AbortError';
    return {
      ok: false,
      message: aborted
        ? t('import.timeout', { url: url.href })
        : t('import.unreachable', { host: url.host }),
    };
  } finally {
    clearTimeout(timer);
  }
}

/** The response body, or null as soon as it passes `max` bytes (the rest is not downloaded). */
async function readCapped(res: Response, max: number): Promise<Uint8Array | null> {
  const reader = res.body?.getReader();
  if (!reader) {
    const all = new Uint8Array(await res.arrayBuffer());
    return all.length > max ? null : all;
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > max) {
      void reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
