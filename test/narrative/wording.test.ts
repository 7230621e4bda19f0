import { describe, expect, it } from 'vitest';
import { checkNarrative, compareNarrative } from '@/lib/narrative';
import type { CheckInput, Values } from '@/lib/report';

/**
 * Narratives in the shapes real reports use that used to be read wrong (issue 14, items 10, 11):
 * older answer wording whose figures belong to their own rows, and part figures next to a whole.
 */

const WITHHELD = ['stateSecret', 'lawForbidden', 'threeSafety', 'thirdParty', 'internal', 'process', 'enforcement', 'query'];
const UNABLE = ['notHeld', 'needCreate', 'unclear'];
const IGNORED = ['complaint', 'repeat', 'publication', 'massive', 'confirm'];
const OTHER = ['overdueSupplement', 'overdueFee', 'misc'];
const rows = (group: string, list: string[], vals: number[]) => Object.fromEntries(list.map((r, i) => [`apply.${group}.${r}.total`, vals[i] ?? 0]));

/** A clean gov2021 section 三: 35 answered, of which 9 granted, 0 partial, 2 withheld; 1 carried forward. */
const TABLE: Values = {
  'apply.new.total': 34,
  'apply.carried.total': 2,
  'apply.granted.total': 9,
  'apply.partial.total': 0,
  ...rows('withheld', WITHHELD, [0, 0, 0, 2]),
  ...rows('unable', UNABLE, [20, 1, 0]),
  ...rows('ignored', IGNORED, [1, 1]),
  ...rows('other', OTHER, [0, 0, 1]),
  'apply.total.total': 35,
  'apply.carryForward.total': 1,
  'active.normative.issued': 77,
  'active.normative.repealed': 3,
  'active.normative.inForce': 470,
};
const input = (values: Values = TABLE): CheckInput => ({ format: 'gov2021', year: 2023, values });
const compared = (text: string, values: Values = TABLE) =>
  compareNarrative(text, input(values)).map((c) => `${c.claim.figure}→${c.claim.cells.length > 2 ? c.claim.cells[0]!.split('.').slice(0, 2).join('.') + '.*' : c.claim.cells.join('+')}=${c.table}`);

const OLDER =
  '2023年，本机关共受理政府信息公开申请34件，上年结转2件。所有办结的信息公开申请中同意公开答复9件，部分公开答复0件，不予公开答复2件，' +
  '因信息不存在等原因无法提供21件，不予处理2件，其他处理1件，转下一年度办理答复的有1件。';

describe('older answer wording: each figure is its own row, never the 总计', () => {
  it('同意公开答复 / 部分公开答复 / 不予公开答复 / 转下一年度办理答复 map to 予以公开, 部分公开, 不予公开 and 结转下年度', () => {
    expect(compared(OLDER)).toEqual([
      '34件→apply.new.total=34',
      '2件→apply.carried.total=2',
      '9件→apply.granted.total=9',
      '0件→apply.partial.total=0',
      '2件→apply.withheld.*=2',
      '21件→apply.unable.*=21',
      '2件→apply.ignored.*=2',
      '1件→apply.other.*=1',
      '1件→apply.carryForward.total=1',
    ]);
  });

  it('a clean table gives no warning at all', () => {
    expect(checkNarrative(OLDER, input())).toEqual([]);
  });

  it('a wrong figure is compared with its own row, not with the 总计', () => {
    const [f, ...rest] = checkNarrative(OLDER.replace('同意公开答复9件', '同意公开答复8件'), input());
    expect(rest).toEqual([]);
    expect(f!.cells).toEqual(['apply.granted.total']);
    expect(f!.message).toContain('予以公开 8件');
    expect(f!.message).toContain('·总计 9，相差 1');
    const [g] = checkNarrative(OLDER.replace('转下一年度办理答复的有1件', '转下一年度办理答复的有3件'), input());
    expect(g!.cells).toEqual(['apply.carryForward.total']);
  });

  it('同意部分公开答复 and 不同意公开答复 (2014 words in a 2021 report) are 部分公开 and 不予公开', () => {
    expect(compared('同意部分公开答复0件，不同意公开答复2件。')).toEqual(['0件→apply.partial.total=0', '2件→apply.withheld.*=2']);
  });

  it('答复 of its own still states the 总计: 共答复35件, 办结并答复35件', () => {
    expect(compared('全年共答复申请35件。')).toEqual(['35件→apply.total.total=35']);
  });
});

describe('a figure that is a part is not compared with the whole', () => {
  const text = '本机关现行有效的行政规范性文件393件，动态更新本年度制发的行政规范性文件77件，并在门户网站集中公开。';

  it('现行有效 393 followed by 动态更新 本年度制发 77 (393 + 77 = 470): no warning', () => {
    expect(checkNarrative(text, input())).toEqual([]);
    // 77 is still the 制发 figure and agrees with its cell; 393 is the part that was in force before
    expect(compared(text)).toEqual(['77件→active.normative.issued=77']);
  });

  it('a whole named with a part qualifier (动态更新, 新增, 另有) is not a whole', () => {
    expect(compared('动态更新现行有效行政规范性文件77件。')).toEqual([]);
    expect(compared('新增现行有效行政规范性文件77件。')).toEqual([]);
    expect(compared('共受理申请30件，另有受理申请4件转交其他机关办理。', { ...TABLE, 'apply.new.total': 30 })).toEqual(['30件→apply.new.total=30']);
  });

  it('the whole stated plainly is still compared, and a wrong one is still found', () => {
    expect(compared('现行有效行政规范性文件470件。')).toEqual(['470件→active.normative.inForce=470']);
    expect(checkNarrative('现行有效行政规范性文件393件。', input()).map((f) => f.cells)).toEqual([['active.normative.inForce']]);
  });
});
