import { describe, expect, it } from 'vitest';
import {
  QUARANTINE_PREFIX, STORE_VERSION, deleteQuarantined, linkToSite, listReports, memoryKV, readHistory, renameBody, reportKey,
  restoreQuarantined, restoreVersion, saveReport, undoChange, type KV, type NewReport,
} from '@/lib/store';

const r: NewReport = {
  site: 'cms.example.gov.cn', body: '某区统计局', year: 2022, format: 'gov2021',
  values: { 'apply.new.total': 5 }, source: 'page', savedAt: '2023-01-01T00:00:00.000Z',
};

/** storage.local when the quota is used up: reads work, every set throws as Chromium does. */
function fullKV(base = memoryKV()) {
  let full = false;
  const kv: KV & { fill(): void; snapshot(): string } = {
    get: (k) => base.get(k),
    set: async (items) => {
      if (full) throw new Error('QUOTA_BYTES quota exceeded');
      return base.set(items);
    },
    remove: (k) => base.remove(k),
    fill: () => void (full = true),
    snapshot: () => JSON.stringify([...base.data].sort()),
  };
  return kv;
}

const QUOTA = /存储空间已满.*没有保存.*导出全部.*删除不再需要的旧年度数据/;

describe('a full storage is said, and loses nothing already saved', () => {
  it('saving a new year', async () => {
    const kv = fullKV();
    await saveReport(kv, r);
    kv.fill();
    const before = kv.snapshot();
    const res = await saveReport(kv, { ...r, year: 2023 });
    expect(res).toMatchObject({ ok: false, message: expect.stringMatching(QUOTA) });
    if (!res.ok) expect(res.message).toContain('「某区统计局」2023 年的数据没有保存');
    expect(kv.snapshot()).toBe(before);
  });

  it('replacing a year keeps the old one current and its history as it was', async () => {
    const kv = fullKV();
    await saveReport(kv, r);
    await saveReport(kv, { ...r, values: { 'apply.new.total': 6 } });
    kv.fill();
    const before = kv.snapshot();
    expect(await saveReport(kv, { ...r, values: { 'apply.new.total': 7 } })).toMatchObject({ ok: false, message: expect.stringMatching(QUOTA) });
    expect(kv.snapshot()).toBe(before);
  });

  it('restoring a version, and undoing a replace', async () => {
    const kv = fullKV();
    await saveReport(kv, r);
    const res = await saveReport(kv, { ...r, values: { 'apply.new.total': 6 } });
    if (!res.ok) throw new Error(res.message);
    kv.fill();
    const before = kv.snapshot();
    expect(await restoreVersion(kv, res.value.key, 0)).toMatchObject({ ok: false, message: expect.stringMatching(QUOTA) });
    expect(await undoChange(kv, res.value.undo)).toMatchObject({ ok: false, message: expect.stringMatching(/存储空间已满/) });
    expect(kv.snapshot()).toBe(before);
    expect((await readHistory(kv, res.value.key)).versions).toHaveLength(1);
  });

  it('renaming a body', async () => {
    const kv = fullKV();
    await saveReport(kv, r);
    await saveReport(kv, { ...r, year: 2023 });
    kv.fill();
    const before = kv.snapshot();
    expect(await renameBody(kv, r.site, r.body, '某区统计局（新）')).toMatchObject({ ok: false, message: expect.stringMatching(/存储空间已满.*改名/) });
    expect(kv.snapshot()).toBe(before);
  });

  it('linking a site-less year to a site', async () => {
    const kv = fullKV();
    const saved = await saveReport(kv, { ...r, site: '' });
    if (!saved.ok) throw new Error(saved.message);
    kv.fill();
    expect(await linkToSite(kv, 'cms.gov.cn', saved.value.key)).toMatchObject({ ok: false, message: expect.stringMatching(/存储空间已满/) });
  });

  it('listing still shows every readable year when a corrupt one cannot be set aside', async () => {
    const kv = fullKV();
    await saveReport(kv, r);
    await saveReport(kv, { ...r, year: 2023 });
    const bad = reportKey(r.site, r.body, 2021);
    await kv.set({ [bad]: { version: 2, values: 'oops' } });
    kv.fill();
    const before = kv.snapshot();
    const listing = await listReports(kv);
    expect(listing.reports.map((x) => x.report.year)).toEqual([2023, 2022]);
    expect(listing.quarantined).toEqual([expect.objectContaining({ from: bad, stillInPlace: true })]);
    expect(listing.notices[0]).toMatch(/有问题.*存储空间已满.*原记录仍在原处/);
    expect(kv.snapshot()).toBe(before);
  });

  it('a store whose reads fail is listed as empty with a message, never a hang or a throw', async () => {
    const kv: KV = { get: async () => { throw new Error('IO error: corruption'); }, set: async () => {}, remove: async () => {} };
    const listing = await listReports(kv);
    expect(listing.reports).toEqual([]);
    expect(listing.notices[0]).toMatch(/无法读取浏览器存储/);
    expect(await saveReport(kv, r)).toMatchObject({ ok: false, message: expect.stringContaining('没有保存') });
  });

  it('any other write error is said too', async () => {
    const base = memoryKV();
    const kv: KV = { ...base, set: async () => { throw new Error('Extension context invalidated.'); } };
    expect(await saveReport(kv, r)).toMatchObject({ ok: false, message: expect.stringMatching(/无法写入浏览器存储.*没有保存/) });
  });
});

describe('listing never writes over a record', () => {
  it('a record under a key its contents do not name is quarantined; the record at that key is untouched', async () => {
    const kv = memoryKV();
    await saveReport(kv, r);
    const right = reportKey(r.site, r.body, r.year);
    const wrong = reportKey(r.site, r.body, 2019);
    const stray = { ...r, version: STORE_VERSION, values: { 'apply.new.total': 999 } };
    await kv.set({ [wrong]: stray });
    const listing = await listReports(kv);
    expect(listing.reports.map((x) => x.key)).toEqual([right]);
    expect(kv.data.get(right)).toMatchObject({ values: { 'apply.new.total': 5 } });
    expect(kv.data.has(wrong)).toBe(false);
    expect(listing.quarantined).toEqual([expect.objectContaining({ from: wrong, raw: stray, reason: expect.stringContaining('存放位置与内容不符') })]);
    expect(listing.notices).toHaveLength(1);
    const keys = listing.reports.map((x) => x.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect([...kv.data.keys()].filter((k) => k.startsWith(QUARANTINE_PREFIX))).toHaveLength(1);
  });

  it('a quarantined record can be put back where it belongs; the year there goes to its history, undoable', async () => {
    const kv = memoryKV();
    await saveReport(kv, r);
    const wrong = reportKey(r.site, r.body, 2019);
    await kv.set({ [wrong]: { ...r, version: STORE_VERSION, values: { 'apply.new.total': 999 } } });
    const q = (await listReports(kv)).quarantined[0]!;
    const before = JSON.stringify([...kv.data].filter(([k]) => !k.startsWith(QUARANTINE_PREFIX)));
    const res = await restoreQuarantined(kv, q);
    if (!res.ok) throw new Error(res.message);
    expect(kv.data.get(res.value.key)).toMatchObject({ values: { 'apply.new.total': 999 } });
    expect((await readHistory(kv, res.value.key)).versions[0]!.report.values).toEqual({ 'apply.new.total': 5 });
    expect((await listReports(kv)).quarantined).toEqual([]);
    await undoChange(kv, res.value.undo);
    expect(JSON.stringify([...kv.data])).toBe(before);
    expect(await deleteQuarantined(kv, { key: 'report:x', from: 'report:y' })).toMatchObject({ ok: false });
  });
});
