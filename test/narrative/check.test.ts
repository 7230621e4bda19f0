import { describe, expect, it } from 'vitest';
import { checkNarrative } from '@/lib/narrative';
import type { Values } from '@/lib/report';

const check = (text: string, values: Values, format: 'gov2021' | 'gov2019' | 'gov2014' = 'gov2021', year = 2023) =>
  checkNarrative(text, { format, year, values });

describe('checkNarrative', () => {
  it('is silent when the narrative agrees with the table', () => {
    expect(check('全年共受理政府信息公开申请29件，其中予以公开12件。', { 'apply.new.total': 29, 'apply.granted.total': 12 })).toEqual([]);
  });

  it('reports a disagreement as a 核实性 P-TEXT finding with the sentence, figure, cell label and value', () => {
    const text = '一、总体情况\n2023年，本机关共受理政府信息公开申请\n二十三件。其中予以公开12件。';
    const [f, ...rest] = check(text, { 'apply.new.total': 25, 'apply.granted.total': 12 });
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: 'P-TEXT', severity: 'warning', cells: ['apply.new.total'] });
    expect(f!.message).toBe(
      '正文“2023年，本机关共受理政府信息公开申请二十三件”中收到的政府信息公开申请 二十三件，' +
        '与表格不一致：表三·一、本年新收政府信息公开申请数量·总计 25，相差 2。请核对正文或表格。',
    );
    // The span is the sentence in the original text, across the line wrap.
    expect(text.slice(f!.span!.start, f!.span!.end)).toBe('2023年，本机关共受理政府信息公开申请\n二十三件');
    expect(Object.keys(f!.span!)).toEqual(['start', 'end']);
    expect(f!.expected).toBeUndefined(); // never a one-click "correction" of the table from the prose
  });

  it('sums the group of a result category and names its cells', () => {
    const values: Values = {
      'apply.withheld.stateSecret.total': 1, 'apply.withheld.lawForbidden.total': 0, 'apply.withheld.threeSafety.total': 0,
      'apply.withheld.thirdParty.total': 2, 'apply.withheld.internal.total': 0, 'apply.withheld.process.total': 0,
      'apply.withheld.enforcement.total': 0, 'apply.withheld.query.total': 0,
    };
    expect(check('不予公开3件。', values)).toEqual([]);
    const [f] = check('不予公开4件。', values);
    expect(f!.cells).toHaveLength(8);
    expect(f!.message).toContain('表三·（三）不予公开各项合计');
    expect(f!.message).toContain('1.属于国家秘密·总计 1');
    expect(f!.message).toContain('= 3，相差 1');
  });

  it('compares 共受理…（含上年结转） with 新收 + 上年结转 only; a bare 受理 may mean either', () => {
    const values = { 'apply.new.total': 28, 'apply.carried.total': 2 };
    expect(check('共受理申请30件（含上年结转2件）。', values)).toEqual([]);
    expect(check('共受理申请28件，其中上年结转2件。', values)[0]!.cells).toEqual(['apply.new.total', 'apply.carried.total']);
    expect(check('共受理申请31件（本年新收29件，上年结转2件）。', values).map((f) => f.cells)).toEqual([
      ['apply.new.total', 'apply.carried.total'],
      ['apply.new.total'],
    ]);
    expect(check('共受理申请30件。', values)).toEqual([]);
    expect(check('共受理申请28件。', values)).toEqual([]);
    expect(check('共受理申请29件。', values)[0]!.message).toContain(
      '总计 28，相差 1；若按 表三·一、本年新收政府信息公开申请数量·总计 28 + 表三·二、上年结转政府信息公开申请数量·总计 2 = 30 计，也不一致。',
    );
  });

  it('a result category with a named reason may state just that sub-row; with 等 it is the whole group', () => {
    const values: Values = { 'apply.unable.notHeld.total': 2, 'apply.unable.needCreate.total': 1, 'apply.unable.unclear.total': 0 };
    expect(check('因本机关不掌握相关政府信息无法提供2件。', values)).toEqual([]);
    expect(check('无法提供3件。', values)).toEqual([]);
    expect(check('无法提供2件。', values)).toHaveLength(1);
    expect(check('因本机关不掌握等原因无法提供2件。', values)).toHaveLength(1);
  });

  it('予以公开…（含部分公开） is the sum of both rows', () => {
    const values = { 'apply.granted.total': 10, 'apply.partial.total': 2 };
    expect(check('予以公开12件（含部分公开2件）。', values)).toEqual([]);
    expect(check('予以公开12件。', values)).toHaveLength(1);
  });

  it('a blank 总计 stands for the sum of its row; an all-blank row is not compared', () => {
    const values: Values = {
      'apply.granted.natural': 5, 'apply.granted.commercial': 1, 'apply.granted.research': null, 'apply.granted.nonprofit': null,
      'apply.granted.legal': null, 'apply.granted.otherOrg': null, 'apply.granted.total': null, 'apply.partial.total': null,
    };
    expect(check('予以公开6件。', values)).toEqual([]);
    expect(check('予以公开5件。', values)[0]!.message).toContain('总计未填，按各列合计');
    expect(check('部分公开5件。', values)).toEqual([]);
  });

  it('does not compare a figure whose cells the table does not have (a cut-off table)', () => {
    expect(check('予以公开6件。', { 'apply.new.total': 6 })).toEqual([]);
  });

  it('compares amounts in 万元, converting 元', () => {
    expect(check('行政事业性收费25000元。', { 'active.fee.amount': 2.5 })).toEqual([]);
    expect(check('行政事业性收费3万元。', { 'active.fee.amount': 2.5 })[0]!.message).toContain('相差 0.5');
  });

  it('reads traditional characters (seed 001 style, gov2014)', () => {
    const [f] = check('通過門戶網站公開783條，微博公開12條。', { 'c.channels.website': 927, 'c.channels.weibo': 12 }, 'gov2014', 2016);
    expect(f!.cells).toEqual(['c.channels.website']);
    expect(f!.message).toContain('2.政府网站公开政府信息数 927');
  });

  it('ignores the statistics table rows when given the whole text', () => {
    expect(check('收到申请3件。\n| 一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |', { 'apply.new.total': 3 })).toEqual([]);
  });
});
