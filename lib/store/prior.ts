import type { CheckInput } from '../report';
import type { KV } from './kv';
import { REPORT_PREFIX, normalizeBody, parseReportKey, reportKey, siteOfUrl } from './keys';
import { linkedKeys } from './link';
import { upgrade } from './migrate';
import type { SavedReport } from './schema';

/**
 * Last year's report for the body of a page: the record of (site, body, year − 1).
 * Read-only (safe for the content script): a corrupt record yields null here and is quarantined
 * by the popup/options page when they list the store.
 * When the page's body is unknown and the site has exactly one body with a report for year − 1,
 * that one is used. A record saved without a site ('') is served only to a site the clerk linked it
 * to (lib/store/link.ts); `site` must come from the browser (the sender's URL), never from a page.
 * Site '' asks for site-less records themselves (the extension's own pages, e.g. a site-less year's
 * sheet); the background never asks for it (answerPrior).
 */
export async function getPriorReport(
  kv: Pick<KV, 'get'>,
  site: string,
  body: string | null | undefined,
  year: number,
): Promise<SavedReport | null> {
  const want = year - 1;
  const linked = await linkedKeys(kv, site);
  if (body) {
    const keys = [reportKey(site, body, want), reportKey('', body, want)].filter((k, i) => i === 0 || linked.has(k));
    const direct = await kv.get(keys);
    for (const k of keys) {
      const up = upgrade(direct[k]);
      if (up.ok && keyOf(up.report) === k) return up.report;
    }
  }
  const all = await kv.get(null);
  const candidates: SavedReport[] = [];
  for (const [key, raw] of Object.entries(all)) {
    if (!key.startsWith(REPORT_PREFIX)) continue;
    const parts = parseReportKey(key);
    if (!parts || parts.year !== want) continue;
    if (parts.site !== site && !(parts.site === '' && linked.has(key))) continue;
    if (body && normalizeBody(parts.body) !== normalizeBody(body)) continue;
    const up = upgrade(raw);
    if (up.ok && keyOf(up.report) === key) candidates.push(up.report);
  }
  return candidates.length === 1 ? candidates[0]! : null;
}

/** A record under a key its contents do not name is not served (listing sets it aside). */
const keyOf = (r: SavedReport) => reportKey(r.site, r.body, r.year);

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

/** The parts of runtime.MessageSender that say where a message came from (set by the browser). */
export interface SenderLike {
  url?: string;
  origin?: string;
  tab?: { url?: string };
}

/**
 * The site of the frame that sent a message: its own URL, else its origin (about:blank and
 * javascript: editor frames), else its tab's. Never anything the page put into the message.
 */
export function siteOfSender(sender: SenderLike): string {
  for (const url of [sender.url, sender.origin, sender.tab?.url]) {
    const site = siteOfUrl(url);
    if (site && !/^(about|javascript|data|blob)$/.test(site)) return site;
  }
  return '';
}

/**
 * The background's answer to a content script's `{type: 'prior', body, year}`: last year's data of
 * that body on the sender's site (any `site` in the message is ignored), or null.
 */
export async function answerPrior(kv: Pick<KV, 'get'>, msg: { body?: unknown; year?: unknown; [k: string]: unknown }, sender: SenderLike): Promise<CheckInput | null> {
  if (typeof msg.year !== 'number' || !Number.isInteger(msg.year)) return null;
  const site = siteOfSender(sender);
  if (!site) return null;
  return getPrior(kv, site, typeof msg.body === 'string' ? msg.body : null, msg.year).catch(() => null);
}
