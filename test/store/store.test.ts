import { describe, expect, it } from 'vitest';
import {
  STORE_VERSION, deleteReport, getPrior, getPriorReport, linkCandidates, linkQuestion, linkToSite, listReports, memoryKV, renameBody,
  reportKey, saveReport, unlinkFromSite, upgrade,
  type NewReport,
} from '@/lib/store';

const report2022: NewReport = {
  site: 'cms.example.gov.cn',
  body: '某某市某某区人民政府办公室',
  year: 2022,
  format: 'gov2021',
  values: { 'apply.carryForward.natural': 3, 'apply.carryForward.total': 4, 'apply.carryForward.commercial': 1, 'active.regulation.inForce': null },
  source: 'https://www.example.gov.cn/2022.html',
};

describe('schema and migration', () => {
  it('accepts a current record and rejects wrong fields with a Chinese reason', () => {
    const good = { ...report2022, version: STORE_VERSION, savedAt: '2023-01-20T08:00:00.000Z' };
    expect(upgrade(good)).toMatchObject({ ok: true, migrated: false });
    const bad = upgrade({ ...good, year: '二〇二二', values: { 'apply.new.total': 'abc' } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.reason).toMatch(/年度.*数值|数值.*年度/);
    expect(upgrade({ ...good, format: 'gov1999' })).toMatchObject({ ok: false });
    expect(upgrade({ ...good, values: { x: Number.NaN } })).toMatchObject({ ok: false });
  });

  it('migrates a v1 record (unit, epoch savedAt) to v2 (body, ISO savedAt)', () => {
    const v1 = { version: 1, site: 'a.gov.cn', unit: '某县统计局', year: 2021, format: 'gov2021', values: { 'apply.new.total': 8 }, source: 'page', savedAt: Date.UTC(2022, 0, 15) };
    const up = upgrade(v1);
    expect(up).toEqual({
      ok: true,
      migrated: true,
      report: { version: 2, site: 'a.gov.cn', body: '某县统计局', year: 2021, format: 'gov2021', values: { 'apply.new.total': 8 }, source: 'page', savedAt: '2022-01-15T00:00:00.000Z' },
    });
  });

  it('refuses records without a version, from a newer version, or a broken v1', () => {
    expect(upgrade({ ...report2022 })).toMatchObject({ ok: false, reason: expect.stringContaining('版本号') });
    expect(upgrade({ version: 9 })).toMatchObject({ ok: false, reason: expect.stringContaining('升级年报助手') });
    expect(upgrade({ version: 1, unit: '' })).toMatchObject({ ok: false, reason: expect.stringContaining('无法升级') });
    expect(upgrade('garbage')).toMatchObject({ ok: false });
  });
});

describe('store', () => {
  it('saves each body+year under its own key and lists them', async () => {
    const kv = memoryKV();
    const a = await saveReport(kv, report2022);
    expect(a).toMatchObject({ ok: true, value: { replaced: false } });
    const b = await saveReport(kv, { ...report2022, year: 2023 });
    expect(b.ok && b.value.key).toBe(reportKey(report2022.site, report2022.body, 2023));
    const again = await saveReport(kv, report2022);
    expect(again).toMatchObject({ ok: true, value: { replaced: true } });
    const { reports, quarantined } = await listReports(kv);
    expect(reports.map((r) => r.report.year)).toEqual([2023, 2022]);
    expect(quarantined).toEqual([]);
  });

  it('does not save invalid input and says why', async () => {
    const kv = memoryKV();
    const r = await saveReport(kv, { ...report2022, body: '  ' });
    expect(r).toMatchObject({ ok: false, message: expect.stringContaining('单位名称') });
    expect(kv.data.size).toBe(0);
  });

  it('quarantines one corrupt year without taking the other years down', async () => {
    const kv = memoryKV();
    await saveReport(kv, report2022);
    await saveReport(kv, { ...report2022, year: 2023 });
    const badKey = reportKey(report2022.site, report2022.body, 2021);
    const corrupt = { version: 2, site: report2022.site, body: report2022.body, year: 2021, format: 'gov2021', values: { 'apply.new.total': '十二' }, source: 'x', savedAt: '2022-01-01T00:00:00Z' };
    await kv.set({ [badKey]: corrupt });

    const listing = await listReports(kv);
    expect(listing.reports.map((r) => r.report.year)).toEqual([2023, 2022]);
    expect(listing.quarantined).toHaveLength(1);
    expect(listing.quarantined[0]).toMatchObject({ from: badKey, raw: corrupt, reason: expect.stringContaining('数值') });
    expect(listing.notices[0]).toMatch(/已损坏.*原始内容已另行保存/);
    // moved aside, not dropped: the raw record is still in storage under the quarantine key
    expect(kv.data.has(badKey)).toBe(false);
    expect(kv.data.get(listing.quarantined[0]!.key)).toMatchObject({ raw: corrupt });
    // and listing again is stable
    const again = await listReports(kv);
    expect(again.reports).toHaveLength(2);
    expect(again.quarantined).toHaveLength(1);
    expect(again.notices).toEqual([]);
  });

  it('writes migrated v1 records back as v2', async () => {
    const key = reportKey('a.gov.cn', '某县统计局', 2021);
    const kv = memoryKV({ [key]: { version: 1, site: 'a.gov.cn', unit: '某县统计局', year: 2021, format: 'gov2021', values: {}, source: 'page', savedAt: 0 } });
    await listReports(kv);
    expect(kv.data.get(key)).toMatchObject({ version: 2, body: '某县统计局', savedAt: '1970-01-01T00:00:00.000Z' });
  });

  it('renames a body for every year, and refuses when the new name already has that year', async () => {
    const kv = memoryKV();
    await saveReport(kv, report2022);
    await saveReport(kv, { ...report2022, year: 2023 });
    await saveReport(kv, { ...report2022, body: '区政府办', year: 2023 });
    const clash = await renameBody(kv, report2022.site, report2022.body, '区政府办');
    expect(clash).toMatchObject({ ok: false, message: expect.stringContaining('2023') });
    expect((await listReports(kv)).reports).toHaveLength(3);
    const ok = await renameBody(kv, report2022.site, report2022.body, '区人民政府办公室');
    expect(ok).toEqual({ ok: true, value: 2 });
    const names = (await listReports(kv)).reports.map((r) => `${r.report.body}${r.report.year}`).sort();
    expect(names).toEqual(['区人民政府办公室2022', '区人民政府办公室2023', '区政府办2023']);
  });

  it('deletes one report', async () => {
    const kv = memoryKV();
    const saved = await saveReport(kv, report2022);
    if (!saved.ok) throw new Error(saved.message);
    await deleteReport(kv, saved.value.key);
    expect((await listReports(kv)).reports).toEqual([]);
  });
});

describe('getPrior', () => {
  it('finds last year of the same body, ignoring whitespace in the name', async () => {
    const kv = memoryKV();
    await saveReport(kv, report2022);
    const prior = await getPrior(kv, report2022.site, '某某市某某区 人民政府办公室', 2023);
    expect(prior).toEqual({ format: 'gov2021', year: 2022, values: report2022.values, body: report2022.body });
    expect(await getPrior(kv, report2022.site, report2022.body, 2024)).toBeNull();
    expect(await getPrior(kv, report2022.site, '另一个单位', 2023)).toBeNull();
  });

  it('uses the only body of the site when the page names none; none when ambiguous', async () => {
    const kv = memoryKV();
    await saveReport(kv, report2022);
    expect((await getPriorReport(kv, report2022.site, null, 2023))?.body).toBe(report2022.body);
    await saveReport(kv, { ...report2022, body: '区统计局' });
    expect(await getPriorReport(kv, report2022.site, null, 2023)).toBeNull();
  });

  it('serves a report saved without a site only to a site the clerk linked it to', async () => {
    const kv = memoryKV();
    const saved = await saveReport(kv, { ...report2022, site: '' });
    if (!saved.ok) throw new Error(saved.message);
    expect(await getPrior(kv, 'cms.gov.cn', report2022.body, 2023)).toBeNull();
    expect(await getPrior(kv, 'cms.gov.cn', null, 2023)).toBeNull();
    expect(await linkCandidates(kv, 'cms.gov.cn', report2022.body, 2023)).toEqual([{ key: saved.value.key, report: expect.objectContaining({ body: report2022.body }) }]);
    expect(await linkToSite(kv, 'cms.gov.cn', saved.value.key)).toEqual({ ok: true, value: undefined });
    expect((await getPrior(kv, 'cms.gov.cn', report2022.body, 2023))?.year).toBe(2022);
    expect((await getPrior(kv, 'cms.gov.cn', null, 2023))?.year).toBe(2022);
    expect(await linkCandidates(kv, 'cms.gov.cn', report2022.body, 2023)).toEqual([]);
    // another site (a hostile page titled with the body's name) still gets nothing
    expect(await getPrior(kv, 'evil.example.com', report2022.body, 2023)).toBeNull();
    expect(await getPrior(kv, 'evil.example.com', null, 2023)).toBeNull();
    // the extension's own pages may ask for site-less years as such (site '')
    expect((await getPrior(kv, '', report2022.body, 2023))?.year).toBe(2022);
    await unlinkFromSite(kv, 'cms.gov.cn', saved.value.key);
    expect(await getPrior(kv, 'cms.gov.cn', report2022.body, 2023)).toBeNull();
  });

  it('offers no link when the site has its own report of that year', async () => {
    const kv = memoryKV();
    await saveReport(kv, { ...report2022, site: '' });
    await saveReport(kv, report2022);
    expect(await linkCandidates(kv, report2022.site, report2022.body, 2023)).toEqual([]);
    expect(linkQuestion(report2022)).toBe('在此网站使用「某某市某某区人民政府办公室」2022 年数据？');
  });

  it('returns null, without writing, when last year is corrupt', async () => {
    const key = reportKey(report2022.site, report2022.body, 2022);
    const kv = memoryKV({ [key]: { version: 2, broken: true } });
    expect(await getPrior(kv, report2022.site, report2022.body, 2023)).toBeNull();
    expect(kv.data.has(key)).toBe(true);
  });
});
