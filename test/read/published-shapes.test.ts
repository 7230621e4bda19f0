import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHtml, readText } from '@/lib/read';
import { checkReport, inputOf } from '@/lib/rules';
import type { Report } from '@/lib/report';

/** Shapes of real published reports (issue 14), each rebuilt by hand as a fixture of our own. */
const fixture = (name: string) => readFileSync(resolve(__dirname, '../fixtures/read/shapes', name), 'utf8');
const values = (r: Report, prefix: string) =>
  Object.fromEntries(Object.values(r.cells).filter((c) => c.id.startsWith(prefix)).map((c) => [c.id, c.value]));
const rules = (r: Report) => checkReport(inputOf(r)!).map((f) => [f.rule, f.severity, f.cells[0]]);

describe('HTML: a trailing row of blank cells', () => {
  it('never overrides the filled 表四 row above it, so its sums are checked', () => {
    const [r] = readHtml(fixture('appeal-trailing-blank-row.html'));
    expect(values(r!, 'appeal.review')).toEqual({
      'appeal.review.upheld': 2, 'appeal.review.corrected': 1, 'appeal.review.other': 0, 'appeal.review.pending': 0, 'appeal.review.total': 4,
    });
    expect(values(r!, 'appeal.suitDirect')).toEqual({
      'appeal.suitDirect.upheld': 1, 'appeal.suitDirect.corrected': 0, 'appeal.suitDirect.other': 0, 'appeal.suitDirect.pending': 1, 'appeal.suitDirect.total': 2,
    });
    const found = rules(r!);
    expect(found.filter((f) => f[0] === 'DOM-BLANK')).toEqual([]);
    expect(found.filter((f) => f[1] === 'error').map((f) => f[0])).toEqual(['T4-SUM']);
  });
});

describe('text: one cell per line with the `|` separators on lines of their own', () => {
  it('reads the separator lines as nothing, not as blank cells', () => {
    const [r] = readText(fixture('separator-lines.txt'));
    expect(r!.format).toBe('gov2021');
    expect(values(r!, 'active.')).toEqual({
      'active.regulation.issued': 0, 'active.regulation.repealed': 0, 'active.regulation.inForce': 6,
      'active.normative.issued': 3, 'active.normative.repealed': 1, 'active.normative.inForce': 27,
      'active.license.decisions': 125, 'active.penalty.decisions': 8, 'active.coercion.decisions': 0,
      'active.fee.amount': 0,
    });
  });
});

describe('rules and format: a province’s own 本年度/历年累计 table of 2017', () => {
  const read = () => readText(fixture('local-2017-cumulative.txt'))[0]!;
  it('reads both columns, the 历年累计 one as `.cumulative` ids', () => {
    const r = read();
    expect([r.format, r.year]).toEqual(['local', 2017]);
    expect(values(r, 'local.')).toEqual({
      'local.1': 120, 'local.1.cumulative': 3560,
      'local.2': 8, 'local.2.cumulative': 95,
      'local.2.1': 2, 'local.2.1.cumulative': 30,
      'local.2.2': 6, 'local.2.2.cumulative': 65,
      'local.3': 8, 'local.3.cumulative': 95,
      'local.3.1': 7, 'local.3.1.cumulative': 80,
      'local.3.2': 1, 'local.3.2.cumulative': 15,
      'local.4': 0, 'local.4.cumulative': 2,
      'local.5': 0, 'local.5.cumulative': 1,
    });
  });
  it('is a 核实性 matter that names the national table of that year, never a 强制性 error', () => {
    const r = read();
    const found = checkReport(inputOf(r)!);
    expect(found.map((f) => [f.rule, f.severity, f.message])).toEqual([
      ['P-FORMAT', 'warning', '2017年度报告使用的是地方统计表（无全国统一表式），当年全国统一格式为2014年版统计表（国办发〔2014〕32号），请核实是否经上级同意沿用本地表格'],
    ]);
    expect(r.problems.find((p) => p.code === 'P-FORMAT')?.message).toBe(found[0]!.message);
  });
  it('checks every 历年累计 against this year’s figure (C-CUM)', () => {
    const input = inputOf(read())!;
    input.values['local.2.1.cumulative'] = 1;
    expect(checkReport(input).filter((f) => f.severity === 'error').map((f) => [f.rule, f.cells])).toEqual([
      ['C-CUM', ['local.2.1.cumulative', 'local.2.1']],
    ]);
  });
});

describe('labels: typos, ASCII commas, pinyin glosses and missing rows', () => {
  const read = () => readText(fixture('label-variants.txt'))[0]!;
  it('reads rows whose labels carry glosses, an ASCII comma or a missing character', () => {
    const r = read();
    expect(r.format).toBe('gov2021');
    expect(values(r, 'active.regulation')).toEqual({ 'active.regulation.issued': 0, 'active.regulation.repealed': 0, 'active.regulation.inForce': 2 });
    expect(values(r, 'active.license')).toEqual({ 'active.license.decisions': 17 });
    expect(values(r, 'apply.withheld.lawForbidden.')).toMatchObject({ 'apply.withheld.lawForbidden.natural': 1, 'apply.withheld.lawForbidden.total': 1 });
    expect(values(r, 'apply.other.overdueSupplement.')).toMatchObject({ 'apply.other.overdueSupplement.natural': 1, 'apply.other.overdueSupplement.commercial': 1, 'apply.other.overdueSupplement.total': 2 });
    expect(checkReport(inputOf(r)!).filter((f) => f.severity === 'error')).toEqual([]);
  });
  it('says which required row it could not find, instead of silently skipping its rules', () => {
    expect(read().problems.map((p) => p.message)).toEqual(['表二（主动公开政府信息情况）缺少1行：行政处罚']);
  });
});

describe('labels: a 规章 row whose label is missing, and 「减4」 in 本年增/减', () => {
  it('reads the unlabelled row as 规章, the one row its position in the official order allows', () => {
    const r = readText(fixture('regulation-label-missing.txt'))[0]!;
    expect(values(r, 'active.regulation')).toEqual({ 'active.regulation.issued': 0, 'active.regulation.repealed': 0, 'active.regulation.inForce': 6 });
    expect(r.problems).toEqual([]);
    expect(rules(r)).toEqual([['P-REG', 'info', 'active.regulation.inForce']]);
  });
  it('reads 「减4」 as −4 and 「增1」 as +1 in a 本年增/减 cell, not as text that is not a number', () => {
    const r = readText(fixture('delta-words-2019.txt'))[0]!;
    expect(r.format).toBe('gov2019');
    expect(values(r, 'active.license')).toEqual({ 'active.license.prevItems': 12, 'active.license.delta': -4, 'active.license.decisions': 40 });
    expect(values(r, 'active.otherService')).toEqual({ 'active.otherService.prevItems': 3, 'active.otherService.delta': 1, 'active.otherService.decisions': 9 });
    expect(values(r, 'active.fee')).toEqual({ 'active.fee.prevItems': 4, 'active.fee.delta': -1 });
    expect(r.cells['active.license.delta']!.raw).toBe('减4');
    expect(r.problems).toEqual([]);
    expect(rules(r)).toEqual([]);
  });
});

describe('text: PDF-to-markdown with empty label columns and value rows that lost their label', () => {
  const read = () => readText(fixture('pdf-markdown-unlabelled.md'))[0]!;
  it('skips the empty label-column cells, so every row keeps its own seven numbers', () => {
    const r = read();
    expect(values(r, 'apply.new.')).toEqual({
      'apply.new.natural': 9, 'apply.new.commercial': 1, 'apply.new.research': 0, 'apply.new.nonprofit': 0, 'apply.new.legal': 0, 'apply.new.otherOrg': 0, 'apply.new.total': 10,
    });
    expect(values(r, 'apply.total.')).toEqual({
      'apply.total.natural': 10, 'apply.total.commercial': 1, 'apply.total.research': 0, 'apply.total.nonprofit': 0, 'apply.total.legal': 0, 'apply.total.otherOrg': 0, 'apply.total.total': 11,
    });
  });
  it('gives unlabelled rows to the rows missing between their neighbours when there are exactly as many', () => {
    const r = read();
    expect(values(r, 'apply.withheld.threeSafety.')).toEqual({
      'apply.withheld.threeSafety.natural': 1, 'apply.withheld.threeSafety.commercial': 0, 'apply.withheld.threeSafety.research': 0, 'apply.withheld.threeSafety.nonprofit': 0,
      'apply.withheld.threeSafety.legal': 0, 'apply.withheld.threeSafety.otherOrg': 0, 'apply.withheld.threeSafety.total': 1,
    });
    expect(values(r, 'apply.unable.needCreate.total')).toEqual({ 'apply.unable.needCreate.total': 0 });
    expect(values(r, 'apply.unable.unclear.total')).toEqual({ 'apply.unable.unclear.total': 0 });
  });
  it('leaves an unlabelled row unread when two rows could own it, says so, and never takes the stray 「1」 as a cell', () => {
    const r = read();
    expect(values(r, 'apply.ignored.publication')).toEqual({});
    expect(values(r, 'apply.ignored.massive')).toEqual({});
    expect(r.problems.map((p) => p.message)).toEqual([
      '表三在“2.重复申请”和“5.要求行政机关确认或重新出具已获取信息”之间有1行数字没有栏目名称，无法确定属于哪一行，未读取',
      '表三（收到和处理政府信息公开申请情况）缺少2行：3.要求提供公开出版物、4.无正当理由大量反复申请',
    ]);
    const stray = fixture('pdf-markdown-unlabelled.md').indexOf('\n1\n') + 1;
    expect(Object.values(r.cells).filter((c) => c.loc.kind === 'text' && c.loc.start === stray)).toEqual([]);
    expect(rules(r).filter((f) => f[1] === 'error')).toEqual([]);
  });
});

describe('表四 in other shapes', () => {
  const appeal = (r: Report) => values(r, 'appeal.');
  it('reads three small tables, one per group named above it, in the form’s group order', () => {
    const [r] = readHtml(fixture('appeal-three-tables.html'));
    expect(appeal(r!)).toEqual({
      'appeal.review.upheld': 3, 'appeal.review.corrected': 1, 'appeal.review.other': 0, 'appeal.review.pending': 1, 'appeal.review.total': 5,
      'appeal.suitDirect.upheld': 2, 'appeal.suitDirect.corrected': 0, 'appeal.suitDirect.other': 0, 'appeal.suitDirect.pending': 0, 'appeal.suitDirect.total': 2,
      'appeal.suitAfterReview.upheld': 0, 'appeal.suitAfterReview.corrected': 0, 'appeal.suitAfterReview.other': 1, 'appeal.suitAfterReview.pending': 0, 'appeal.suitAfterReview.total': 1,
    });
    expect(r!.problems.filter((p) => p.message.includes('表四'))).toEqual([]);
  });
  it('leaves two of the three small tables unread, and says so, when the group of each cannot be told', () => {
    const html = fixture('appeal-three-tables.html');
    const [r] = readHtml(html.slice(0, html.lastIndexOf('<p>（三）')) + '</body></html>');
    expect(appeal(r!)).toEqual({});
    expect(r!.problems.map((p) => p.message).filter((m) => m.includes('表四'))).toEqual([
      '表四有2行数字没有栏目名称，无法确定属于哪一行，未读取',
      '没有读到表四（政府信息公开行政复议、行政诉讼情况）的数据',
    ]);
  });
  it('reads flipbook text whose header letters are stacked one per line, a number under each column', () => {
    const r = readText(fixture('appeal-stacked-columns.txt'))[0]!;
    expect(appeal(r)).toEqual({
      'appeal.review.upheld': 1, 'appeal.review.corrected': 0, 'appeal.review.other': 0, 'appeal.review.pending': 0, 'appeal.review.total': 1,
      'appeal.suitDirect.upheld': 0, 'appeal.suitDirect.corrected': 0, 'appeal.suitDirect.other': 1, 'appeal.suitDirect.pending': 0, 'appeal.suitDirect.total': 1,
      'appeal.suitAfterReview.upheld': 0, 'appeal.suitAfterReview.corrected': 0, 'appeal.suitAfterReview.other': 0, 'appeal.suitAfterReview.pending': 0, 'appeal.suitAfterReview.total': 0,
    });
    expect(r.problems).toEqual([]);
    expect(rules(r)).toEqual([]);
  });
  it('reads the same flipbook text when the fifteen numbers follow all the stacked header letters', () => {
    const r = readText(fixture('appeal-stacked-letters.txt'))[0]!;
    expect(appeal(r)).toEqual(appeal(readText(fixture('appeal-stacked-columns.txt'))[0]!));
    expect(r.problems).toEqual([]);
  });
});

describe('text: crawled rows whose cells ran together (「申请总数件1295」)', () => {
  const read = () => readText(fixture('local-2017-cells-run-together.txt'))[0]!;
  it('splits a row’s digits only where exactly one split satisfies the form’s rules, and marks those cells inferred', () => {
    const r = read();
    expect(r.format).toBe('local');
    expect(values(r, 'local.')).toEqual({
      'local.2': 12, 'local.2.cumulative': 95,
      'local.2.1': 2, 'local.2.1.cumulative': 30,
      'local.2.2': 10, 'local.2.2.cumulative': 65,
      'local.3': 12, 'local.3.cumulative': 95,
      'local.3.1': 10, 'local.3.1.cumulative': 80,
      'local.3.2': 2, 'local.3.2.cumulative': 15,
      'local.4': 0, 'local.4.cumulative': 2,
      'local.5': 0, 'local.5.cumulative': 1,
    });
    expect(Object.values(r.cells).every((c) => c.inferred === true)).toBe(true);
    expect(r.cells['local.2']!.raw).toBe('1295');
    expect(r.problems.find((p) => p.code === 'inferred')?.message).toBe(
      '以下8行的数字连在一起，已按表格的勾稽关系拆开（只有这一种拆法符合），请核对：申请总数（1295→12、95）；其中：1.当面申请（230→2、30）；2.网络申请（1065→10、65）；对申请的答复总数（1295→12、95）；其中：1.同意公开（1080→10、80）；2.否决公开（215→2、15）；三、因政府信息公开申请行政复议数（02→0、2）；四、因政府信息公开申请提起行政诉讼数（01→0、1）',
    );
  });
  it('keeps refusing a row that two splits would fit (1203560: 1 and 203560, or 120 and 3560), and says so', () => {
    const r = read();
    expect(r.cells['local.1']).toBeUndefined();
    expect(r.problems.filter((p) => p.code !== 'P-FORMAT' && p.code !== 'inferred').map((p) => p.message)).toEqual([
      '“一、主动公开政府信息数”一行的数字连在一起（1203560），有2种拆法都符合表格的勾稽关系，无法确定，未读取',
    ]);
    expect(rules(r).filter((f) => f[1] === 'error')).toEqual([]);
  });
  it('refuses a split that its family’s sums contradict instead of taking the one the order allows', () => {
    const text = fixture('local-2017-cells-run-together.txt').replace('对申请的答复总数件1295', '对申请的答复总数件12');
    const r = readText(text)[0]!;
    expect(r.cells['local.3']).toBeUndefined();
    expect(r.problems.map((p) => p.message)).toContain('“对申请的答复总数”一行的数字连在一起（12），没有一种拆法符合表格的勾稽关系，未读取');
  });
});

describe('text: crawled national tables whose row cells ran together (「规章105」, 「（一）收到申请数件12140」)', () => {
  const text = fixture('gov2021-cells-run-together.txt');
  const row = (r: Report, id: string) => ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'otherOrg', 'total'].map((c) => r.cells[`apply.${id}.${c}`]?.value);
  it('splits each row where exactly one split keeps the row sums, the column sums and 新收+结转 = 总计+结转下年度, and marks those cells inferred', () => {
    const r = readText(text)[0]!;
    expect(r.format).toBe('gov2021');
    expect(values(r, 'active.')).toEqual({
      'active.regulation.issued': 1, 'active.regulation.repealed': 0, 'active.regulation.inForce': 5,
      'active.license.decisions': 1536, 'active.penalty.decisions': 212, 'active.coercion.decisions': 0, 'active.fee.amount': 0,
    });
    expect(row(r, 'new')).toEqual([120, 6, 0, 1, 1, 0, 128]);
    expect(row(r, 'carried')).toEqual([3, 0, 0, 0, 0, 0, 3]);
    expect(row(r, 'granted')).toEqual([70, 2, 0, 0, 1, 0, 73]);
    expect(row(r, 'partial')).toEqual([10, 1, 0, 0, 0, 0, 11]);
    expect(row(r, 'unable.notHeld')).toEqual([25, 3, 0, 1, 0, 0, 29]);
    expect(row(r, 'total')).toEqual([117, 6, 0, 1, 1, 0, 125]);
    expect(row(r, 'carryForward')).toEqual([6, 0, 0, 0, 0, 0, 6]);
    expect(Object.keys(values(r, 'apply.'))).toHaveLength(25 * 7);
    // a cell of several figures is inferred; a one-cell row only lacked the space before its number
    const inferred = Object.values(r.cells).filter((c) => c.inferred).map((c) => c.id);
    expect(inferred).toHaveLength(3 + 25 * 7);
    expect(r.cells['apply.new.natural']).toMatchObject({ value: 120, raw: '12060110128', inferred: true });
    expect(r.cells['active.license.decisions']!.inferred).toBeUndefined();
    expect(r.problems.find((p) => p.code === 'inferred')?.message).toContain('表三·一、本年新收政府信息公开申请数量（12060110128→120、6、0、1、1、0、128）');
    expect(rules(r).filter((f) => f[1] === 'error')).toEqual([]);
  });
  it('keeps refusing a row that several splits fit (行政规范性文件31220: no rule decides 3 cells out of 5 digits), and says so', () => {
    const r = readText(text)[0]!;
    expect(values(r, 'active.normative')).toEqual({});
    expect(r.problems.filter((p) => p.code === 'fused-digits').map((p) => p.message)).toEqual([
      '“表二·行政规范性文件”一行的数字连在一起（31220），有6种拆法都符合表格的勾稽关系，无法确定，未读取',
    ]);
  });
  it('refuses a row whose column sums cannot be checked because the 总计 it adds up to has no split at all', () => {
    const r = readText(text.replace('（七）总计11760110125', '（七）总计11760110126'))[0]!;
    expect(row(r, 'total')).toEqual([undefined, undefined, undefined, undefined, undefined, undefined, undefined]);
    expect(row(r, 'partial')).toEqual([undefined, undefined, undefined, undefined, undefined, undefined, undefined]);
    expect(row(r, 'granted')).toEqual([70, 2, 0, 0, 1, 0, 73]);
    expect(r.problems.filter((p) => p.code === 'fused-digits').map((p) => p.message)).toEqual([
      '“表二·行政规范性文件”一行的数字连在一起（31220），有6种拆法都符合表格的勾稽关系，无法确定，未读取',
      '“表三·（二）部分公开”一行的数字连在一起（101000011），有2种拆法都符合表格的勾稽关系，无法确定，未读取',
      '“表三·（七）总计”一行的数字连在一起（11760110126），没有一种拆法符合表格的勾稽关系，未读取',
    ]);
  });
  it('2014 table with 历年累计: this year ≤ cumulative and the sub-items’ sums decide 12140 = 12 and 140; 212210037 stays unread', () => {
    const r = readText(
      [
        '某区人民政府办公室2016年政府信息公开工作年度报告',
        '本报告中所列数据统计期限为2016年1月1日至2016年12月31日。',
        '政府信息公开情况统计表',
        '统计指标单位统计数历年累计',
        '一、主动公开情况',
        '（一）主动公开政府信息数条212210037',
        '三、依申请公开情况',
        '（一）收到申请数件12140',
        '1.当面申请数件560',
        '2.传真申请数件00',
        '3.网络申请数件780',
        '4.信函申请数件00',
      ].join('\n'),
    )[0]!;
    expect(r.format).toBe('gov2014');
    expect(values(r, 'c.')).toEqual({
      'c.apply.received.total': 12, 'c.apply.received.total.cumulative': 140,
      'c.apply.received.inPerson': 5, 'c.apply.received.inPerson.cumulative': 60,
      'c.apply.received.fax': 0, 'c.apply.received.fax.cumulative': 0,
      'c.apply.received.online': 7, 'c.apply.received.online.cumulative': 80,
      'c.apply.received.letter': 0, 'c.apply.received.letter.cumulative': 0,
    });
    expect(Object.values(r.cells).every((c) => c.inferred)).toBe(true);
    expect(r.problems.filter((p) => p.code === 'fused-digits').map((p) => p.message)).toEqual([
      '“统计表·（一）主动公开政府信息数”一行的数字连在一起（212210037），有4种拆法都符合表格的勾稽关系，无法确定，未读取',
    ]);
  });
});
