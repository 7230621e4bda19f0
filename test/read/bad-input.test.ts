import { describe, expect, it } from 'vitest';
import { readFile, readHtml, readText } from '@/lib/read';
import { valuesOf } from '@/lib/report';
import { HEAVY } from '../helpers/heavy';

const bytes = (s: string) => new TextEncoder().encode(s);
const codes = (r: { problems: { code: string }[] }) => r.problems.map((p) => p.code);

describe('bad input never throws and says what is wrong', HEAVY, () => {
  it('empty file', async () => {
    const [r] = await readFile(new Uint8Array(0), 'a.html');
    expect(r!.problems[0]!.message).toBe('文件是空的');
  });
  it('binary file', async () => {
    const [r] = await readFile(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3, 0, 0]), 'a.txt');
    expect(codes(r!)).toEqual(['binary']);
  });
  it('UTF-16 text with its BOM is text, not a binary file', async () => {
    const text = '2023年政府信息公开工作年度报告';
    const le = new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array([...text].map((c) => c.charCodeAt(0))).buffer)]);
    const [r] = await readFile(le, 'a.txt');
    expect(codes(r!)).not.toContain('binary');
  });
  it('an Excel or old Word file is refused with what to do instead', async () => {
    const [xls] = await readFile(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), '2023年报.xls');
    expect(xls!.problems[0]!.message).toMatch(/另存为」CSV/);
    const [doc] = await readFile(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), '2023年报.doc');
    expect(doc!.problems[0]!.message).toMatch(/另存为」\.docx/);
  });
  it('a file named .pdf that is not a PDF, a corrupt PDF, a corrupt .docx', async () => {
    expect(codes((await readFile(bytes('hello'), 'a.pdf'))[0]!)).toEqual(['not-pdf']);
    const pdf = (await readFile(bytes('%PDF-1.7\ngarbage'), 'b.pdf'))[0]!;
    expect(pdf.format).toBeNull();
    expect(pdf.problems[0]!.message).toMatch(/文件无法读取|PDF/);
    const docx = (await readFile(new Uint8Array([0x50, 0x4b, 3, 4, 9, 9, 9]), 'c.docx'))[0]!;
    expect(docx.problems[0]!.message).toMatch(/文件无法读取/);
  });
  it('HTML without tables', () => {
    const [r] = readHtml('<p>2023年政府信息公开工作年度报告</p><p>今年工作很好。</p>');
    expect(r!.format).toBeNull();
    expect(codes(r!)).toEqual(['no-table']);
  });
  it('a table of another kind', () => {
    const [r] = readHtml('<table><tr><td>商品</td><td>单价</td></tr><tr><td>铅笔</td><td>2</td></tr></table>');
    expect(codes(r!)).toEqual(['no-report-table']);
  });
  it('a truncated table: partial values and what is missing', () => {
    const [r] = readHtml(`<p>2023年某局政府信息公开工作年度报告</p><table>
      <tr><td>（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td>自然人</td><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td><td>总计</td></tr>
      <tr><td>一、本年新收政府信息公开申请数量</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td></tr>
      <tr><td>二、上年结转政府信息公开申请数量</td><td>0</td><td>0</td></tr></table>`);
    expect(r!.format).toBe('gov2021');
    expect(valuesOf(r!)['apply.new.total']).toBe(1);
    expect(valuesOf(r!)['apply.carried.commercial']).toBe(0);
    expect(codes(r!)).toEqual(expect.arrayContaining(['truncated', 'missing-rows', 'missing-section']));
    expect(r!.problems.filter((p) => p.code === 'missing-section').map((p) => p.message)).toContain('没有读到表四（政府信息公开行政复议、行政诉讼情况）的数据');
  });
  it('text that is not a report, and corrupt JSON', async () => {
    expect(readText('今天天气很好。\n明天也很好。')[0]!.format).toBeNull();
    expect(codes((await readFile(bytes('{"reports": [1,'), 'x.json'))[0]!)).toEqual(['bad-json']);
    expect(codes((await readFile(bytes('{"a":1}'), 'x.json'))[0]!)).toEqual(['bad-json']);
  });
  it('a cell that is not a number is kept, flagged and named', () => {
    const [r] = readText('信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数\n规章 | 约20 | 0 | 0\n');
    expect(r!.cells['active.regulation.issued']).toMatchObject({ value: null, raw: '约20', unreadable: true });
    expect(r!.problems.find((p) => p.code === 'unreadable')!.message).toContain('表二·规章·本年制发件数「约20」');
  });
});
