/** Storage keys: every report under its own key, so one corrupt record never hides another. */
export const REPORT_PREFIX = 'report:';
export const QUARANTINE_PREFIX = 'quarantine:';
/** Earlier versions of one report: `history:` + the report key's own part. */
export const HISTORY_PREFIX = 'history:';
/** The 核实说明 of one page's report, kept as the clerk confirms (lib/page/confirmations.ts). */
export const CONFIRM_PREFIX = 'confirmations:';
/** Site-less reports the clerk allowed on one site: `siteLinks:` + site. */
export const LINK_PREFIX = 'siteLinks:';
/** The 界面语言 setting (options page): which locale every page and the overlay speak. */
export const LOCALE_KEY = 'uiLocale';

/** 单位名称 as compared and keyed: NFKC, no whitespace (so 「某某区 人民政府」 = 「某某区人民政府」). */
export function normalizeBody(body: string): string {
  return body.normalize('NFKC').replace(/\s+/g, '');
}

export function reportKey(site: string, body: string, year: number): string {
  return `${REPORT_PREFIX}${encodeURIComponent(site)}|${encodeURIComponent(normalizeBody(body))}|${year}`;
}

/** `confirmations:<site>|<body>|<year>`: the confirmations of a report being typed, before and after it is saved. */
export function confirmationsKey(site: string, body: string, year: number): string {
  return CONFIRM_PREFIX + reportKey(site, body, year).slice(REPORT_PREFIX.length);
}

export interface KeyParts {
  site: string;
  body: string;
  year: number;
}

export function parseReportKey(key: string): KeyParts | null {
  if (!key.startsWith(REPORT_PREFIX)) return null;
  const parts = key.slice(REPORT_PREFIX.length).split('|');
  if (parts.length !== 3) return null;
  const year = Number(parts[2]);
  if (!Number.isInteger(year)) return null;
  try {
    return { site: decodeURIComponent(parts[0]!), body: decodeURIComponent(parts[1]!), year };
  } catch {
    return null;
  }
}

export function historyKey(key: string): string {
  return HISTORY_PREFIX + key.slice(REPORT_PREFIX.length);
}

export function linkKey(site: string): string {
  return LINK_PREFIX + encodeURIComponent(site);
}

/**
 * The site of a URL (the per-site switch's and the saved reports' site): the host name, or the
 * scheme for pages without one. '' for what is not a URL.
 */
export function siteOfUrl(url: string | undefined | null): string {
  if (!url) return '';
  try {
    const u = new URL(url);
    return u.hostname || u.host || u.protocol.replace(':', '');
  } catch {
    return '';
  }
}
