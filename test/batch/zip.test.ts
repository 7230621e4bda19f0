import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readBatchBytes } from '@/lib/batch/read';
import { BATCH_KEY, clearBatch, loadBatch, saveBatch } from '@/lib/batch/saved';
import { entryName, unzipReports } from '@/lib/batch/zip';
import { memoryKV } from '@/lib/store/kv';

const enc = (s: string) => new TextEncoder().encode(s);
const page = (body: string) => enc(`<html><head><title>${body}2023年政府信息公开工作年度报告</title></head><body><p>没有统计表</p></body></html>`);

describe('a .zip of reports', () => {
  it('gives the report files inside, folders and all, and leaves other files out', () => {
    const zip = zipSync({ 'a/甲.html': page('甲'), 'b.txt': enc('文字'), 'c.png': new Uint8Array([1, 2]), '__MACOSX/a/._甲.html': enc('x') });
    const got = unzipReports('批量.zip', zip);
    expect(got.ok && got.files.map((f) => f.name)).toEqual(['a/甲.html', 'b.txt']);
  });

  it('is refused from its directory alone when it unpacks beyond the limits', () => {
    // a small zip whose directory says its file unpacks to 300 MB, as a zip bomb's does
    const zip = zipSync({ 'big.html': page('甲') });
    const view = new DataView(zip.buffer);
    for (let i = zip.length - 22; i >= 0; i--) if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 300 * 1024 * 1024, true);
    const got = unzipReports('炸弹.zip', zip);
    expect(got).toMatchObject({ ok: false });
    expect(!got.ok && got.message).toMatch(/炸弹\.zip.*远超/);
  });

  it('that is broken or empty gets a plain reason', () => {
    expect(unzipReports('坏.zip', enc('PK not a zip'))).toMatchObject({ ok: false, message: expect.stringMatching(/无法解开/) });
    expect(unzipReports('空.zip', zipSync({ 'x.png': new Uint8Array(3) }))).toMatchObject({ ok: false, message: expect.stringMatching(/没有可读取/) });
  });

  it('names written in GBK by Chinese Windows are read back as Chinese', () => {
    const gbk = [0xb2, 0xc6, 0xd5, 0xfe]; // 财政 in GBK
    expect(entryName(String.fromCharCode(...gbk) + '.html')).toBe('财政.html');
    expect(entryName('财政.html')).toBe('财政.html');
  });

  it('in a batch is read as one input per report file, each named by its file', async () => {
    const zip = zipSync({ 'x/甲.html': page('甲'), '乙.docx': enc('not a docx') });
    const inputs = await readBatchBytes('两份.zip', zip);
    expect(inputs.map((i) => i.name)).toEqual(['甲.html', '乙.docx']) // by path in the zip: x/甲.html first;
    expect(inputs.every((i) => 'reports' in i)).toBe(true);
  });
});

describe('adding a file to a batch', () => {
  it('keeps the import limits: a file over the size limit is an input with its reason, and the batch goes on', async () => {
    const [got] = await readBatchBytes('大.html', new Uint8Array(51 * 1024 * 1024));
    expect(got).toMatchObject({ name: '大.html', error: expect.stringMatching(/太大/) });
  });

  it('a PDF where the browser cannot read PDFs says so plainly', async () => {
    const [got] = await readBatchBytes('a.pdf', enc('%PDF-1.4'), { pdf: false });
    expect(got).toMatchObject({ error: expect.stringMatching(/无法直接读取 PDF/) });
  });
});

describe('saved batch results', () => {
  it('survive a save and load, and are gone once cleared', async () => {
    const kv = memoryKV();
    const batch = { inputs: [JSON.stringify({ name: 'a.pdf', error: '坏' })], bodies: ['财政局'], manual: {}, parents: [], parentsOn: false, sources: {} };
    expect(await saveBatch(kv, batch)).toEqual({ ok: true });
    expect(await loadBatch(kv)).toMatchObject({ ok: true, saved: { version: 1, ...batch } });
    await clearBatch(kv);
    expect(await loadBatch(kv)).toEqual({ ok: true, saved: null });
    expect([...kv.data.keys()]).toEqual([]);
  });

  it('many inputs are stored a part at a time, and a smaller batch saved later leaves no old part behind', async () => {
    const kv = memoryKV();
    const inputs = Array.from({ length: 45 }, (_, k) => JSON.stringify({ name: `${k}.pdf`, error: '坏' }));
    const settings = { bodies: [], manual: {}, parents: [], parentsOn: false, sources: {} };
    await saveBatch(kv, { inputs, ...settings });
    expect(kv.data.size).toBe(4);
    expect(await loadBatch(kv)).toMatchObject({ ok: true, saved: { inputs } });
    await saveBatch(kv, { inputs: inputs.slice(0, 5), ...settings });
    expect(kv.data.size).toBe(2);
    expect(await loadBatch(kv)).toMatchObject({ ok: true, saved: { inputs: inputs.slice(0, 5) } });
  });

  it('a damaged record is reported, not thrown; a full storage says what was not saved', async () => {
    expect(await loadBatch(memoryKV({ [BATCH_KEY]: { version: 1, inputs: 'x' } }))).toMatchObject({ ok: false, message: expect.stringMatching(/损坏/) });
    const full = { ...memoryKV(), set: () => Promise.reject(new Error('QUOTA_BYTES quota exceeded')) };
    expect(await saveBatch(full, { inputs: [], bodies: [], manual: {}, parents: [], parentsOn: false, sources: {} })).toMatchObject({ ok: false, message: expect.stringMatching(/存储已满/) });
  });
});
