import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Popup } from '@/components/popup/Popup';
import type { PopupApi } from '@/components/popup/api';
import type { PageState, Request, Response } from '@/lib/messages';
import { FORMATS } from '@/lib/formats';
import { getPrior, linkKey, memoryKV, reportKey, saveReport, type KV } from '@/lib/store';
import { sheetHandoffKey } from '@/lib/sheet/source';
import { plainChineseProblems, describeProblems } from '../helpers/plain-chinese.mjs';

afterEach(cleanup);

const state = (over: Partial<PageState> = {}): PageState => ({
  siteEnabled: true,
  site: 'cms.example.gov.cn',
  tables: [{ format: 'gov2021', year: 2023, body: '某区统计局', where: '网页编辑器中', cellCount: 204 }],
  findings: [
    { rule: 'T3-ROWSUM', severity: 'error', cells: ['apply.new.total', 'apply.new.natural'], message: '表三 一、本年新收：各列之和(8)与总计(9)相差1', target: 'apply.new.total', expected: 8, actual: 9 },
    { rule: 'T3-BAL', severity: 'error', cells: ['apply.new.total'], message: '表三 总计列：8+0≠7+0', target: 'apply.new.total' },
    { rule: 'X-CARRY', severity: 'warning', cells: ['apply.carried.natural'], message: '上年结转(0)与上年结转下年度(2)不同' },
  ],
  suggestion: null,
  values: { 'apply.new.natural': 8, 'apply.new.total': 9, 'apply.carried.natural': null },
  priorYear: 2022,
  canUndoPrefill: false,
  confirmations: [],
  ...over,
});

function setup(answer: (req: Request) => Response | Promise<Response>, url = 'http://cms.example.gov.cn/admin/edit?id=3', kv: KV = memoryKV()) {
  const sent: Request[] = [];
  const api: PopupApi & { opened: string[]; pages: string[]; downloads: [string, string][] } = {
    tab: { id: 7, url, title: '编辑文章' },
    send: vi.fn(async (req: Request) => {
      sent.push(req);
      return answer(req);
    }),
    kv,
    session: memoryKV(),
    opened: [],
    pages: [],
    downloads: [],
    openOptions(route) {
      this.opened.push(route);
    },
    download(name, text) {
      this.downloads.push([name, text]);
    },
    openPage(path) {
      this.pages.push(path);
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

  it('switching the site off is a command to the page, which stores it; it sits in the secondary menu and says it acts at once', async () => {
    const { api, sent } = setup((req) => (req.type === 'state' ? { ok: true, state: state() } : { ok: true }));
    const menu = (await screen.findByText('更多操作')).closest('details')!;
    expect(menu.open).toBe(false);
    expect(menu.textContent).toContain('在此网站停用');
    expect(menu.textContent).toContain('导出');
    expect(document.querySelector('.main-actions')!.textContent).not.toMatch(/停用|导出/);
    expect(menu.textContent).toMatch(/停用立即生效/);
    fireEvent.click(screen.getByText('在此网站停用'));
    await waitFor(() => expect(sent).toContainEqual({ type: 'site-enabled', enabled: false }));
    expect(await screen.findByText(/已在 cms\.example\.gov\.cn 停用年报助手：此页面上的提示已移除/)).toBeTruthy();
    expect(document.body.textContent).not.toContain('刷新页面后不再检查');
    expect(await api.kv.get('siteDisabled:cms.example.gov.cn')).toEqual({});
  });

  it('保存本年数据 with no 强制性 problem saves without asking, under body+year, and offers 撤销', async () => {
    const clean = state({ findings: [state().findings[2]!] });
    const { api } = setup(() => ({ ok: true, state: clean }));
    fireEvent.click(await screen.findByText('保存本年数据'));
    fireEvent.click(screen.getByText('确认保存'));
    expect(await screen.findByText(/已保存「某区统计局」2023 年数据（2 个已填单元格）/)).toBeTruthy();
    expect(screen.queryByLabelText('保存前确认')).toBeNull();
    const key = reportKey('cms.example.gov.cn', '某区统计局', 2023);
    expect((await api.kv.get(key))[key]).toMatchObject({ year: 2023, values: { 'apply.new.total': 9 } });
    fireEvent.click(screen.getByText('撤销'));
    expect(await screen.findByText(/已撤销/)).toBeTruthy();
    expect(await api.kv.get(key)).toEqual({});
  });

  it('保存本年数据 with 强制性 problems asks first, listing them and what carrying them into next year means; 先不保存 saves nothing', async () => {
    const kv = memoryKV();
    setup(() => ({ ok: true, state: state() }), undefined, kv);
    fireEvent.click(await screen.findByText('保存本年数据'));
    fireEvent.click(screen.getByText('确认保存'));
    const ask = await screen.findByLabelText('保存前确认');
    expect(ask.textContent).toContain('本表还有 2 个强制性问题');
    expect(ask.textContent).toContain('表三 一、本年新收：各列之和(8)与总计(9)相差1');
    expect(ask.textContent).toContain('表三 总计列：8+0≠7+0');
    expect(ask.textContent).not.toContain('上年结转(0)与上年结转下年度(2)不同');
    expect(ask.textContent).toMatch(/带进 2024 年的年报/);
    fireEvent.click(screen.getByText('先不保存，回去改正'));
    expect(screen.queryByLabelText('保存前确认')).toBeNull();
    expect(kv.data.size).toBe(0);
    fireEvent.click(screen.getByText('保存本年数据'));
    fireEvent.click(screen.getByText('确认保存'));
    fireEvent.click(await screen.findByText('仍然保存'));
    expect(await screen.findByText(/已保存「某区统计局」2023 年数据/)).toBeTruthy();
    expect(kv.data.has(reportKey('cms.example.gov.cn', '某区统计局', 2023))).toBe(true);
  });

  it('saving over a saved year shows the store\'s diff, asks twice when it blanks filled cells, and 撤销 restores the previous version exactly', async () => {
    const kv = memoryKV() as KV & { data: Map<string, unknown> };
    const before: Record<string, number | null> = { 'apply.new.natural': 8, 'apply.new.total': 8, 'apply.new.commercial': 1, 'apply.new.research': 2, 'apply.new.nonprofit': 3, 'apply.new.legal': 4, 'apply.new.otherOrg': 5 };
    await saveReport(kv, { site: 'cms.example.gov.cn', body: '某区统计局', year: 2023, format: 'gov2021', values: before, source: 'page' });
    const key = reportKey('cms.example.gov.cn', '某区统计局', 2023);
    const stored = structuredClone(kv.data.get(key));
    setup(() => ({ ok: true, state: state({ findings: [] }) }), undefined, kv);
    fireEvent.click(await screen.findByText('保存本年数据'));
    fireEvent.click(screen.getByText('确认保存'));
    const panel = await screen.findByLabelText('替换已保存的数据');
    expect(panel.textContent).toContain('替换后：1 个单元格的数值改变，5 个已填的单元格将变为空白。');
    expect(panel.textContent).toContain('表三·一、本年新收政府信息公开申请数量·总计：8 → 9');
    expect(panel.textContent).toContain('表三·一、本年新收政府信息公开申请数量·商业企业：1 → 空白');
    expect(panel.textContent).not.toMatch(/apply\./);
    fireEvent.click(screen.getByText('替换已保存的数据'));
    expect((await screen.findByText(/注意：替换会让.*5 个已填的单元格变为空白/)).textContent).toBeTruthy();
    expect((kv.data.get(key) as { values: unknown }).values).toEqual(before);
    fireEvent.click(screen.getByText('确认替换'));
    expect(await screen.findByText(/已替换「某区统计局」2023 年数据/)).toBeTruthy();
    expect((kv.data.get(key) as { values: unknown }).values).toEqual(state().values);
    fireEvent.click(screen.getByText('撤销'));
    expect(await screen.findByText(/已撤销/)).toBeTruthy();
    expect(kv.data.get(key)).toEqual(stored);
  });

  it('a full storage gives the store\'s plain message and changes nothing', async () => {
    const kv = memoryKV() as KV & { data: Map<string, unknown> };
    kv.set = async () => {
      throw new Error('QUOTA_BYTES quota exceeded');
    };
    setup(() => ({ ok: true, state: state({ findings: [] }) }), undefined, kv);
    fireEvent.click(await screen.findByText('保存本年数据'));
    fireEvent.click(screen.getByText('确认保存'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/存储空间已满，「某区统计局」2023 年的数据没有保存/);
    expect(kv.data.size).toBe(0);
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
        ? { ok: true, state: state({ tables: [{ format: 'gov2021', year: null, body: null, where: '输入表格中', cellCount: 204 }] }) }
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

  it('导出 (in the secondary menu) writes this page\'s values as JSON that imports back', async () => {
    const { api } = setup(() => ({ ok: true, state: state() }));
    fireEvent.click(await screen.findByText('导出本年数据文件（JSON，供再次导入）'));
    const [name, text] = api.downloads[0]!;
    expect(name).toBe('某区统计局-2023年报数据（机器读取用，供导入）.json');
    const kv = memoryKV();
    const { parseJson } = await import('@/lib/store');
    await saveReport(kv, parseJson(text).reports[0]!);
    expect((await getPrior(kv, 'cms.example.gov.cn', '某区统计局', 2024))?.values).toEqual(state().values);
  });

  it('the counts equal what is listed: one entry per distinct problem, hints counted apart', async () => {
    const f = state().findings;
    const hint = { rule: 'X-BLANK', severity: 'info' as const, cells: ['apply.carried.total'], message: '表三·二、上年结转·总计未填写，本格应为2', target: 'apply.carried.total' };
    const warn = (m: string) => ({ rule: 'X-CARRY', severity: 'warning' as const, cells: ['apply.carried.natural'], message: m });
    setup(() => ({ ok: true, state: state({ findings: [...f, f[2]!, warn('上年结转(0)与上年数据不同'), hint, hint] }) }));
    await screen.findByText('更多操作');
    const listed = (sev: string) => document.querySelectorAll(`.problems li[data-severity="${sev}"]`).length;
    expect(document.querySelector('[data-count="error"]')!.textContent).toBe(String(listed('error')));
    expect(document.querySelector('[data-count="warning"]')!.textContent).toBe(String(listed('warning')));
    expect(document.querySelector('[data-count="info"]')!.textContent).toBe(String(listed('info')));
    expect([listed('error'), listed('warning'), listed('info')]).toEqual([2, 2, 1]);
  });

  it('已核实: a warning asks for a note and sends it; a confirmed one is listed apart, not counted, and can be taken back', async () => {
    const f = state().findings;
    const confirmedOne = { rule: 'X-STOCK', severity: 'warning' as const, cells: ['active.normative.inForce'], message: '表二 行政规范性文件：现行有效件数(28)应为…=27，相差1', confirmed: '本年另有 1 件重新发布' };
    const { sent } = setup((req) => (req.type === 'state' ? { ok: true, state: state({ findings: [...f, confirmedOne] }) } : { ok: true }));
    await screen.findByText('更多操作');
    expect(document.querySelector('[data-count="warning"]')!.textContent).toBe('1');
    expect(document.querySelector('[data-count="confirmed"]')!.textContent).toBe('1');
    expect(document.querySelector('.confirmed')!.textContent).toContain('核实说明：本年另有 1 件重新发布');
    // Only the 核实性 problem offers 已核实 (强制性 ones never do).
    const opens = screen.getAllByText('已核实…');
    expect(opens).toHaveLength(1);
    fireEvent.click(opens[0]!);
    fireEvent.click(screen.getByText('确定'));
    expect(await screen.findByText('请先写一句核实说明。')).toBeTruthy();
    expect(sent.some((r) => r.type === 'confirm')).toBe(false);
    fireEvent.input(screen.getByPlaceholderText(/例如/), { target: { value: '上年结转为上年受理本年办结' } });
    fireEvent.click(screen.getByText('确定'));
    await waitFor(() => expect(sent).toContainEqual({ type: 'confirm', rule: 'X-CARRY', cells: ['apply.carried.natural'], note: '上年结转为上年受理本年办结' }));
    fireEvent.click(screen.getByText('撤销核实'));
    await waitFor(() => expect(sent).toContainEqual({ type: 'unconfirm', rule: 'X-STOCK', cells: ['active.normative.inForce'] }));
  });

  it('an empty pre-fill plan never says the carried cells are filled while one is blank', async () => {
    setup((req) => (req.type === 'state' ? { ok: true, state: state() } : { ok: true, plan: [] }));
    fireEvent.click(await screen.findByText('从上年数据预填'));
    const note = await screen.findByRole('status');
    expect(note.textContent).not.toMatch(/都已填写/);
    expect(note.textContent).toContain('表三·二、上年结转政府信息公开申请数量·自然人');
  });

  it('a site-less saved year is offered on this site only after the clerk links it; nothing of other sites is offered', async () => {
    const kv = memoryKV();
    const values = { 'apply.carryForward.natural': 2 };
    await saveReport(kv, { site: '', body: '某区统计局', year: 2022, format: 'gov2021', values, source: 'import' });
    await saveReport(kv, { site: 'other.example.cn', body: '某区统计局', year: 2022, format: 'gov2021', values, source: 'page' });
    setup(() => ({ ok: true, state: state({ priorYear: null }) }), undefined, kv);
    const prompt = await screen.findByLabelText('使用上年数据');
    expect(prompt.textContent).toContain('在此网站使用「某区统计局」2022 年数据？');
    expect(prompt.querySelectorAll('button.primary')).toHaveLength(1);
    fireEvent.click(screen.getByText('使用'));
    await waitFor(async () => expect((await kv.get(linkKey('cms.example.gov.cn')))[linkKey('cms.example.gov.cn')]).toEqual([reportKey('', '某区统计局', 2022)]));
    expect(await getPrior(kv, 'cms.example.gov.cn', '某区统计局', 2023)).not.toBeNull();
    expect(screen.queryByLabelText('使用上年数据')).toBeNull();
  });

  it('a year already loaded for this site asks nothing', async () => {
    const kv = memoryKV();
    await saveReport(kv, { site: '', body: '某区统计局', year: 2022, format: 'gov2021', values: {}, source: 'import' });
    setup(() => ({ ok: true, state: state() }), undefined, kv);
    await screen.findByText('更多操作');
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByLabelText('使用上年数据')).toBeNull();
  });

  it('打印审核单 hands the page\'s figures to the sheet by the documented handoff; 说明 opens the help page', async () => {
    const { api } = setup(() => ({ ok: true, state: state() }));
    fireEvent.click(await screen.findByText('打印审核单'));
    await waitFor(() => expect(api.pages).toHaveLength(1));
    const id = new URLSearchParams(api.pages[0]!.split('?')[1]).get('session')!;
    expect(api.pages[0]).toBe(`sheet.html?session=${id}`);
    const k = sheetHandoffKey(id);
    expect((await api.session!.get(k))[k]).toMatchObject({ input: { format: 'gov2021', year: 2023, body: '某区统计局', values: state().values } });
    fireEvent.click(screen.getByText('说明'));
    expect(api.pages[1]).toBe('help.html');
  });

  it('speaks plain Chinese: no Latin words, ids or format ids on screen', async () => {
    setup(() => ({ ok: true, state: state({ site: '127.0.0.1' }) }), 'http://127.0.0.1/edit');
    await screen.findByText('更多操作');
    const problems = plainChineseProblems(document.body);
    expect(problems, describeProblems(problems)).toEqual([]);
    expect(document.body.textContent).not.toMatch(/gov2021|iframe/);
  });
});
