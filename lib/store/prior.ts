import type { CheckInput } from '../report';
import type { KV } from './kv';
import { REPORT_PREFIX, normalizeBody, parseReportKey, reportKey } from './keys';
import { upgrade } from './migrate';
import type { SavedReport } from './schema';

/**
 * Last year's report for the body of a page: the record of (site, body, year − 1).
 * Read-only (safe for the content script): a corrupt record yields null here and is quarantined
 * by the popup/options page when they list the store.
 * When the page's body is unknown and the site has exactly one body with a report for year − 1,
 * that one is used. Records imported without a site ('') match any site by body.
 */
export async function getPriorReport(
  kv: Pick<KV, 'get'>,
  site: string,
  body: string | null | undefined,
  year: number,
): Promise<SavedReport | null> {
  const want = year - 1;
  if (body) {
    const direct = await kv.get([reportKey(site, body, want), reportKey('', body, want)]);
    for (const raw of Object.values(direct)) {
      const up = upgrade(raw);
      if (up.ok) return up.report;
    }
  }
  const all = await kv.get(null);
  const candidates: SavedReport[] = [];
  for (const [key, raw] of Object.entries(all)) {
    if (!key.startsWith(REPORT_PREFIX)) continue;
    const parts = parseReportKey(key);
    if (!parts || parts.year !== want) continue;
    if (parts.site !== site && !(parts.site === '' && body)) continue;
    if (body && normalizeBody(parts.body) !== normalizeBody(body)) continue;
    const up = upgrade(raw);
    if (up.ok) candidates.push(up.report);
  }
  return candidates.length === 1 ? candidates[0]! : null;
}

export function toCheckInput(r: SavedReport): CheckInput {
  return { format: r.format, year: r.year, values: r.values, body: r.body };
}

/** getPrior(kv, site, body, year): last year's data as the rule engine takes it, or null. */
export async function getPrior(
  kv: Pick<KV, 'get'>,
  site: string,
  body: string | null | undefined,
  year: number,
): Promise<CheckInput | null> {
  const r = await getPriorReport(kv, site, body, year);
  return r ? toCheckInput(r) : null;
}
