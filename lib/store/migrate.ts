import { plainError } from '../plain-error';
import { SavedReport, SavedReportV1, STORE_VERSION, describeIssues } from './schema';

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
  if (typeof version !== 'number' || !Number.isInteger(version)) return { ok: false, reason: '缺少版本号，无法识别这条记录' };
  if (version > STORE_VERSION) return { ok: false, reason: `这条记录来自更新的扩展版本（第 ${version} 版），请先升级年报助手` };
  const migrated = version < STORE_VERSION;
  while (version < STORE_VERSION) {
    const step = STEPS[version];
    if (!step) return { ok: false, reason: `不支持的旧版本（第 ${version} 版）` };
    try {
      data = step(data);
    } catch (e) {
      const issues = (e as { issues?: { path: PropertyKey[]; message: string }[] }).issues;
      return { ok: false, reason: `旧版本记录无法升级：${issues ? describeIssues(issues) : plainError(e)}` };
    }
    version += 1;
  }
  const parsed = SavedReport.safeParse(data);
  if (!parsed.success) return { ok: false, reason: describeIssues(parsed.error.issues) };
  return { ok: true, report: parsed.data, migrated };
}
