import { LINK_PREFIX, QUARANTINE_PREFIX, REPORT_PREFIX, historyKey, normalizeBody, reportKey } from './keys';
import type { KV } from './kv';
import { pushed, readHistoryRaw, sameContent, stableJson, type StoredVersion } from './history';
import { upgrade } from './migrate';
import { STORE_VERSION, SavedReport, describeIssues } from './schema';
import { tryGet, tryRemove, trySet, type Result } from './write';
import { t } from '../i18n';

export type { Result } from './write';

/** A record that failed the schema or sat under the wrong key: kept as it was, with the reason, never deleted silently. */
export interface Quarantined {
  key: string;
  /** The storage key the record was found under. */
  from: string;
  raw: unknown;
  reason: string;
  at: string;
  /** Setting it aside failed (storage full): it is still under `from`, untouched. */
  stillInPlace?: boolean;
}

export interface StoredReport {
  key: string;
  report: SavedReport;
}

export interface Listing {
  reports: StoredReport[];
  quarantined: Quarantined[];
  /** Chinese notices for the user about records set aside (or that could not be) during this listing. */
  notices: string[];
}

/**
 * What one change wrote over, exactly as it was, so 撤销 puts it back byte for byte: the record
 * and its history as they were before, and what the change wrote (撤销 refuses once that changed).
 */
export interface UndoToken {
  key: string;
  before: unknown;
  historyBefore: StoredVersion[];
  after: SavedReport | undefined;
  what: string;
}

const now = () => new Date().toISOString();
const what = (r: { body: string; year: number }) => t('store.what', { body: r.body, year: r.year });

async function quarantine(kv: KV, from: string, raw: unknown, reason: string): Promise<Result<Quarantined>> {
  const at = now();
  const entry: Quarantined = { key: `${QUARANTINE_PREFIX}${from}|${at}`, from, raw, reason, at };
  const set = await trySet(kv, { [entry.key]: entry }, t('store.quarantineCopy'));
  if (!set.ok) return set;
  const removed = await tryRemove(kv, from, t('store.damagedRecord'));
  // Both copies kept is still safe: listing again finds the original and sets it aside again.
  return removed.ok ? { ok: true, value: entry } : removed;
}

const place = (key: string) => key.slice(REPORT_PREFIX.length).split('|').map((p) => { try { return decodeURIComponent(p); } catch { return p; } }).filter(Boolean).join(' ');

function quarantineNotice(q: Quarantined): string {
  return t('store.quarantineNotice', { place: place(q.from), reason: q.reason });
}

function stuckNotice(from: string, reason: string, message: string): string {
  return t('store.stuckNotice', { place: place(from), reason, why: message.replace(/[。.].*$/, '') });
}

function readQuarantined(key: string, raw: unknown): Quarantined {
  const q = raw as Partial<Quarantined> | null;
  return {
    key,
    from: typeof q?.from === 'string' ? q.from : key,
    raw: q?.raw ?? raw,
    reason: typeof q?.reason === 'string' ? q.reason : t('store.unknownReason'),
    at: typeof q?.at === 'string' ? q.at : '',
  };
}

/**
 * Every saved report, upgraded to the current version (upgrades are written back). A record that
 * fails the schema, or whose contents name another key, is moved to a quarantine key with the
 * reason (never onto another record). Never throws: a failing write is a notice, and what can be
 * read is listed.
 */
export async function listReports(kv: KV): Promise<Listing> {
  const got = await tryGet(kv, null);
  if (!got.ok) return { reports: [], quarantined: [], notices: [got.message] };
  const reports: StoredReport[] = [];
  const quarantined: Quarantined[] = [];
  const notices: string[] = [];
  const setAside = async (key: string, raw: unknown, reason: string) => {
    const q = await quarantine(kv, key, raw, reason);
    if (q.ok) {
      quarantined.push(q.value);
      notices.push(quarantineNotice(q.value));
    } else {
      quarantined.push({ key, from: key, raw, reason, at: now(), stillInPlace: true });
      notices.push(stuckNotice(key, reason, q.message));
    }
  };
  for (const [key, raw] of Object.entries(got.value)) {
    if (key.startsWith(QUARANTINE_PREFIX)) {
      quarantined.push(readQuarantined(key, raw));
      continue;
    }
    if (!key.startsWith(REPORT_PREFIX)) continue;
    const up = upgrade(raw);
    if (!up.ok) {
      await setAside(key, raw, up.reason);
      continue;
    }
    const r = up.report;
    if (reportKey(r.site, r.body, r.year) !== key) {
      await setAside(key, raw, t('store.misplaced', { body: r.body, year: r.year, site: r.site ? t('store.misplacedSite', { site: r.site }) : '' }));
      continue;
    }
    if (up.migrated) {
      const w = await trySet(kv, { [key]: r }, t('store.newFormat', { what: what(r) }));
      if (!w.ok) notices.push(w.message);
    }
    reports.push({ key, report: r });
  }
  reports.sort(
    (a, b) =>
      a.report.body.localeCompare(b.report.body, 'zh-CN') ||
      a.report.site.localeCompare(b.report.site) ||
      b.report.year - a.report.year,
  );
  return { reports, quarantined, notices };
}

export type NewReport = Omit<SavedReport, 'version' | 'savedAt'> & { savedAt?: string };

export interface Saved {
  key: string;
  /** Whether that year existed before. */
  replaced: boolean;
  /** The version replaced, when it was readable. */
  previous: SavedReport | null;
  undo: UndoToken;
}

/**
 * Validate and store one report under its own key. The version it replaces goes into the year's
 * history (in the same write), so nothing is lost; `undo` puts everything back exactly.
 */
export async function saveReport(kv: KV, input: NewReport): Promise<Result<Saved>> {
  const candidate = { ...input, body: input.body.trim(), version: STORE_VERSION, savedAt: input.savedAt ?? now() };
  const parsed = SavedReport.safeParse(candidate);
  if (!parsed.success) return { ok: false, message: t('store.cannotSave', { why: describeIssues(parsed.error.issues) }) };
  const report = parsed.data;
  const key = reportKey(report.site, report.body, report.year);
  return put(kv, key, report, `${what(report)}`);
}

async function put(kv: KV, key: string, report: SavedReport, label: string): Promise<Result<Saved>> {
  const got = await tryGet(kv, [key, historyKey(key)]);
  if (!got.ok) return { ok: false, message: t('store.notSaved', { label, why: got.message }) };
  const before = got.value[key];
  const historyBefore = await readHistoryRaw({ get: async () => got.value }, key);
  const up = before === undefined ? null : upgrade(before);
  const previous = up?.ok ? up.report : null;
  const items: Record<string, unknown> = { [key]: report };
  // An unreadable record being replaced is kept in the history too (raw), never dropped.
  if (before !== undefined && !(previous && sameContent(previous, report))) items[historyKey(key)] = pushed(historyBefore, (previous ?? before) as SavedReport, now());
  const w = await trySet(kv, items, label);
  if (!w.ok) return w;
  return { ok: true, value: { key, replaced: before !== undefined, previous, undo: { key, before, historyBefore, after: report, what: label } } };
}

/** 撤销: put back the record and its history exactly as they were before the change. */
export async function undoChange(kv: KV, token: UndoToken): Promise<Result> {
  const hk = historyKey(token.key);
  const got = await tryGet(kv, [token.key]);
  if (!got.ok) return got;
  const current = got.value[token.key];
  if (stableJson(current) !== stableJson(token.after))
    return { ok: false, message: t('store.changedSince', { what: token.what }) };
  const items: Record<string, unknown> = {};
  const gone: string[] = [];
  if (token.before === undefined) gone.push(token.key);
  else items[token.key] = token.before;
  if (token.historyBefore.length) items[hk] = token.historyBefore;
  else gone.push(hk);
  if (Object.keys(items).length) {
    const w = await trySet(kv, items, t('store.undoLabel', { what: token.what }));
    if (!w.ok) return w;
  }
  if (gone.length) {
    const r = await tryRemove(kv, gone, t('store.undoLabel', { what: token.what }));
    if (!r.ok) return r;
  }
  return { ok: true, value: undefined };
}

/**
 * Make an earlier version current again, exactly as it was saved. The version it replaces goes
 * into the history, so restoring is itself reversible.
 */
export async function restoreVersion(kv: KV, key: string, index: number): Promise<Result<Saved>> {
  const hk = historyKey(key);
  const got = await tryGet(kv, [key, hk]);
  if (!got.ok) return got;
  const raw = await readHistoryRaw({ get: async () => got.value }, key);
  const chosen = raw[index];
  const up = chosen ? upgrade(chosen.report) : null;
  if (!up?.ok) return { ok: false, message: t('store.versionUnreadable') };
  if (reportKey(up.report.site, up.report.body, up.report.year) !== key) return { ok: false, message: t('store.versionElsewhere') };
  const label = t('store.versionOf', { what: what(up.report) });
  const before = got.value[key];
  const rest = raw.filter((_, i) => i !== index);
  const history = before === undefined ? rest : pushed(rest, before as SavedReport, now());
  const items: Record<string, unknown> = { [key]: up.report, [hk]: history };
  if (!history.length) delete items[hk];
  const w = await trySet(kv, items, label);
  if (!w.ok) return w;
  if (!history.length && raw.length) await tryRemove(kv, hk, label);
  return { ok: true, value: { key, replaced: before !== undefined, previous: null, undo: { key, before, historyBefore: raw, after: up.report, what: label } } };
}

/** Delete one year with its history; `undo` brings both back. */
export async function deleteReport(kv: KV, key: string): Promise<Result<UndoToken>> {
  const hk = historyKey(key);
  const got = await tryGet(kv, [key, hk]);
  if (!got.ok) return got;
  const before = got.value[key];
  const up = upgrade(before);
  const label = up.ok ? what(up.report) : t('store.thisRecord');
  const r = await tryRemove(kv, [key, hk], label);
  if (!r.ok) return r;
  const historyBefore = await readHistoryRaw({ get: async () => got.value }, key);
  return { ok: true, value: { key, before, historyBefore, after: undefined, what: label } };
}

export async function deleteQuarantined(kv: KV, q: Pick<Quarantined, 'key' | 'from'>): Promise<Result> {
  if (q.key.startsWith(QUARANTINE_PREFIX) || (q.key === q.from && q.key.startsWith(REPORT_PREFIX)))
    return tryRemove(kv, q.key, t('store.thisDamaged'));
  return { ok: false, message: t('store.notDamaged') };
}

/**
 * Put a quarantined record that is readable back where its contents say (e.g. one found under the
 * wrong key). A year already there is kept in the history, so this too can be undone.
 */
export async function restoreQuarantined(kv: KV, q: Quarantined): Promise<Result<Saved>> {
  const up = upgrade(q.raw);
  if (!up.ok) return { ok: false, message: t('store.cannotRestore', { reason: up.reason }) };
  const r = up.report;
  const saved = await put(kv, reportKey(r.site, r.body, r.year), r, what(r));
  if (!saved.ok) return saved;
  if (q.key !== saved.value.key) await tryRemove(kv, q.key, t('store.restoredCopy'));
  return saved;
}

/** A version keeps its figures but takes the new name, so restoring it lands under the renamed key. */
function renamedVersion(v: StoredVersion, name: string): StoredVersion {
  const r = v?.report as Record<string, unknown> | null;
  if (!r || typeof r !== 'object') return v;
  return { ...v, report: 'unit' in r ? { ...r, unit: name } : { ...r, body: name } };
}

/**
 * Rename a body on one site (every year, with their histories and the sites they are linked to).
 * Refuses, changing nothing, when a year already exists under the new name.
 */
export async function renameBody(kv: KV, site: string, from: string, to: string): Promise<Result<number>> {
  const name = to.trim();
  if (!name) return { ok: false, message: t('store.emptyName') };
  const got = await tryGet(kv, null);
  if (!got.ok) return got;
  const { reports } = await listReports(kv);
  const mine = reports.filter((r) => r.report.site === site && normalizeBody(r.report.body) === normalizeBody(from));
  const moves = mine.map((r) => ({ old: r.key, key: reportKey(site, name, r.report.year), report: { ...r.report, body: name } }));
  const clash = moves.filter((m) => m.key !== m.old && got.value[m.key] !== undefined).map((m) => m.report.year);
  if (clash.length) return { ok: false, message: t('store.nameClash', { name, years: clash.join(t('common.enumSeparator')) }) };
  const items: Record<string, unknown> = {};
  const gone: string[] = [];
  for (const m of moves) {
    items[m.key] = m.report;
    const h = got.value[historyKey(m.old)];
    if (Array.isArray(h)) items[historyKey(m.key)] = h.map((v: StoredVersion) => renamedVersion(v, name));
    if (m.key !== m.old) gone.push(m.old, historyKey(m.old));
  }
  const renamed = new Map(moves.map((m) => [m.old, m.key]));
  for (const [k, v] of Object.entries(got.value))
    if (k.startsWith(LINK_PREFIX) && Array.isArray(v) && v.some((x) => renamed.has(x)))
      items[k] = v.map((x) => renamed.get(x) ?? x);
  const w = await trySet(kv, items, t('store.renameLabel', { from, to: name }));
  if (!w.ok) return w;
  const stale = gone.filter((k) => !(k in items));
  if (stale.length) await tryRemove(kv, stale, t('store.renamedOld'));
  return { ok: true, value: moves.length };
}
