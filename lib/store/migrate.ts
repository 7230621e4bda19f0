import { plainError } from '../plain-error';
import { SavedReport, SavedReportV1, STORE_VERSION, describeIssues } from './schema';
import { t } from '../i18n';

export type Upgrade = { ok: true; report: SavedReport; migrated: boolean } | { ok: false; reason: string };

/** Each step turns version n into n+1; add one per schema change. */
const STEPS: Record<number, (old: unknown) => unknown> = {
  1: (old) => {
    const v1 = SavedReportV1.parse(old);
    const { unit, savedAt, version: _v, ...rest } = v1;
    return { ...rest, version: 2, body: unit, savedAt: new Date(savedAt).toISOString() };
  },
};

/** Bring any stored record to the current version and validate it; never throws. */
export function upgrade(raw: unknown): Upgrade {
  let data = raw;
  let version = typeof raw === 'object' && raw !== null ? (raw as { version?: unknown }).version : undefined;
  if (typeof version !== 'number' || !Number.isInteger(version)) return { ok: false, reason: t('store.noVersion') };
  if (version > STORE_VERSION) return { ok: false, reason: t('store.newerVersion', { v: version }) };
  const migrated = version < STORE_VERSION;
  while (version < STORE_VERSION) {
    const step = STEPS[version];
    if (!step) return { ok: false, reason: t('store.oldVersion', { v: version }) };
    try {
      data = step(data);
    } catch (e) {
      const issues = (e as { issues?: { path: PropertyKey[]; message: string }[] }).issues;
      return { ok: false, reason: t('store.cannotUpgrade', { why: issues ? describeIssues(issues) : plainError(e) }) };
    }
    version += 1;
  }
  const parsed = SavedReport.safeParse(data);
  if (!parsed.success) return { ok: false, reason: describeIssues(parsed.error.issues) };
  return { ok: true, report: parsed.data, migrated };
}
