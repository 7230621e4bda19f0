import { describe, expect, it } from 'vitest';
import { auditBatch } from '@/lib/batch/audit';
import { packInput, unpackInput } from '@/lib/batch/pack';
import { EARLIER_MAX, clearBatch, clearEarlier, keepEarlier, loadEarlier, saveBatch } from '@/lib/batch/saved';
import { memoryKV } from '@/lib/store/kv';
import { bodyReport, priorFor, reportOf } from './reports';

const packed = (body: string, year = 2022) => packInput({ name: `${body}-${year}.html`, reports: [reportOf(bodyReport(body, year), body)] });
const broken = JSON.stringify({ name: '坏.pdf', error: '不是有效的 PDF 文件' });

describe('earlier reports kept for next year’s cross-year rules', () => {
  it('a cleared batch’s readable reports are kept, unreadable ones are not, and clearing the batch leaves them', async () => {
    const kv = memoryKV();
    const inputs = [packed('甲县财政局'), broken, packed('甲县教育局')];
    await saveBatch(kv, { inputs, bodies: [], manual: {}, parents: [], parentsOn: false, sources: {} });
    expect(await keepEarlier(kv, inputs)).toEqual({ ok: true, kept: 2 });
    await clearBatch(kv);
    expect(await loadEarlier(kv)).toEqual([inputs[0], inputs[2]]);
  });

  it('newer batches come first, at most EARLIER_MAX are kept, and they are stored a part at a time', async () => {
    const kv = memoryKV();
    await keepEarlier(kv, [packed('甲县财政局', 2021)]);
    await keepEarlier(kv, [packed('甲县财政局', 2022)]);
    expect((await loadEarlier(kv)).map((p) => unpackInput(p)!.name)).toEqual(['甲县财政局-2022.html', '甲县财政局-2021.html']);
    const many: string[] = new Array(EARLIER_MAX + 5).fill(JSON.stringify({ name: '乙县财政局.html', reports: [] }));
    expect(await keepEarlier(kv, many)).toEqual({ ok: true, kept: EARLIER_MAX });
    expect(kv.data.size).toBe(1 + EARLIER_MAX / 20);
  });

  it('are cleared apart, and damaged storage reads as none', async () => {
    const kv = memoryKV();
    await keepEarlier(kv, [packed('甲县财政局')]);
    await clearEarlier(kv);
    expect(await loadEarlier(kv)).toEqual([]);
    expect([...kv.data.keys()]).toEqual([]);
    expect(await loadEarlier(memoryKV({ 'batch:earlier:v1': { parts: 'x' } }))).toEqual([]);
  });

  it('a full storage says so instead of throwing', async () => {
    const full = { ...memoryKV(), set: () => Promise.reject(new Error('QUOTA_BYTES quota exceeded')) };
    expect(await keepEarlier(full, [packed('甲县财政局')])).toMatchObject({ ok: false, message: expect.stringMatching(/存储已满/) });
  });

  it('last year’s kept report is found for this year’s batch', async () => {
    const kv = memoryKV();
    const now = bodyReport('甲县财政局', 2023);
    await keepEarlier(kv, [packInput({ name: '甲县财政局-2022.html', reports: [reportOf(priorFor(now), '甲县财政局')] })]);
    const prior = (await loadEarlier(kv)).map((p) => unpackInput(p)!);
    const [row] = auditBatch([{ name: '甲县财政局-2023.html', reports: [reportOf(now, '甲县财政局')] }], { prior });
    expect(row!.prior).toBe('甲县财政局-2022.html');
    expect(row!.priorTable?.year).toBe(2022);
  });
});
