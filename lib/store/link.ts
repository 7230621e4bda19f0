import { LINK_PREFIX, REPORT_PREFIX, linkKey, normalizeBody, parseReportKey, reportKey } from './keys';
import type { KV } from './kv';
import { upgrade } from './migrate';
import type { SavedReport } from './schema';
import { tryGet, trySet, type Result } from './write';
import { t } from '../i18n';

/**
 * Reports saved without a site (imported in the options page, site-less exports) are served to a
 * site only after the clerk said once, on that site, 「在此网站使用 XX 2022 年数据？」. The answer is
 * stored per site as the list of the site-less report keys allowed there.
 */

export async function linkedKeys(kv: Pick<KV, 'get'>, site: string): Promise<Set<string>> {
  if (!site) return new Set();
  const k = linkKey(site);
  const raw = (await kv.get(k))[k];
  return new Set(Array.isArray(raw) ? raw.filter((x): x is string => typeof x === 'string') : []);
}

export interface LinkCandidate {
  key: string;
  report: SavedReport;
}

/**
 * Site-less reports of the year before `year` that this site could use and does not yet: of
 * `body` when the page names one. None when the site has its own report for that year and body.
 */
export async function linkCandidates(kv: Pick<KV, 'get'>, site: string, body: string | null | undefined, year: number): Promise<LinkCandidate[]> {
  if (!site) return [];
  const want = year - 1;
  const all = await kv.get(null);
  const linked = await linkedKeys(kv, site);
  if (body && all[reportKey(site, body, want)] !== undefined) return [];
  const out: LinkCandidate[] = [];
  for (const [key, raw] of Object.entries(all)) {
    if (!key.startsWith(REPORT_PREFIX) || linked.has(key)) continue;
    const parts = parseReportKey(key);
    if (!parts || parts.site !== '' || parts.year !== want) continue;
    if (body && normalizeBody(parts.body) !== normalizeBody(body)) continue;
    const up = upgrade(raw);
    if (up.ok && reportKey('', up.report.body, up.report.year) === key) out.push({ key, report: up.report });
  }
  return out;
}

/** The question the popup asks before linking. */
export function linkQuestion(report: Pick<SavedReport, 'body' | 'year'>): string {
  return t('store.link.ask', { body: report.body, year: report.year });
}

/** What the clerk is told the answer means, under the question. */
export function linkExplanation(site: string): string {
  return t('store.link.explain', { site });
}

export async function linkToSite(kv: KV, site: string, key: string): Promise<Result> {
  if (!site) return { ok: false, message: t('store.link.noSite') };
  const parts = parseReportKey(key);
  if (!parts || parts.site !== '') return { ok: false, message: t('store.link.onlyUnsited') };
  const got = await tryGet(kv, [key, linkKey(site)]);
  if (!got.ok) return got;
  if (got.value[key] === undefined) return { ok: false, message: t('store.link.gone') };
  const list = Array.isArray(got.value[linkKey(site)]) ? (got.value[linkKey(site)] as string[]) : [];
  if (list.includes(key)) return { ok: true, value: undefined };
  return trySet(kv, { [linkKey(site)]: [...list, key] }, t('store.link.label', { body: parts.body, year: parts.year, site }));
}

export async function unlinkFromSite(kv: KV, site: string, key: string): Promise<Result> {
  const got = await tryGet(kv, linkKey(site));
  if (!got.ok) return got;
  const list = got.value[linkKey(site)];
  if (!Array.isArray(list)) return { ok: true, value: undefined };
  return trySet(kv, { [linkKey(site)]: list.filter((x) => x !== key) }, t('store.link.unlinkLabel', { site }));
}

/** Every site a site-less report is linked to (shown in the options page). */
export async function sitesLinkedTo(kv: Pick<KV, 'get'>, key: string): Promise<string[]> {
  const all = await kv.get(null);
  const sites: string[] = [];
  for (const [k, v] of Object.entries(all))
    if (k.startsWith(LINK_PREFIX) && Array.isArray(v) && v.includes(key)) sites.push(decodeURIComponent(k.slice(LINK_PREFIX.length)));
  return sites.sort();
}
