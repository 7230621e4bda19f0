import type { ImportReader } from '@/lib/import';
import type { KV } from '@/lib/store';

/** What the options and import pages need from the browser (injected; tests pass fakes). */
export interface OptionsApi {
  kv: KV;
  /** permissions.request for one origin pattern, at the moment the user asks to fetch it. */
  requestHost(pattern: string): Promise<boolean>;
  /** permissions.remove for that pattern once the page is read (unless the clerk keeps the permission). */
  removeHost?(pattern: string): Promise<boolean>;
  fetch: typeof fetch;
  download(name: string, text: string, mime: string): void;
  /** Awaited before each read (the extension page sets up pdf.js's worker there). */
  prepare?(): Promise<void>;
  /** false in the Chromium 86 (MV2) build, which ships without pdf.js. */
  pdf?: boolean;
  /** Reads a chosen file or fetched page off the page's thread (the extension's reading worker). */
  read?: ImportReader;
}

/** '#import?site=…&body=…&year=…' → the import target; null for other routes. */
export function parseRoute(hash: string): { view: 'list' } | { view: 'import'; site: string; body: string | null; year: number | null } {
  const m = /^#import(?:\?(.*))?$/.exec(hash);
  if (!m) return { view: 'list' };
  const q = new URLSearchParams(m[1] ?? '');
  const year = Number(q.get('year'));
  return { view: 'import', site: q.get('site') ?? '', body: q.get('body') || null, year: Number.isInteger(year) && year > 0 ? year : null };
}
