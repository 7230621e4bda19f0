import { describe, expect, test } from 'vitest';
import { memoryKV, reportKey } from '@/lib/store';
import { loadSheetData, sheetHandoffKey, sheetPath } from '@/lib/sheet/source';

const saved = (year: number, values: Record<string, number | null>) => ({
  version: 2, site: 'cms.example.gov.cn', body: '滨江区人民政府办公室', year, format: 'gov2021', values, source: 'page', savedAt: '2024-01-15T02:00:00.000Z',
});
const KEY = reportKey('cms.example.gov.cn', '滨江区人民政府办公室', 2023);

describe('where the 审核单 reads its data', () => {
  test('?key= reads a saved report and last year\'s record of the same body for the cross-year rules', async () => {
    const local = memoryKV({
      [KEY]: saved(2023, { 'apply.new.natural': 1 }),
      [reportKey('cms.example.gov.cn', '滨江区人民政府办公室', 2022)]: saved(2022, { 'apply.carryForward.natural': 2 }),
    });
    const r = await loadSheetData(`?key=${encodeURIComponent(KEY)}`, { local });
    expect(r.ok && r.data.input).toEqual({ format: 'gov2021', year: 2023, values: { 'apply.new.natural': 1 }, body: '滨江区人民政府办公室' });
    expect(r.ok && r.data.prior?.year).toBe(2022);
  });

  test('a saved year\'s 核实说明 come with it to the sheet', async () => {
    const c = { rule: 'X-STOCK', cells: ['active.normative.inForce'], note: '本年另有 1 件重新发布', values: { 'active.normative.inForce': 28 } };
    const local = memoryKV({ [KEY]: { ...saved(2023, { 'active.normative.inForce': 28 }), confirmations: [c] } });
    const r = await loadSheetData(`?key=${encodeURIComponent(KEY)}`, { local });
    expect(r.ok && r.data.confirmations).toEqual([c]);
  });

  test('a deleted or corrupt saved report gives a plain message', async () => {
    const gone = await loadSheetData(`?key=${encodeURIComponent(KEY)}`, { local: memoryKV() });
    expect(gone).toEqual({ ok: false, message: expect.stringContaining('没有找到这份已保存的年报数据') });
    const bad = await loadSheetData(`?key=${encodeURIComponent(KEY)}`, { local: memoryKV({ [KEY]: { version: 2, body: '' } }) });
    expect(bad).toEqual({ ok: false, message: expect.stringContaining('无法使用') });
  });

  test('?session= reads the popup\'s handoff from session storage, else from local storage', async () => {
    const handoff = {
      input: { format: 'gov2021', year: 2023, values: { 'apply.new.natural': 1 }, body: '某单位' },
      confirmations: [{ rule: 'X-CARRY', cells: ['apply.carried.natural'], note: '已核实' }],
    };
    const fromSession = await loadSheetData('?session=t1', { local: memoryKV(), session: memoryKV({ [sheetHandoffKey('t1')]: handoff }) });
    expect(fromSession.ok && fromSession.data.confirmations).toHaveLength(1);
    const fromLocal = await loadSheetData('?session=t1', { local: memoryKV({ [sheetHandoffKey('t1')]: handoff }) });
    expect(fromLocal.ok && fromLocal.data.input.body).toBe('某单位');
  });

  test('a missing, malformed or absent handoff, or no source at all, gives a plain message', async () => {
    const none = await loadSheetData('?session=t1', { local: memoryKV(), session: memoryKV() });
    expect(none).toEqual({ ok: false, message: expect.stringContaining('已过期') });
    const bad = await loadSheetData('?session=t1', { local: memoryKV({ [sheetHandoffKey('t1')]: { input: { format: 'x' } } }) });
    expect(bad).toEqual({ ok: false, message: expect.stringContaining('不完整') });
    expect(await loadSheetData('', { local: memoryKV() })).toEqual({ ok: false, message: expect.stringContaining('没有指定') });
  });

  test('storage that fails to read gives a plain message, not a crash', async () => {
    const broken = { get: () => Promise.reject(new Error('IO error')) };
    expect(await loadSheetData('?key=report:x', { local: broken })).toEqual({ ok: false, message: expect.stringContaining('出错') });
  });
});

describe('the sheet page\'s address', () => {
  test('names a saved report by its key, or a popup handoff by its id, escaped', () => {
    expect(sheetPath({ key: 'report:a|b c|2023' })).toBe('sheet.html?key=report%3Aa%7Cb%20c%7C2023');
    expect(sheetPath({ session: 't 1' })).toBe('sheet.html?session=t%201');
    expect(new URLSearchParams(sheetPath({ key: KEY }).split('?')[1]).get('key')).toBe(KEY);
  });
});
