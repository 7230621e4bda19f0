import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fetchPage, importFrom } from '@/lib/import';
import { LIMITS, checkDocx } from '@/lib/import/limits';
import { MAX_PDF_PAGES, pdfToText } from '@/lib/read/pdf';
import { docx, pdfOfPages, zipBombDocx } from '../make-files.mjs';
import { HEAVY } from '../helpers/heavy';

const target = { site: '', body: null, year: 2024 };

describe('import limits', HEAVY, () => {
  it('a .docx zip bomb (150 MB of XML in a small file) is refused from its zip directory, before anything is inflated', async () => {
    const bomb = zipBombDocx(150);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const heap = process.memoryUsage().heapUsed;
    const started = performance.now();
    const res = await importFrom({ kind: 'file', name: '2023年报.docx', bytes: bomb }, target);
    const took = performance.now() - started;
    expect(res).toMatchObject({ ok: false, message: expect.stringMatching(/^文件「2023年报\.docx」解压后文字部分有 150\.0 MB，远超一份年报的大小/) });
    // Inflating 150 MB of XML and parsing it takes minutes and gigabytes; the directory check takes microseconds.
    expect(took).toBeLessThan(1000);
    expect(process.memoryUsage().heapUsed - heap).toBeLessThan(50 * 1024 * 1024);
  }, 60000);

  it('the bomb builder makes real bombs: inflated, the document has the size the directory says', () => {
    const bomb = zipBombDocx(40);
    const view = new DataView(bomb.buffer, bomb.byteOffset);
    // third local entry: word/document.xml (after [Content_Types].xml and _rels/.rels)
    let at = 0;
    for (let k = 0; k < 2; k++) at += 30 + view.getUint16(at + 26, true) + view.getUint32(at + 18, true);
    const nameLen = view.getUint16(at + 26, true);
    const packed = bomb.subarray(at + 30 + nameLen, at + 30 + nameLen + view.getUint32(at + 18, true));
    expect(inflateRawSync(packed).length).toBe(view.getUint32(at + 22, true));
    expect(view.getUint32(at + 22, true)).toBeGreaterThan(40 * 1000 * 1000);
  }, 60000);

  it('an ordinary .docx passes the zip check and is read', async () => {
    const ok = docx('<w:p><w:r><w:t>2023年政府信息公开工作年度报告</w:t></w:r></w:p>');
    expect(checkDocx('a.docx', ok)).toEqual({ ok: true });
    const res = await importFrom({ kind: 'file', name: 'a.docx', bytes: ok }, target);
    // Read through mammoth: no table there, so the reader's own message, not a limit's.
    expect(res).toMatchObject({ ok: false, message: expect.stringContaining('没有在「a.docx」中找到') });
  });

  it('a .docx with too many parts, or with a broken directory, gets its own plain message', () => {
    const many = new Uint8Array(docx('<w:p/>'));
    const view = new DataView(many.buffer);
    view.setUint16(many.length - 22 + 10, LIMITS.zipEntries + 1, true);
    expect(checkDocx('x.docx', many)).toMatchObject({ ok: false, message: expect.stringContaining(`有 ${LIMITS.zipEntries + 1} 个部件`) });
    const cut = docx('<w:p/>').subarray(0, 100);
    expect(checkDocx('x.docx', cut)).toMatchObject({ ok: false, message: expect.stringContaining('不是有效的 Word') });
  });

  it('a file over the size limit is refused by its length alone', async () => {
    const big = new Uint8Array(LIMITS.fileBytes + 1);
    big.set(new TextEncoder().encode('%PDF-1.4'));
    const res = await importFrom({ kind: 'file', name: 'big.pdf', bytes: big }, target);
    expect(res).toMatchObject({ ok: false, message: expect.stringMatching(/^「big\.pdf」太大（50\.0 MB），超过了 50\.0 MB 的上限/) });
  });

  it('pasted text over the limit is refused with a plain message', async () => {
    const res = await importFrom({ kind: 'text', text: '字'.repeat(LIMITS.textChars + 1) }, target);
    expect(res).toMatchObject({ ok: false, message: expect.stringContaining('粘贴的文字太长') });
  });

  it(`a 5,000-page PDF is read only up to page ${MAX_PDF_PAGES} (a report has far fewer)`, async () => {
    const text = await pdfToText(pdfOfPages(5000));
    expect(text).toContain(`Page ${MAX_PDF_PAGES}`);
    expect(text).not.toContain(`Page ${MAX_PDF_PAGES + 1}`);
    expect(text.match(/Page \d+/g)).toHaveLength(MAX_PDF_PAGES);
  }, 60000);

  it('a fetched page that declares or streams more than the limit is not downloaded further', async () => {
    const url = new URL('https://www.example.gov.cn/2023.html');
    const declared = (async () => new Response('x', { headers: { 'content-length': String(LIMITS.fileBytes + 1) } })) as typeof fetch;
    expect(await fetchPage(url, declared)).toMatchObject({ ok: false, message: expect.stringContaining('内容太大') });
    let pulled = 0;
    const endless = (async () =>
      new Response(
        new ReadableStream({
          pull(ctrl) {
            pulled++;
            ctrl.enqueue(new Uint8Array(64 * 1024));
          },
        }),
      )) as typeof fetch;
    expect(await fetchPage(url, endless, 20000, 1024 * 1024)).toMatchObject({ ok: false, message: expect.stringContaining('超过 1 MB') });
    expect(pulled).toBeLessThan(40);
    const small = (async () => new Response('<html>ok</html>', { headers: { 'content-type': 'text/html' } })) as typeof fetch;
    expect(await fetchPage(url, small)).toMatchObject({ ok: true, page: { contentType: 'text/html' } });
  });
});
