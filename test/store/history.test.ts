import { describe, expect, it } from 'vitest';
import {
  HISTORY_LIMIT, answerPrior, deleteReport, historyKey, listReports, memoryKV, readHistory, reportKey, restoreVersion, saveReport,
  siteOfSender, undoChange, type NewReport,
} from '@/lib/store';

const r: NewReport = {
  site: 'cms.example.gov.cn', body: '某区统计局', year: 2022, format: 'gov2021',
  values: { 'apply.new.total': 5, 'apply.carryForward.total': 2 }, source: 'page',
};
const v = (n: number): NewReport => ({ ...r, values: { 'apply.new.total': n, 'apply.carryForward.total': 2 }, savedAt: `2023-01-${String(n).padStart(2, '0')}T00:00:00.000Z` });

describe('history of a saved year', () => {
  it('keeps each replaced version, newest first, bounded', async () => {
    const kv = memoryKV();
    for (let n = 1; n <= HISTORY_LIMIT + 3; n++) await saveReport(kv, v(n));
    const key = reportKey(r.site, r.body, r.year);
    const { versions } = await readHistory(kv, key);
    expect(versions).toHaveLength(HISTORY_LIMIT);
    expect(versions.map((x) => x.report.values['apply.new.total'])).toEqual([7, 6, 5, 4, 3]);
    expect((await listReports(kv)).reports).toHaveLength(1);
  });

  it('does not add a version when the same figures are saved again', async () => {
    const kv = memoryKV();
    await saveReport(kv, v(1));
    await saveReport(kv, { ...v(1), savedAt: '2024-01-01T00:00:00.000Z', source: 'again' });
    expect((await readHistory(kv, reportKey(r.site, r.body, r.year))).versions).toEqual([]);
  });

  it('restores a version exactly as it was saved, and the restore can itself be undone', async () => {
    const kv = memoryKV();
    await saveReport(kv, v(1));
    await saveReport(kv, v(2));
    const key = reportKey(r.site, r.body, r.year);
    const snapshot = JSON.stringify([...kv.data]);
    const old = (await readHistory(kv, key)).versions[0]!;
    const res = await restoreVersion(kv, key, old.index);
    if (!res.ok) throw new Error(res.message);
    expect(kv.data.get(key)).toEqual({ ...v(1), version: 2 });
    expect((await readHistory(kv, key)).versions.map((x) => x.report.values['apply.new.total'])).toEqual([2]);
    expect(await undoChange(kv, res.value.undo)).toEqual({ ok: true, value: undefined });
    expect(JSON.stringify([...kv.data])).toBe(snapshot);
  });

  it('undo after a replace puts back the previous version and history byte for byte', async () => {
    const kv = memoryKV();
    for (let n = 1; n <= HISTORY_LIMIT + 1; n++) await saveReport(kv, v(n)); // history full
    const snapshot = JSON.stringify([...kv.data]);
    const res = await saveReport(kv, { ...r, values: { 'apply.new.total': 99 } });
    if (!res.ok) throw new Error(res.message);
    expect(res.value).toMatchObject({ replaced: true, previous: { values: { 'apply.new.total': HISTORY_LIMIT + 1 } } });
    expect(await undoChange(kv, res.value.undo)).toMatchObject({ ok: true });
    expect(JSON.stringify([...kv.data])).toBe(snapshot);
  });

  it('undo of a first save removes the year; undo refuses when the year changed again since', async () => {
    const kv = memoryKV();
    const first = await saveReport(kv, v(1));
    if (!first.ok) throw new Error(first.message);
    await undoChange(kv, first.value.undo);
    expect(kv.data.size).toBe(0);
    const again = await saveReport(kv, v(1));
    await saveReport(kv, v(2));
    if (!again.ok) throw new Error(again.message);
    expect(await undoChange(kv, again.value.undo)).toMatchObject({ ok: false, message: expect.stringContaining('又被修改过') });
    expect(kv.data.get(reportKey(r.site, r.body, r.year))).toMatchObject({ values: { 'apply.new.total': 2 } });
  });

  it('a deleted year comes back with its history on undo', async () => {
    const kv = memoryKV();
    await saveReport(kv, v(1));
    await saveReport(kv, v(2));
    const snapshot = JSON.stringify([...kv.data]);
    const key = reportKey(r.site, r.body, r.year);
    const del = await deleteReport(kv, key);
    if (!del.ok) throw new Error(del.message);
    expect(kv.data.has(key) || kv.data.has(historyKey(key))).toBe(false);
    await undoChange(kv, del.value);
    expect(JSON.stringify([...kv.data].sort())).toBe(JSON.stringify(JSON.parse(snapshot).sort()));
  });
});

describe('the background answers "prior" for the sender\'s site', () => {
  it('takes the site from the sender, never from the message', async () => {
    const kv = memoryKV();
    await saveReport(kv, r);
    const msg = { type: 'prior', site: r.site, body: r.body, year: 2023 };
    expect(await answerPrior(kv, msg, { url: 'https://evil.example.com/x', tab: { url: 'https://evil.example.com/x' } })).toBeNull();
    expect(await answerPrior(kv, { ...msg, site: 'evil.example.com' }, { url: `https://${r.site}/edit?id=1` })).toMatchObject({ year: 2022 });
    expect(await answerPrior(kv, msg, {})).toBeNull();
  });

  it('an editor frame without its own address (about:blank) counts as its origin, else its tab', () => {
    expect(siteOfSender({ url: 'about:blank', origin: 'https://cms.gov.cn', tab: { url: 'https://other.cn/' } })).toBe('cms.gov.cn');
    expect(siteOfSender({ url: 'about:blank', tab: { url: 'https://cms.gov.cn/a' } })).toBe('cms.gov.cn');
    expect(siteOfSender({ url: 'https://frame.cms.gov.cn/e', tab: { url: 'https://cms.gov.cn/a' } })).toBe('frame.cms.gov.cn');
  });
});

describe('renaming keeps history and links', () => {
  it('moves each year with its history, and a site-less year stays linked to the sites it was linked to', async () => {
    const { linkToSite, renameBody, getPrior } = await import('@/lib/store');
    const kv = memoryKV();
    await saveReport(kv, { ...v(1), site: '' });
    const second = await saveReport(kv, { ...v(2), site: '' });
    if (!second.ok) throw new Error(second.message);
    await linkToSite(kv, 'cms.gov.cn', second.value.key);
    expect(await renameBody(kv, '', r.body, '某区统计局（普查中心）')).toEqual({ ok: true, value: 1 });
    const key = reportKey('', '某区统计局（普查中心）', 2022);
    expect((await readHistory(kv, key)).versions.map((x) => x.report.values['apply.new.total'])).toEqual([1]);
    expect(kv.data.has(historyKey(second.value.key))).toBe(false);
    expect((await getPrior(kv, 'cms.gov.cn', '某区统计局（普查中心）', 2023))?.values['apply.new.total']).toBe(2);
    const restored = await restoreVersion(kv, key, 0);
    expect(restored).toMatchObject({ ok: true });
    expect((await listReports(kv)).quarantined).toEqual([]);
    expect(kv.data.get(key)).toMatchObject({ body: '某区统计局（普查中心）', values: { 'apply.new.total': 1 } });
  });
});
