import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Popup } from '@/components/popup/Popup';
import type { PopupApi } from '@/components/popup/api';
import type { PageState, Request, Response } from '@/lib/messages';
import { FORMATS } from '@/lib/formats';
import { getPrior, memoryKV, reportKey, saveReport } from '@/lib/store';

afterEach(cleanup);

const state = (over: Partial<PageState> = {}): PageState => ({
  siteEnabled: true,
  site: 'cms.example.gov.cn',
  tables: [{ format: 'gov2021', year: 2023, body: '某区统计局', where: '编辑器（iframe）', cellCount: 204 }],
  findings: [
    { rule: 'T3-ROWSUM', severity: 'error', cells: ['apply.new.total', 'apply.new.natural'], message: '表三 一、本年新收：各列之和(8)与总计(9)相差1', target: 'apply.new.total', expected: 8, actual: 9 },
    { rule: 'T3-BAL', severity: 'error', cells: ['apply.new.total'], message: '表三 总计列：8+0≠7+0', target: 'apply.new.total' },
    { rule: 'X-CARRY', severity: 'warning', cells: ['apply.carried.natural'], message: '上年结转(0)与上年结转下年度(2)不同' },
  ],
  suggestion: null,
  values: { 'apply.new.natural': 8, 'apply.new.total': 9, 'apply.carried.natural': null },
  priorYear: 2022,
  canUndoPrefill: false,
  ...over,
});

function setup(answer: (req: Request) => Response | Promise<Response>, url = 'http://cms.example.gov.cn/admin/edit?id=3') {
  const sent: Request[] = [];
  const api: PopupApi & { opened: string[]; downloads: [string, string][] } = {
    tab: { id: 7, url, title: '编辑文章' },
    send: vi.fn(async (req: Request) => {
      sent.push(req);
      return answer(req);
    }),
    kv: memoryKV(),
    opened: [],
    downloads: [],
    openOptions(route) {
      this.opened.push(route);
    },
    download(name, text) {
      this.downloads.push([name, text]);
    },
  };
  render(<Popup api={api} />);
  return { api, sent };
}

describe('popup: why nothing is shown', () => {
  it('browser pages cannot be checked', async () => {
    setup(() => ({ ok: true, state: state() }), 'chrome://extensions/');
    expect(await screen.findByText('这是浏览器自身的页面，扩展无法在其中运行')).toBeTruthy();
  });

  it('the web store cannot be checked', async () => {
    setup(() => ({ ok: true, state: state() }), 'https://chromewebstore.google.com/detail/x');
    expect(await screen.findByText(/扩展商店页面/)).toBeTruthy();
  });

  it('no content script answering: asks to reload', async () => {
    setup(() => Promise.reject(new Error('Could not establish connection')));
    expect(await screen.findByText(/请刷新页面后再试/)).toBeTruthy();
  });

  it('no table recognised: says so and what it looks for', async () => {
    setup(() => ({ ok: true, state: state({ tables: [], findings: [], values: null }) }));
    expect(await screen.findByText('此页面没有发现年报统计表。')).toBeTruthy();
    expect(screen.getByText(/收到和处理政府信息公开申请情况/)).toBeTruthy();
  });

  it('site switched off: says so and can switch back on (the page stores the switch)', async () => {
    const { api, sent } = setup((req) => (req.type === 'state' ? { ok: true, state: state({ siteEnabled: false, tables: [] }) } : { ok: true }));
    await api.kv.set({ 'siteDisabled:cms.example.gov.cn': true });
    fireEvent.click(await screen.findByText('在此网站启用'));
    await waitFor(() => expect(sent).toContainEqual({ type: 'site-enabled', enabled: true }));
    expect(await api.kv.get('siteDisabled:cms.example.gov.cn')).toEqual({ 'siteDisabled:cms.example.gov.cn': true });
  });

  it('site switched off on a page with no content script: the popup stores the switch itself', async () => {
    const { api } = setup(() => Promise.reject(new Error('Could not establish connection')));
    await api.kv.set({ 'siteDisabled:cms.example.gov.cn': true });
    fireEvent.click(await screen.findByText('在此网站启用'));
    await waitFor(async () => expect(await api.kv.get('siteDisabled:cms.example.gov.cn')).toEqual({}));
  });
});

describe('popup: a report found', () => {
  it('shows format, year, body, counts and problems by cell in the form\'s words; choosing one reveals it', async () => {
    const { sent } = setup(() => ({ ok: true, state: state() }));
    expect(await screen.findByText(/2021年版.*2023 年度.*某区统计局/)).toBeTruthy();
    expect(document.querySelector('[data-count="error"]')!.textContent).toBe('2');
    expect(document.querySelector('[data-count="warning"]')!.textContent).toBe('1');
    const problems = [...document.querySelectorAll('button.problem')].map((b) => b.textContent);
    expect(problems).toEqual(['表三·一、本年新收政府信息公开申请数量·总计', '表三·二、上年结转政府信息公开申请数量·自然人']);
    fireEvent.click(screen.getByText('表三·二、上年结转政府信息公开申请数量·自然人'));
    await waitFor(() => expect(sent).toContainEqual({ type: 'reveal', cell: 'apply.carried.natural' }));
  });

  it('switching the site off is a command to the page, which stores it', async () => {
    const { api, sent } = setup((req) => (req.type === 'state' ? { ok: true, state: state() } : { ok: true }));
    fireEvent.click(await screen.findByText('在此网站停用'));
    await waitFor(() => expect(sent).toContainEqual({ type: 'site-enabled', enabled: false }));
    expect(await api.kv.get('siteDisabled:cms.example.gov.cn')).toEqual({});
  });

  it('保存本年数据 saves under body+year and asks before replacing', async () => {
    const { api } = setup(() => ({ ok: true, state: state() }));
    fireEvent.click(await screen.findByText('保存本年数据'));
    fireEvent.click(screen.getByText('确认保存'));
    expect(await screen.findByText('已保存「某区统计局」2023 年数据（3 格）')).toBeTruthy();
    const key = reportKey('cms.example.gov.cn', '某区统计局', 2023);
    expect((await api.kv.get(key))[key]).toMatchObject({ year: 2023, values: { 'apply.new.total': 9 } });
    fireEvent.click(screen.getByText('保存本年数据'));
    fireEvent.click(screen.getByText('确认保存'));
    expect(await screen.findByText('替换已保存的数据')).toBeTruthy();
  });

  it('从上年数据预填 lists the plan, applies it, and 撤销预填 undoes', async () => {
    let undoable = false;
    const { sent } = setup((req) => {
      if (req.type === 'state') return { ok: true, state: state({ canUndoPrefill: undoable }) };
      if (req.type === 'prefill-plan') return { ok: true, plan: [{ cell: 'apply.carried.natural', value: 2 }, { cell: 'apply.carried.total', value: 2 }] };
      if (req.type === 'prefill-apply') {
        undoable = true;
        return { ok: true, written: req.items.map((i) => i.cell) };
      }
      if (req.type === 'prefill-undo') {
        undoable = false;
        return { ok: true };
      }
      return { ok: true };
    });
    fireEvent.click(await screen.findByText('从上年数据预填'));
    expect(await screen.findByText('将从上年数据填入以下 2 个空白单元格：')).toBeTruthy();
    expect(document.querySelector('[data-cell="apply.carried.total"]')!.textContent).toBe('表三·二、上年结转政府信息公开申请数量·总计 ← 2');
    fireEvent.click(screen.getByText('确认预填'));
    expect(await screen.findByText(/已预填 2 个单元格/)).toBeTruthy();
    expect(sent).toContainEqual({ type: 'prefill-apply', items: [{ cell: 'apply.carried.natural', value: 2 }, { cell: 'apply.carried.total', value: 2 }] });
    fireEvent.click(await screen.findByText('撤销预填'));
    expect(await screen.findByText('已撤销预填，表格恢复原样')).toBeTruthy();
  });

  it('从上年数据预填 without last year says what to do', async () => {
    const message = '没有找到「某区统计局」 2022 年的数据：请先「导入上年报告…」';
    setup((req) => (req.type === 'state' ? { ok: true, state: state() } : { ok: false, message }));
    fireEvent.click(await screen.findByText('从上年数据预填'));
    expect(await screen.findByText(message)).toBeTruthy();
  });

  it('a page that does not say its year: the year the user types goes with the request, the page plans', async () => {
    const { sent } = setup((req) =>
      req.type === 'state'
        ? { ok: true, state: state({ tables: [{ format: 'gov2021', year: null, body: null, where: '输入表格', cellCount: 204 }] }) }
        : req.type === 'prefill-plan'
          ? req.year === 2023 && req.body === '某区统计局'
            ? { ok: true, plan: [{ cell: 'apply.carried.commercial', value: 1 }, { cell: 'apply.carried.total', value: 3 }] }
            : { ok: false, message: '本页没有写明报告年度：请在上方填写本报告的年度后再点「从上年数据预填」' }
          : { ok: true, written: [] },
    );
    fireEvent.click(await screen.findByText('从上年数据预填'));
    expect(await screen.findByText(/请在上方填写本报告的年度/)).toBeTruthy();
    fireEvent.input(screen.getByLabelText('本报告年度'), { target: { value: '2023' } });
    fireEvent.input(screen.getByLabelText('单位名称'), { target: { value: '某区统计局' } });
    fireEvent.click(screen.getByText('从上年数据预填'));
    expect(await screen.findByText('将从上年数据填入以下 2 个空白单元格：')).toBeTruthy();
    expect(sent).toContainEqual({ type: 'prefill-plan', year: 2023, body: '某区统计局' });
    fireEvent.click(screen.getByText('确认预填'));
    await waitFor(() => expect(sent).toContainEqual({ type: 'prefill-apply', items: [{ cell: 'apply.carried.commercial', value: 1 }, { cell: 'apply.carried.total', value: 3 }] }));
  });

  it('改为 N names the cell the page suggests (the badge\'s), never one the popup works out itself', async () => {
    // Values that, located afresh without the page's recent edits and last year, point at another cell.
    const values: Record<string, number | null> = Object.fromEntries(FORMATS.gov2021.cells.map((c) => [c.id, 0]));
    for (const row of ['new', 'granted', 'total']) values[`apply.${row}.natural`] = values[`apply.${row}.total`] = 5;
    values['apply.granted.natural'] = 50;
    const suggestion = { message: '最可能是 表三·（一）予以公开·总计 输错：应为 50，当前 5', fixes: [{ cell: 'apply.granted.total', value: 50, current: 5 }] };
    const { sent } = setup((req) =>
      req.type === 'state'
        ? { ok: true, state: state({ values, suggestion, findings: [{ rule: 'T3-ROWSUM', severity: 'error', cells: ['apply.granted.total'], message: '表三 （一）予以公开 行不平衡', target: 'apply.granted.total', expected: 50 }] }) }
        : { ok: true, written: ['apply.granted.total'] },
    );
    const box = await screen.findByLabelText('最可能的输错');
    expect(box.textContent).toContain(suggestion.message);
    expect([...box.querySelectorAll('button')].map((b) => [b.getAttribute('data-cell'), b.textContent])).toEqual([['apply.granted.total', '改为 50']]);
    fireEvent.click(screen.getByText('改为 50'));
    await waitFor(() => expect(sent).toContainEqual({ type: 'apply-fix', cell: 'apply.granted.total', value: 50 }));
  });

  it('导入上年报告… opens the import page for this body and year', async () => {
    const { api } = setup(() => ({ ok: true, state: state() }));
    fireEvent.click(await screen.findByText('导入上年报告…'));
    expect(api.opened).toEqual(['#import?site=cms.example.gov.cn&body=%E6%9F%90%E5%8C%BA%E7%BB%9F%E8%AE%A1%E5%B1%80&year=2023']);
  });

  it('导出 writes this page\'s values as JSON that imports back', async () => {
    const { api } = setup(() => ({ ok: true, state: state() }));
    fireEvent.click(await screen.findByText('导出'));
    fireEvent.click(screen.getByText('导出 JSON'));
    const [name, text] = api.downloads[0]!;
    expect(name).toBe('某区统计局-2023年报数据.json');
    const kv = memoryKV();
    const { parseJson } = await import('@/lib/store');
    await saveReport(kv, parseJson(text).reports[0]!);
    expect((await getPrior(kv, 'cms.example.gov.cn', '某区统计局', 2024))?.values).toEqual(state().values);
  });
});
