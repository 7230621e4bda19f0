import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FORMATS } from '@/lib/formats';
import { pdfUnsupported, decodeHtml, decodeText, fetchPage, fileKind, importFrom, parseAddress, refusal, saveCandidate, type ImportTarget } from '@/lib/import';
import { describeReal, sharedPath } from '../real-reports';
import { getPrior, memoryKV, toCsv, toJson, type SavedReport } from '@/lib/store';
import { HEAVY } from '../helpers/heavy';

const bytes = (s: string) => new TextEncoder().encode(s);
const corpus = (f: string) => new Uint8Array(readFileSync(sharedPath('corpus/' + f)));

const SH = '上海市人民政府办公厅';
const target2020: ImportTarget = { site: 'cms.sh.gov.cn', body: SH, year: 2020 };

async function only(input: Parameters<typeof importFrom>[0], target: ImportTarget) {
  const res = await importFrom(input, target);
  if (!res.ok) throw new Error(res.message);
  expect(res.candidates).toHaveLength(1);
  return res.candidates[0]!;
}

describeReal('import from a saved published page (.html)', () => {
  it('reads 2019 Shanghai and saves it as the prior year of 2020', async () => {
    const c = await only({ kind: 'file', name: '2019年报.html', bytes: corpus('2019-shanghai-office-1.html') }, target2020);
    expect(c.report).toMatchObject({ site: 'cms.sh.gov.cn', body: SH, year: 2019, format: 'gov2019' });
    // typed from the source table
    expect(c.report.values).toMatchObject({
      'apply.new.natural': 821, 'apply.new.total': 859, 'apply.carried.natural': 18, 'apply.carried.commercial': null,
      'apply.carryForward.natural': 72, 'apply.carryForward.total': 72,
    });
    expect(c.read).toContain('apply.new.natural');
    expect(c.blank).toContain('apply.carried.commercial');
    expect(refusal(c.report, target2020)).toBeNull();

    const kv = memoryKV();
    const saved = await saveCandidate(kv, c.report, target2020);
    expect(saved).toMatchObject({ ok: true, replaced: false, message: `已保存「${SH}」2019 年的数据` });
    const prior = await getPrior(kv, 'cms.sh.gov.cn', SH, 2020);
    expect(prior?.values['apply.carryForward.total']).toBe(72);
    expect(prior?.format).toBe('gov2019');
  });
}, HEAVY);

describeReal('import from text copied out of a PDF', () => {
  it('reads 2025 Shanghai pasted text', async () => {
    const text = readFileSync(sharedPath('corpus/2025-shanghai-office-1.txt'), 'utf8');
    const c = await only({ kind: 'text', text }, { site: 'cms.sh.gov.cn', body: SH, year: 2026 });
    expect(c.report).toMatchObject({ body: SH, year: 2025, format: 'gov2021', source: '粘贴的文字' });
    expect(c.report.values).toMatchObject({
      'apply.new.natural': 1259, 'apply.new.total': 1295, 'apply.carried.total': 189,
      'apply.carryForward.natural': 290, 'apply.carryForward.commercial': 3, 'apply.carryForward.total': 293,
    });
  });
});

describe('import from the Word file and the PDF (reader samples, test/fixtures/read)', HEAVY, () => {
  // the sample report's figures, as typed in test/fixtures/read/make-fixtures.mts
  const target: ImportTarget = { site: 'cms.example.gov.cn', body: '示例县人民政府办公室', year: 2024 };
  for (const name of ['report-2023.docx', 'report-2023.pdf']) {
    it(name, async () => {
      const data = new Uint8Array(readFileSync(`test/fixtures/read/${name}`));
      const c = await only({ kind: 'file', name, bytes: data }, target);
      expect(c.report).toMatchObject({ body: '示例县人民政府办公室', year: 2023, format: 'gov2021', source: name });
      expect(c.report.values).toMatchObject({
        'apply.new.natural': 8, 'apply.new.total': 11, 'apply.carried.total': 1,
        'apply.carryForward.natural': 2, 'apply.carryForward.total': 2, 'active.fee.amount': 1.5,
      });
      expect(c.missing).toEqual([]);
      expect(c.findings.filter((f) => f.severity === 'error')).toEqual([]);
      expect(refusal(c.report, target)).toBeNull();
    });
  }
});

const exported: SavedReport = {
  version: 2, site: 'cms.example.gov.cn', body: '某区统计局', year: 2022, format: 'gov2021',
  values: {
    'apply.new.natural': 5, 'apply.new.commercial': 0, 'apply.new.research': 0, 'apply.new.nonprofit': 0, 'apply.new.legal': 0,
    'apply.new.otherOrg': 0, 'apply.new.total': 9, 'apply.carryForward.natural': 2, 'apply.carryForward.total': 2,
  },
  source: 'page', savedAt: '2023-01-10T02:00:00.000Z',
};
const target2023: ImportTarget = { site: 'cms.example.gov.cn', body: '某区统计局', year: 2023 };

describe('import from this extension\'s JSON and CSV exports', () => {
  it('JSON: values, missing cells, and rules already failing in last year', async () => {
    const c = await only({ kind: 'file', name: 'export.json', bytes: bytes(toJson([exported])) }, target2023);
    expect(c.report.values).toEqual(exported.values);
    expect(c.read.sort()).toEqual(Object.keys(exported.values).sort());
    expect(c.missing).toHaveLength(FORMATS.gov2021.cells.length - 9);
    expect(c.missing).toContain('apply.carried.natural');
    // new.total (9) ≠ 5+0+0+0+0+0: the row sum fails in last year's own data → shown before saving
    expect(c.findings.map((f) => f.rule)).toContain('T3-ROWSUM');
  });

  it('CSV (as Excel saves it, GBK without BOM) reads the same', async () => {
    const csv = toCsv([exported]).replace(/^\uFEFF/, '');
    const gbk = encodeGbkAsciiAndCjk(csv);
    expect(decodeText(gbk)).toBe(csv);
    const c = await only({ kind: 'file', name: 'export.csv', bytes: gbk }, target2023);
    expect(c.report.values).toEqual(exported.values);
    expect(c.report.body).toBe('某区统计局');
  });
});

describe('bad input: a clear Chinese message and nothing saved', HEAVY, () => {
  const cases: [string, Uint8Array, RegExp][] = [
    ['年报.xlsx', bytes('PK\u0003\u0004xx'), /另存为」CSV/],
    ['年报.doc', bytes('\u00d0\u00cf\u0011\u00e0'), /\.docx/],
    ['扫描件.png', bytes('\u0089PNG'), /图片/],
    ['年报.pdf', bytes('<html>not a pdf</html>'), /不是有效的 PDF/],
    ['年报.docx', bytes('hello'), /不是有效的 Word/],
    ['空文件.html', new Uint8Array(), /是空的/],
    ['data.bin', bytes('abc'), /不支持的文件类型/],
    ['export.json', bytes('{"app":"nianbao-zhushou","kind":"saved-reports","reports":[{"version":2,'), /JSON 文件无法读取：文件内容不完整或已损坏/],
    ['package.json', bytes('{"name":"x"}'), /不是年报助手导出的数据/],
    ['无表格.html', bytes('<html><body><p>2023年工作总结</p><table><tr><td>姓名</td><td>张三</td></tr></table></body></html>'), /没有在「无表格.html」中找到政府信息公开年报统计表/],
  ];
  for (const [name, data, message] of cases) {
    it(name, async () => {
      const res = await importFrom({ kind: 'file', name, bytes: data }, target2023);
      expect(res.ok).toBe(false);
      if (!res.ok) expect(res.message).toMatch(message);
    });
  }

  it('a PDF where the browser cannot read PDFs (Chromium 86 build) asks for pasted text', async () => {
    const res = await importFrom({ kind: 'file', name: 'report-2023.pdf', bytes: new Uint8Array(readFileSync('test/fixtures/read/report-2023.pdf')) }, target2023, { pdf: false });
    expect(res).toEqual({ ok: false, message: pdfUnsupported() });
    expect(pdfUnsupported()).toMatch(/粘贴到「粘贴文字」框/);
  });

  it('refuses a report of another body or of the same year, and stores nothing', async () => {
    const kv = memoryKV();
    const other = { ...exported, body: '某区财政局' };
    expect(refusal(other, target2023)).toMatch(/属于「某区财政局」，不是本单位「某区统计局」/);
    expect(await saveCandidate(kv, other, target2023)).toMatchObject({ ok: false });
    const same = { ...exported, year: 2023 };
    expect(refusal(same, target2023)).toMatch(/与本年相同.*请导入 2022 年/);
    expect(await saveCandidate(kv, same, target2023)).toMatchObject({ ok: false });
    expect(refusal({ ...exported, year: 2024 }, target2023)).toMatch(/比本年（2023 年）还晚/);
    expect(refusal({ ...exported, year: Number.NaN }, target2023)).toMatch(/无法确定这份报告的年度/);
    expect(kv.data.size).toBe(0);
  });

  it('an address that is not a web address, or cannot be fetched', async () => {
    expect(parseAddress('')).toMatchObject({ ok: false, message: '请填写上一年年报的网址' });
    expect(parseAddress('ftp://a.gov.cn/x')).toMatchObject({ ok: false, message: expect.stringMatching(/只能从网站的网页地址导入.*ftp:/) });
    expect(parseAddress('www.gov.cn/2023.html')).toMatchObject({ ok: true });
    const url = new URL('https://www.unreachable.gov.cn/2022/report.html');
    const down = (async () => { throw new TypeError('Failed to fetch'); }) as typeof fetch;
    expect(await fetchPage(url, down)).toMatchObject({ ok: false, message: expect.stringMatching(/无法连接 www\.unreachable\.gov\.cn/) });
    const missing = (async () => new Response('nope', { status: 404 })) as typeof fetch;
    expect(await fetchPage(url, missing)).toMatchObject({ ok: false, message: expect.stringContaining('页面不存在') });
    const slow = ((_u: string, init: RequestInit) => new Promise((_r, reject) => init.signal!.addEventListener('abort', () => reject(Object.assign(new Error('aborted'), { name: 'AbortError' }))))) as unknown as typeof fetch;
    expect(await fetchPage(url, slow, 20)).toMatchObject({ ok: false, message: expect.stringContaining('超时') });
  });

  it('a fetched address that is not a web page', async () => {
    const res = await importFrom({ kind: 'page', page: { url: 'https://a.gov.cn/logo.png', bytes: bytes('\u0089PNG'), contentType: 'image/png' } }, target2023);
    expect(res).toMatchObject({ ok: false, message: expect.stringContaining('不是网页') });
  });
});

describe('decoding pages', () => {
  it('honours the declared charset (GBK pages are common)', () => {
    const gbk = new Uint8Array([0xd6, 0xd0, 0xce, 0xc4]); // 中文
    expect(decodeHtml(gbk, 'text/html; charset=GBK')).toBe('中文');
    const withMeta = new Uint8Array([...bytes('<meta charset="gb2312">'), ...gbk]);
    expect(decodeHtml(withMeta)).toBe('<meta charset="gb2312">中文');
    expect(decodeHtml(bytes('<p>中文</p>'))).toBe('<p>中文</p>');
  });

  it('fileKind sniffs PDF bytes behind a wrong name', () => {
    expect(fileKind('download', bytes('%PDF-1.7'))).toEqual({ ok: true, kind: 'pdf' });
  });
});

/** GBK bytes for ASCII and the few CJK characters of the CSV header/body, via a decoding table. */
function encodeGbkAsciiAndCjk(text: string): Uint8Array {
  const dec = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++)
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      const ch = dec.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else out.push(...(table.get(ch) ?? (() => { throw new Error(`no GBK for ${ch}`); })()));
  }
  return new Uint8Array(out);
}
