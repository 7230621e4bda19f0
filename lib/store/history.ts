import { historyKey } from './keys';
import type { KV } from './kv';
import { upgrade } from './migrate';
import type { SavedReport } from './schema';

/**
 * Earlier versions of one saved year, newest first, kept beside the report in storage (so they
 * survive a restart). Each replace or restore pushes what was there; the oldest falls off.
 */
export const HISTORY_LIMIT = 5;

export interface Version {
  report: SavedReport;
  /** When this version stopped being the current one (ISO 8601). */
  replacedAt: string;
}

/** As stored: reports are kept raw and upgraded on reading, like the records themselves. */
export interface StoredVersion {
  report: unknown;
  replacedAt: string;
}

export async function readHistoryRaw(kv: Pick<KV, 'get'>, key: string): Promise<StoredVersion[]> {
  const hk = historyKey(key);
  const raw = (await kv.get(hk))[hk];
  return Array.isArray(raw) ? (raw as StoredVersion[]) : [];
}

/** The readable versions (an unreadable one is skipped here and kept in storage). */
export function readable(raw: readonly StoredVersion[]): { versions: (Version & { index: number })[]; unreadable: number } {
  const versions: (Version & { index: number })[] = [];
  let unreadable = 0;
  raw.forEach((v, index) => {
    const up = upgrade(v?.report);
    if (up.ok) versions.push({ report: up.report, replacedAt: typeof v.replacedAt === 'string' ? v.replacedAt : '', index });
    else unreadable++;
  });
  return { versions, unreadable };
}

export async function readHistory(kv: Pick<KV, 'get'>, key: string) {
  return readable(await readHistoryRaw(kv, key));
}

/** Same figures, format, body and site: saving it again is no new version. */
export function sameContent(a: SavedReport, b: SavedReport): boolean {
  const strip = ({ savedAt: _s, source: _o, version: _v, ...rest }: SavedReport) => rest;
  return stableJson(strip(a)) === stableJson(strip(b));
}

export function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${stableJson((v as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(v) ?? 'null';
}

export function pushed(raw: readonly StoredVersion[], previous: SavedReport, at: string): StoredVersion[] {
  return [{ report: previous, replacedAt: at }, ...raw].slice(0, HISTORY_LIMIT);
}
