import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FORMATS, cellLabel, sectionTitle, type FormatId } from '@/lib/formats';
import { setLocale } from '@/lib/i18n';
import { checkNarrative } from '@/lib/narrative';
import { TOPICS } from '@/lib/narrative/topics';
import { readHtml, readText } from '@/lib/read';
import type { Values } from '@/lib/report';

/** Quotes of the form (cell, row and section titles) and of the narrative's topics: the same in every locale. */
const QUOTED = (Object.keys(FORMATS) as FormatId[])
  .flatMap((f) => [
    ...FORMATS[f].cells.map((c) => cellLabel(f, c.id)),
    ...FORMATS[f].sections.flatMap((s) => [sectionTitle(s), ...s.rows.map((r) => r.label)]),
    ...TOPICS[f].map((topic) => topic.name),
  ])
  .join('\n');

/** Chinese runs outside quotes: what an English UI must not show. The narrative's own sentence and figure are quoted in “…”. */
function chineseOutsideQuotes(text: string, typed: readonly string[] = []): string[] {
  const unquoted = text.replace(/“[^”]*”/g, '').replace(/"[^"]*"/g, '');
  const runs = unquoted.match(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+/g) ?? [];
  return runs.filter((run) => !QUOTED.includes(run) && !typed.some((w) => w.includes(run)));
}

const WITHHELD = ['stateSecret', 'lawForbidden', 'threeSafety', 'thirdParty', 'internal', 'process', 'enforcement', 'query'];
const TABLE: Values = {
  'apply.new.total': 34,
  'apply.carried.total': 2,
  'apply.granted.total': 9,
  'apply.partial.total': 0,
  ...Object.fromEntries(WITHHELD.map((r, i) => [`apply.withheld.${r}.total`, i === 3 ? 2 : 0])),
  'apply.carryForward.total': 1,
  'active.normative.issued': 77,
  'active.normative.repealed': 3,
  'active.normative.inForce': 470,
};
/** Figures that each disagree with the table: a single cell, a group of 8 rows, a 总计 left blank and summed from its row. */
const NARRATIVE = '2023年，本机关共受理政府信息公开申请30件，上年结转2件。同意公开答复8件，不予公开答复5件，转下一年度办理答复的有1件。';
const DERIVED: Values = { 'apply.new.natural': 3, 'apply.new.commercial': 1, 'apply.new.total': null };

function narrativeTexts(): string[] {
  return [
    ...checkNarrative(NARRATIVE, { format: 'gov2021', year: 2023, values: TABLE }),
    ...checkNarrative('本年新收政府信息公开申请9件。', { format: 'gov2021', year: 2023, values: DERIVED }),
  ].map((f) => f.message);
}

const TRUNCATED = `<p>2023年某局政府信息公开工作年度报告</p><table>
  <tr><td>（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td>自然人</td><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td><td>总计</td></tr>
  <tr><td>一、本年新收政府信息公开申请数量</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td></tr>
  <tr><td>二、上年结转政府信息公开申请数量</td><td>0</td><td>0</td></tr></table>`;

function reportTexts(): string[] {
  return [
    readHtml('<p>2023年政府信息公开工作年度报告</p><p>今年工作很好。</p>'),
    readHtml('<table><tr><td>商品</td><td>单价</td></tr><tr><td>铅笔</td><td>2</td></tr></table>'),
    readHtml(TRUNCATED),
    readText('信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数\n规章 | 约20 | 0 | 0\n'),
  ].flatMap((rs) => rs.flatMap((r) => r.problems.filter((p) => ['no-table', 'no-report-table', 'missing-section', 'missing-rows', 'empty', 'no-year', 'unreadable'].includes(p.code)).map((p) => p.message)));
}

describe('narrative and report-reading texts in English', () => {
  beforeEach(() => setLocale('en'));
  afterEach(() => setLocale('zh'));

  it('a narrative figure that disagrees with the table is told in English around the quoted sentence and the form’s titles', () => {
    const texts = narrativeTexts();
    expect(texts.length).toBe(4);
    for (const text of texts) {
      expect(chineseOutsideQuotes(text), text).toEqual([]);
      expect(text, text).toMatch(/^The text “.+” gives .+ off by \d+.*Check the text or the table\.$/);
    }
    expect(texts.some((text) => text.includes('all items of'))).toBe(true);
    expect(texts.some((text) => text.includes('(total blank: its columns summed)'))).toBe(true);
  });

  it('what reading a report found missing or unreadable is English, naming sections and cells in the form’s words', () => {
    const texts = reportTexts();
    expect(texts.length).toBeGreaterThanOrEqual(6);
    for (const text of texts) {
      expect(chineseOutsideQuotes(text, ['约20']), text).toEqual([]);
      expect(text, text).not.toMatch(/\{\w+\}|undefined/);
    }
  });

  it('the same inputs in Chinese give the same number of texts, in Chinese', () => {
    const en = [...narrativeTexts(), ...reportTexts()];
    setLocale('zh');
    const zh = [...narrativeTexts(), ...reportTexts()];
    expect(zh.length).toBe(en.length);
    zh.forEach((text, i) => {
      expect(text).not.toBe(en[i]);
      expect(/[a-z]{3}/i.test(text), text).toBe(false);
    });
  });
});
