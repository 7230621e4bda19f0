// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { checkInput, type CheckOptions } from '@/lib/check';
import { setLocale } from '@/lib/i18n';
import type { CheckInput } from '@/lib/report';
import * as before from './reference/check';
import { pageReport } from '../bench/check-page';
import { consistent } from '../rules/gen';

/**
 * lib/check keeps the table's part of its last answers (engine and localisation) for a table checked again
 * unchanged. Whatever the table's answer depends on changes, even in the objects the caller passed before, the
 * next answer is the one the pipeline before the cache gives.
 */

/** The e2e page's report as the engine's input, with one wrong figure (a hard rule fails, a fix is offered). */
function wrongInput(): CheckInput {
  const rep = pageReport();
  const values = Object.fromEntries(Object.entries(rep.cells).map(([id, c]) => [id, c.value]));
  values['apply.new.natural'] = 50;
  return { format: rep.format!, year: rep.year, values, body: rep.body ?? '滨江区人民政府办公室', narrative: '本年度新收政府信息公开申请12件。' };
}

const same = (input: CheckInput, opts: CheckOptions = {}) => {
  const now = checkInput(input, opts);
  expect(now).toStrictEqual(before.checkInput(structuredClone(input), structuredClone(opts)));
  return now;
};

describe('the table part of a check, kept for an unchanged table', () => {
  afterEach(() => setLocale('zh'));

  it('is used again while only the narrative changes, with the new narrative’s findings merged as a full check would', () => {
    const input = wrongInput();
    const first = same(input);
    const again = same({ ...input, narrative: '本年度新收政府信息公开申请13件。' });
    expect(again.findings.filter((f) => f.rule === 'P-TEXT').map((f) => f.message)).not.toEqual(first.findings.filter((f) => f.rule === 'P-TEXT').map((f) => f.message));
    expect(again.suggestion).toStrictEqual(first.suggestion);
  });

  it('is not used once a value changed, even in the same values object', () => {
    const input = wrongInput();
    const first = same(input);
    input.values['apply.new.natural'] = 51;
    const next = same(input);
    expect(next.findings).not.toStrictEqual(first.findings);
  });

  it('is not used once a cell’s text, the body or the year changed', () => {
    const input = wrongInput();
    same(input);
    input.values['apply.granted.natural'] = null;
    input.raw = { 'apply.granted.natural': '约20' };
    const a = same(input);
    input.raw['apply.granted.natural'] = '约30';
    const b = same(input);
    expect(b.findings).not.toStrictEqual(a.findings);
    input.values['active.regulation.issued'] = 2;
    const office = same({ ...input, body: '上海市人民政府办公厅' });
    const township = same({ ...input, body: '某某县某某镇人民政府' });
    expect(township.findings.length).toBe(office.findings.length + 1);
    const old: CheckInput = { format: 'gov2014', year: 2018, values: { 'c.apply.received.total': 3 } };
    expect(same(old).findings).toEqual([]);
    expect(same({ ...old, year: 2022 }).findings.map((f) => f.rule)).toEqual(['P-FORMAT']);
  });

  it('is not used for the same cells in another order', () => {
    const input = wrongInput();
    input.values['apply.granted.natural'] = -3;
    input.values['apply.partial.natural'] = -5;
    const a = same(input);
    const reversed = Object.fromEntries(Object.entries(input.values).reverse());
    const b = same({ ...input, values: reversed });
    expect(b.findings).not.toStrictEqual(a.findings);
  });

  it('is not used once last year’s data or the recently edited cells changed', () => {
    const input = wrongInput();
    const prior: CheckInput = { format: input.format, year: 2022, values: { ...input.values } };
    const first = same(input, { prior });
    prior.values['apply.carryForward.total'] = 999;
    const cross = same(input, { prior });
    expect(cross.findings).not.toStrictEqual(first.findings);
    same(input, { prior: { ...prior, year: 2021 } });
  });

  it('is not used once the recently edited cells changed', () => {
    // One failing sum, two slips that explain it equally: the cell edited last is named first.
    const base = consistent('gov2014', 7).input;
    const input: CheckInput = { ...base, values: { ...base.values, 'c.channels.gazette': (base.values['c.channels.gazette'] ?? 0) + 1 } };
    const a = same(input, { recentlyEdited: [] });
    const b = same(input, { recentlyEdited: ['c.channels.weibo'] });
    expect(b.suggestion).not.toStrictEqual(a.suggestion);
  });

  it('is not used in another language', () => {
    const input = wrongInput();
    const zh = same(input);
    setLocale('en');
    const en = same(input);
    expect(en.findings.map((f) => f.message)).not.toEqual(zh.findings.map((f) => f.message));
  });
});
