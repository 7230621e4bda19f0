import type { KV } from './kv';
import { QUARANTINE_PREFIX, REPORT_PREFIX, normalizeBody, reportKey } from './keys';
import { upgrade } from './migrate';
import { STORE_VERSION, SavedReport, describeIssues } from './schema';

/** A record that failed the schema: kept as it was, with the reason, never deleted silently. */
export interface Quarantined {
  key: string;
  /** The storage key the record was found under. */
  from: string;
  raw: unknown;
  reason: string;
  at: string;
}

export interface StoredReport {
  key: string;
  report: SavedReport;
}

export interface Listing {
  reports: StoredReport[];
  quarantined: Quarantined[];
  /** Chinese notices for the user about records set aside during this listing. */
  notices: string[];
}

export type Result<T = void> = { ok: true; value: T } | { ok: false; message: string };

const now = () => new Date().toISOString();

async function quarantine(kv: KV, from: string, raw: unknown, reason: string): Promise<Quarantined> {
  const at = now();
  const entry: Quarantined = { key: `${QUARANTINE_PREFIX}${from}|${at}`, from, raw, reason, at };
  await kv.set({ [entry.key]: entry });
  await kv.remove(from);
  return entry;
}

function quarantineNotice(q: Quarantined): string {
  return `一条已保存的数据（${q.from.slice(REPORT_PREFIX.length)}）已损坏：${q.reason}。原始内容已另行保存，可在设置页导出或删除。`;
}

/**
 * Every saved report, upgraded to the current version (upgrades are written back).
 * A record that fails the schema is moved to a quarantine key with the reason; the others load.
 */
export async function listReports(kv: KV): Promise<Listing> {
  const all = await kv.get(null);
  const reports: StoredReport[] = [];
  const quarantined: Quarantined[] = [];
  const notices: string[] = [];
  for (const [key, raw] of Object.entries(all)) {
    if (key.startsWith(QUARANTINE_PREFIX)) {
      const q = raw as Partial<Quarantined> | null;
      quarantined.push({
        key,
        from: typeof q?.from === 'string' ? q.from : key,
        raw: q?.raw ?? raw,
        reason: typeof q?.reason === 'string' ? q.reason : '原因不明',
        at: typeof q?.at === 'string' ? q.at : '',
      });
      continue;
    }
    if (!key.startsWith(REPORT_PREFIX)) continue;
    const up = upgrade(raw);
    if (!up.ok) {
      const q = await quarantine(kv, key, raw, up.reason);
      quarantined.push(q);
      notices.push(quarantineNotice(q));
      continue;
    }
    const want = reportKey(up.report.site, up.report.body, up.report.year);
    if (up.migrated || want !== key) {
      await kv.set({ [want]: up.report });
      if (want !== key) await kv.remove(key);
    }
    reports.push({ key: want, report: up.report });
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

/** Validate and store one report under its own key. `replaced` tells whether that year existed. */
export async function saveReport(kv: KV, input: NewReport): Promise<Result<{ key: string; replaced: boolean }>> {
  const candidate = { ...input, body: input.body.trim(), version: STORE_VERSION, savedAt: input.savedAt ?? now() };
  const parsed = SavedReport.safeParse(candidate);
  if (!parsed.success) return { ok: false, message: `无法保存：${describeIssues(parsed.error.issues)}` };
  const key = reportKey(parsed.data.site, parsed.data.body, parsed.data.year);
  const existing = await kv.get(key);
  await kv.set({ [key]: parsed.data });
  return { ok: true, value: { key, replaced: key in existing } };
}

export async function deleteReport(kv: KV, key: string): Promise<void> {
  await kv.remove(key);
}

export async function deleteQuarantined(kv: KV, key: string): Promise<void> {
  if (key.startsWith(QUARANTINE_PREFIX)) await kv.remove(key);
}

/**
 * Rename a body on one site (every year). Refuses, changing nothing, when a year already exists
 * under the new name.
 */
export async function renameBody(kv: KV, site: string, from: string, to: string): Promise<Result<number>> {
  const name = to.trim();
  if (!name) return { ok: false, message: '单位名称不能为空' };
  const { reports } = await listReports(kv);
  const mine = reports.filter((r) => r.report.site === site && normalizeBody(r.report.body) === normalizeBody(from));
  const moves = mine.map((r) => ({ old: r.key, report: { ...r.report, body: name } }));
  const clash = [];
  for (const m of moves) {
    const key = reportKey(site, name, m.report.year);
    if (key !== m.old && (await kv.get(key))[key] !== undefined) clash.push(m.report.year);
  }
  if (clash.length) return { ok: false, message: `「${name}」已有 ${clash.join('、')} 年的数据，未改名。请先删除或改用其他名称。` };
  for (const m of moves) {
    const key = reportKey(site, name, m.report.year);
    await kv.set({ [key]: m.report });
    if (key !== m.old) await kv.remove(m.old);
  }
  return { ok: true, value: moves.length };
}
