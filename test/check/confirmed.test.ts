import { describe, expect, it } from 'vitest';
import { asConfirmations, confirmWarning, confirmationOf, markConfirmed } from '@/lib/check/confirmed';
import { forwardCommand } from '@/lib/commands';
import type { Finding } from '@/lib/report';
import { memoryKV, parseJson, reportKey, saveReport, toJson, upgrade } from '@/lib/store';
import { confirmationsKey } from '@/lib/store/keys';
import { PageConfirmations } from '@/lib/page/confirmations';
import { countListed, confirmedList, groupByCell, inCellWords } from '@/components/shared/findings';

const stock: Finding = {
  rule: 'X-STOCK',
  severity: 'warning',
  cells: ['active.normative.inForce', 'active.normative.repealed', 'active.normative.issued'],
  message: '表二 行政规范性文件：现行有效件数(28)应为…=27，相差1',
};
const sum: Finding = { rule: 'T3-ROWSUM', severity: 'error', cells: ['apply.new.total'], message: '表三 总计不平衡', target: 'apply.new.total', expected: 8 };
const values = { 'active.normative.inForce': 28, 'active.normative.repealed': 1, 'active.normative.issued': 4, 'apply.new.total': 9 };
const at = new Date('2024-01-10T08:00:00Z');

describe('核实说明 (confirmations)', () => {
  it('a 核实性 warning confirmed with a note carries the note and leaves the counts', () => {
    const c = confirmWarning(stock, '  本年另有 1 件重新发布  ', values, at)!;
    expect(c).toEqual({ rule: 'X-STOCK', cells: stock.cells, note: '本年另有 1 件重新发布', values: { 'active.normative.inForce': 28, 'active.normative.repealed': 1, 'active.normative.issued': 4 }, at: '2024-01-10T08:00:00.000Z' });
    const marked = markConfirmed([sum, stock], [c], values);
    expect(marked[1]!.confirmed).toBe('本年另有 1 件重新发布');
    expect(marked[0]!.confirmed).toBeUndefined();
    const groups = groupByCell(marked, 'gov2021');
    expect(countListed(groups)).toEqual({ error: 1, warning: 0, info: 0 });
    expect(confirmedList(marked, 'gov2021').map((x) => [x.cell, x.note])).toEqual([['active.normative.inForce', '本年另有 1 件重新发布']]);
  });

  it('强制性 problems and empty notes cannot be confirmed', () => {
    expect(confirmWarning(sum, '已核实', values, at)).toBeNull();
    expect(confirmWarning(stock, '   ', values, at)).toBeNull();
    // Even a stored confirmation naming an error's rule and cells does not pass it.
    expect(confirmationOf(sum, [{ rule: 'T3-ROWSUM', cells: ['apply.new.total'], note: 'x' }], values)).toBeUndefined();
  });

  it('comes back when a cell it names changes value, and passes again when the value returns', () => {
    const c = confirmWarning(stock, '核实无误', values, at)!;
    expect(confirmationOf(stock, [c], { ...values, 'active.normative.issued': 5 })).toBeUndefined();
    expect(confirmationOf(stock, [c], { ...values, 'apply.new.total': 100 })).toBe(c); // a cell it does not name
    expect(confirmationOf({ ...stock, rule: 'P-TEXT' }, [c], values)).toBeUndefined(); // another rule on the same cells
  });

  it('stored lists are checked by hand: junk entries are dropped, good ones kept', () => {
    const good = { rule: 'X-STOCK', cells: ['a'], note: '说明', values: { a: 1, b: null } };
    expect(asConfirmations([good, null, 3, { rule: 'X', cells: 'a', note: 'n' }, { rule: 'X', cells: [], note: ' ' }, { ...good, values: { a: 'x' } }])).toEqual([good]);
    expect(asConfirmations('nonsense')).toEqual([]);
  });
});

describe('confirmations are saved with the year and travel with the JSON export', () => {
  it('an old record without confirmations stays readable; one with them round-trips export and import', async () => {
    const old = { version: 2, site: 'cms.gov.cn', body: '某区', year: 2023, format: 'gov2021', values: { 'apply.new.total': 1 }, source: 'page', savedAt: '2024-01-01T00:00:00.000Z' };
    expect(upgrade(old).ok).toBe(true);
    const kv = memoryKV();
    const c = confirmWarning(stock, '核实无误', values, at)!;
    const saved = await saveReport(kv, { site: 'cms.gov.cn', body: '某区', year: 2023, format: 'gov2021', values, source: 'page', confirmations: [c] });
    expect(saved.ok).toBe(true);
    const record = (await kv.get(reportKey('cms.gov.cn', '某区', 2023)))[reportKey('cms.gov.cn', '某区', 2023)] as { confirmations: unknown };
    expect(record.confirmations).toEqual([c]);
    const back = parseJson(toJson([record as never]));
    expect(back.problems).toEqual([]);
    expect(back.reports[0]!.confirmations).toEqual([c]);
    expect(upgrade({ ...old, confirmations: [{ rule: 'X', cells: ['a'], note: '' }] }).ok).toBe(false); // a note is required
  });
});

describe('the page keeps its confirmations (one owner) and in storage', () => {
  const report = { body: '某区', year: 2023, format: 'gov2021' as const, cells: {} } as never;

  it('confirming stores the list under the page report key; a new page reads it back', async () => {
    const kv = memoryKV();
    let changed = 0;
    const page = new PageConfirmations(kv, 'cms.gov.cn', () => changed++);
    expect(page.of(report)).toEqual([]);
    expect(await page.confirm(report, [sum, stock], '核实无误')).toBe(true);
    expect(page.of(report).map((c) => c.rule)).toEqual(['X-STOCK']); // only the warning
    expect(changed).toBeGreaterThan(0);
    expect((await kv.get(confirmationsKey('cms.gov.cn', '某区', 2023)))[confirmationsKey('cms.gov.cn', '某区', 2023)]).toHaveLength(1);
    const again = new PageConfirmations(kv, 'cms.gov.cn', () => {});
    again.of(report);
    await new Promise((r) => setTimeout(r, 0));
    expect(again.of(report).map((c) => c.note)).toEqual(['核实无误']);
    expect(await again.unconfirm(report, stock)).toBe(true);
    expect(again.of(report)).toEqual([]);
    expect(await page.confirm(report, [sum], '说明')).toBe(false);
  });

  it('a report never confirmed on this page starts from the saved year (after an import)', async () => {
    const c = { rule: 'X-STOCK', cells: stock.cells, note: '导入的说明' };
    const kv = memoryKV({ [reportKey('cms.gov.cn', '某区', 2023)]: { version: 2, confirmations: [c] } });
    const page = new PageConfirmations(kv, 'cms.gov.cn', () => {});
    page.of(report);
    await new Promise((r) => setTimeout(r, 0));
    expect(page.of(report)).toEqual([c]);
  });
});

describe('下一个问题 (keyboard command) in the background', () => {
  const tabs = () => {
    const sent: [number, unknown, unknown][] = [];
    return {
      sent,
      query: async () => [{ id: 5 }],
      sendMessage: async (id: number, msg: unknown, opts: unknown) => void sent.push([id, msg, opts]),
    };
  };

  it('is forwarded to the top frame of the tab it was pressed in, or else the active tab', async () => {
    const t = tabs();
    expect(await forwardCommand(t, 'next-problem', { id: 9 })).toBe(true);
    expect(await forwardCommand(t, 'next-problem')).toBe(true);
    expect(t.sent).toEqual([[9, { type: 'next-problem' }, { frameId: 0 }], [5, { type: 'next-problem' }, { frameId: 0 }]]);
  });

  it('an unknown command, or a tab without the content script, is nothing to forward', async () => {
    const t = tabs();
    expect(await forwardCommand(t, 'something-else', { id: 9 })).toBe(false);
    expect(await forwardCommand({ ...t, sendMessage: async () => Promise.reject(new Error('no receiver')) }, 'next-problem', { id: 9 })).toBe(false);
    expect(t.sent).toEqual([]);
  });
});

describe('a problem said once, in the cell\'s own words', () => {
  const L = '表三·一、本年新收政府信息公开申请数量·自然人';
  it('the heading names the cell: the message says 本格, and the 改为 N value is not said again', () => {
    expect(inCellWords(`最可能是 ${L} 输错：应为 41，当前 45，看来是多输了一位数字（表三 自然人列：本年新收+上年结转 = 47，（七）总计+结转下年度 = 43，相差 4）`, L, 41)).toBe(
      '最可能是本格输错：当前 45，看来是多输了一位数字（表三 自然人列：本年新收+上年结转 = 47，（七）总计+结转下年度 = 43，相差 4）',
    );
    expect(inCellWords(`最可能是这 2 格输错：${L} 应为 41（当前 45）；表三·二、上年结转政府信息公开申请数量·自然人 应为 2（当前 3）`, L, 41)).toBe(
      '最可能是这 2 格输错：本格（当前 45）；表三·二、上年结转政府信息公开申请数量·自然人 应为 2（当前 3）',
    );
    // Without a 改为 N button the value stays in the words.
    expect(inCellWords(`最可能是 ${L} 输错：应为 41，当前 45`, L)).toBe('最可能是本格输错：应为 41，当前 45');
  });
});
