import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { mayHoldReport, readDom, readHtml, readText } from '@/lib/read';
import { valuesOf } from '@/lib/report';
import { N, apply } from './expect';

const HEAD3 = `<tr><td colspan="2" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="8">申请人情况</td></tr>
<tr><td rowspan="2">自然人</td><td colspan="6">法人或其他组织</td><td rowspan="2">总计</td></tr>
<tr><td>商业<br>企业</td><td>科研 机构</td><td><p><span>社会公益组织</span></p></td><td>法律服务机构</td><td>其他</td><td>小计</td></tr>`;
const tr = (label: string, vals: (string | number)[], lead = '') => `<tr>${lead}<td colspan="${lead ? 1 : 2}">${label}</td>${vals.map((v) => `<td><p align="center">${v}</p></td>`).join('')}</tr>`;
const v = (s: string) => valuesOf(readHtml(s)[0]!);

describe('HTML variants', () => {
  it('multi-row header with an extra 法人或其他组织小计 column, labels split by <br> and spaces', () => {
    const html = `<p>2023年某局政府信息公开工作年度报告</p><table>${HEAD3}
      ${tr('一、本年新收政府信息<br>公开申请数量', [5, 1, 0, 0, 2, 0, 3, 8])}
      ${tr('二、上年结转政府信息公开申请数量', [1, 0, 0, 0, 0, 0, 0, 1])}</table>`;
    expect(v(html)).toEqual({ ...apply('new', [5, 1, 0, 0, 2, 0, 8]), ...apply('carried', [1, 0, 0, 0, 0, 0, 1]) });
  });

  it('（三）不予公开 subtotal row, 只计这一情况 and 三类内容 typos, &nbsp; cells', () => {
    const html = `<table>${HEAD3.replace('<td>小计</td>', '').replace('colspan="6"', 'colspan="5"').replace('colspan="8"', 'colspan="7"')}
      <tr><td rowspan="3">三、本年度办理结果</td><td>（二）部分公开（区分处理的，只计这一情况，不计其他情形）</td>${'<td>1</td>'.repeat(7)}</tr>
      <tr><td>（三）不予公开</td>${'<td>2</td>'.repeat(7)}</tr>
      <tr><td>5.属于三类内容事务信息</td><td>&nbsp;</td>${'<td>2</td>'.repeat(6)}</tr></table>`;
    expect(v(html)).toEqual({
      ...apply('partial', [1, 1, 1, 1, 1, 1, 1]),
      ...apply('withheld', [2, 2, 2, 2, 2, 2, 2]),
      ...apply('withheld.internal', [N, 2, 2, 2, 2, 2, 2]),
    });
  });

  it('gov2021 report collapsing （六）其他处理 into one row → apply.other.*', () => {
    const html = `<table><tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
      <tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr></table><table>${HEAD3.replace('<td>小计</td>', '')}
      ${tr('（六）其他处理', [3, 0, 0, 0, 0, 0, 3])}${tr('（七）总计', [9, 0, 0, 0, 0, 0, 9])}</table>`;
    const r = readHtml(html)[0]!;
    expect(r.format).toBe('gov2021');
    expect(valuesOf(r)).toMatchObject({ ...apply('other', [3, 0, 0, 0, 0, 0, 3]), ...apply('total', [9, 0, 0, 0, 0, 0, 9]) });
  });

  it('traditional characters and Hubei bracketed notes', () => {
    const html = `<table><tr><td>信息內容</td><td>本年新<br>製作數量</td><td>本年新<br>公開數量</td><td>對外公開總數量</td></tr>
      <tr><td>規章（設區的市、自治州人民政府應提供相關數據）</td><td>0</td><td>0</td><td>0</td></tr>
      <tr><td>規範性檔案（行政機關制定發布的決定、公告）</td><td>2</td><td>2</td><td>19</td></tr>
      <tr><td>其他主動公開檔案（除規範性檔案以外的主動公開檔案）</td><td>186</td><td>86</td><td>255</td></tr></table>`;
    const r = readHtml(html)[0]!;
    expect(r.format).toBe('gov2019');
    expect(valuesOf(r)).toEqual({
      'active.regulation.made': 0, 'active.regulation.published': 0, 'active.regulation.publicTotal': 0,
      'active.normative.made': 2, 'active.normative.published': 2, 'active.normative.publicTotal': 19,
    });
  });

  it('sections 二, 三 and 四 in one table; section 四 as one row of 15 values', () => {
    const html = `<table><tr><td>信息内容</td><td colspan="7">本年处理决定数量</td></tr><tr><td>行政许可</td><td colspan="7">4</td></tr>
      <tr><td>（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td>自然人</td><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td><td>总计</td></tr>
      <tr><td>一、本年新收政府信息公开申请数量</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td></tr></table>
      <table><tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>
      <tr><td rowspan="2">结果维持</td><td rowspan="2">结果纠正</td><td rowspan="2">其他结果</td><td rowspan="2">尚未审结</td><td rowspan="2">总计</td><td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>
      <tr>${'<td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>'.repeat(2)}</tr>
      <tr>${[1, 0, 0, 0, 1, 0, 0, 0, 2, 2, 0, 0, 0, 0, 0].map((x) => `<td>${x}</td>`).join('')}</tr></table>`;
    const r = readHtml(html)[0]!;
    expect(r.format).toBe('gov2021');
    expect(valuesOf(r)).toMatchObject({
      'active.license.decisions': 4,
      ...apply('new', [1, 0, 0, 0, 0, 0, 1]),
      'appeal.review.upheld': 1, 'appeal.review.total': 1, 'appeal.suitDirect.pending': 2, 'appeal.suitDirect.total': 2,
      'appeal.suitAfterReview.total': 0,
    });
  });

  it('a plain form with one <input> per cell: values from input.value, loc.el is the input', () => {
    const { document } = parseHTML(`<html><body><table>
      <tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
      <tr><td>规章</td><td><input value="1"></td><td><input value=""></td><td><input value="7"></td></tr></table></body></html>`);
    const [r] = readDom(document as unknown as Document, 'form');
    expect(valuesOf(r!)).toEqual({ 'active.regulation.issued': 1, 'active.regulation.repealed': null, 'active.regulation.inForce': 7 });
    const loc = r!.cells['active.regulation.inForce']!.loc;
    expect(loc.kind === 'table' && loc.el?.tagName).toBe('INPUT');
    expect(loc).toMatchObject({ table: 0, row: 1, col: 3 });
  });

  it('cells keep the live <td> so a page can point at them', () => {
    const { document } = parseHTML(`<html><body><table><tr><td>信息内容</td><td>本年处理决定数量</td></tr><tr><td>行政许可</td><td id="x">3</td></tr></table></body></html>`);
    const [r] = readDom(document as unknown as Document);
    const loc = r!.cells['active.license.decisions']!.loc;
    expect(loc.kind === 'table' && loc.el).toBe(document.getElementById('x'));
  });

  it('mayHoldReport is false for pages without report tables', () => {
    const { document } = parseHTML('<html><body><table><tr><td>商品</td><td>价格</td></tr></table><p>本年新收</p></body></html>');
    expect(mayHoldReport(document as unknown as Document)).toBe(false);
    expect(readDom(document as unknown as Document)).toEqual([]);
  });
});

describe('text variants and detection', () => {
  it('a gov2014 table with a 历年累计 column', () => {
    const r = readText('2015年政府信息公开工作年度报告\n统计指标 | 单位 | 统计数 | 历年累计\n（一）收到申请数 | 件 | 3 | 40\n1.当面申请数 | 件 | 1 | 10\n')[0]!;
    expect([r.format, r.year]).toEqual(['gov2014', 2015]);
    expect(valuesOf(r)).toEqual({ 'c.apply.received.total': 3, 'c.apply.received.total.cumulative': 40, 'c.apply.received.inPerson': 1, 'c.apply.received.inPerson.cumulative': 10 });
  });
  it('a local (2008–2013) table: parent and numbered children', () => {
    const r = readText('2010年政府信息公开工作年度报告\n申请总数 | 5\n1.当面申请 | 2\n2.网络申请 | 3\n否决公开答复总数 | 1\n免予公开范围1 | 1\n')[0]!;
    expect([r.format, r.year]).toEqual(['local', 2010]);
    expect(valuesOf(r)).toEqual({ 'local.1': 5, 'local.1.1': 2, 'local.1.2': 3, 'local.2': 1, 'local.2.1': 1 });
  });
  it('year from 统计期限 when the title has none; body from the title', () => {
    const r = readText('某某区教育局政府信息公开年报\n本报告所列数据统计期限为2021年1月1日至2021年12月31日。\n信息内容 | 本年制发件数\n')[0]!;
    expect(r.year).toBe(2021);
  });
  it('a gov2019 report of 2021 is flagged (P-FORMAT)', () => {
    const r = readText('2021年某镇政府信息公开工作年度报告\n信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量\n规章 | 0 | 0 | 0\n')[0]!;
    expect(r.format).toBe('gov2019');
    expect(r.problems.find((p) => p.code === 'P-FORMAT')?.message).toBe('2021年度报告使用了已停用的2019年版统计表（国办公开办函〔2019〕60号），应使用2021年版统计表（国办公开办函〔2021〕30号）');
  });
});

describe('the live DOM of the test environment (happy-dom)', () => {
  it('reads the fixture report from document.body and points at live cells', async () => {
    const { readFileSync } = await import('node:fs');
    const { resolve } = await import('node:path');
    document.body.innerHTML = readFileSync(resolve(__dirname, '../fixtures/read/report-2023.html'), 'utf8');
    expect(mayHoldReport(document.body)).toBe(true);
    const [r] = readDom(document.body, 'page');
    expect([r!.format, r!.year, r!.body]).toEqual(['gov2021', 2023, '示例县人民政府办公室']);
    expect(Object.keys(r!.cells)).toHaveLength(200);
    const loc = r!.cells['apply.total.total']!.loc;
    expect(loc.kind === 'table' && loc.el?.textContent).toBe('10');
    expect(loc.kind === 'table' && document.body.contains(loc.el!)).toBe(true);
  });
});

describe('several reports on one page', () => {
  it('a page with last year\'s and this year\'s tables gives two reports', () => {
    const t = (y: number, n: number) => `<p>${y}年某局政府信息公开工作年度报告</p><table><tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
      <tr><td>规章</td><td>${n}</td><td>0</td><td>${n}</td></tr></table>`;
    const rs = readHtml(t(2022, 1) + t(2023, 2), 'page');
    expect(rs.map((r) => [r.source, r.year, r.cells['active.regulation.issued']!.value])).toEqual([
      ['page', 2022, 1],
      ['page#2', 2023, 2],
    ]);
  });
});

describe('text with an extra 小计 column and a collapsed （六）', () => {
  it('drops the subtotal column and reads （六）其他处理 as apply.other.*', () => {
    const text = `2023年某局政府信息公开工作年度报告
本年制发件数 | 本年废止件数 | 现行有效件数
（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况
自然人 | 法人或其他组织 | 总计
商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 小计
一、本年新收政府信息公开申请数量 | 4 | 1 | 0 | 0 | 2 | 0 | 3 | 7
（六）其他处理 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 1
`;
    const r = readText(text)[0]!;
    expect(r.format).toBe('gov2021');
    expect(valuesOf(r)).toEqual({ ...apply('new', [4, 1, 0, 0, 2, 0, 7]), ...apply('other', [1, 0, 0, 0, 0, 0, 1]) });
  });
});
