import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Options } from '@/components/options/Options';
import type { OptionsApi } from '@/components/options/api';
import { getPrior, listReports, memoryKV, reportKey, saveReport, toJson, type KV, type NewReport, type SavedReport } from '@/lib/store';

afterEach(cleanup);
beforeEach(() => {
  location.hash = '';
});

const SITE = 'cms.example.gov.cn';
const BODY = '某区统计局';
const full: NewReport = {
  site: SITE, body: BODY, year: 2022, format: 'gov2021', source: 'page', savedAt: '2023-01-10T02:00:00.000Z',
  values: {
    'apply.new.natural': 5, 'apply.new.commercial': 0, 'apply.new.research': 0, 'apply.new.nonprofit': 0, 'apply.new.legal': 0,
    'apply.new.otherOrg': 0, 'apply.new.total': 5, 'apply.carryForward.natural': 2, 'apply.carryForward.total': 2,
  },
};
const exportOf = (r: Partial<SavedReport>) => toJson([{ ...full, version: 2, savedAt: '2024-01-01T00:00:00.000Z', ...r } as SavedReport]);

function makeApi(kv: KV = memoryKV()) {
  const api: OptionsApi = {
    kv,
    requestHost: async () => true,
    fetch: (async () => { throw new TypeError('Failed to fetch'); }) as typeof fetch,
    download: () => undefined,
  };
  return api;
}

async function pickFile(name: string, text: string) {
  const input = (await screen.findByLabelText(/选择文件/)) as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [new File([text], name)], configurable: true });
  fireEvent.change(input);
}

const dump = (kv: ReturnType<typeof memoryKV>) => JSON.stringify([...kv.data].sort());

describe('options: replacing a saved year', () => {
  it('shows the diff; blanking many filled cells needs a second confirmation; 撤销 restores the previous version exactly', async () => {
    location.hash = `#import?site=${SITE}&body=${encodeURIComponent(BODY)}&year=2023`;
    const kv = memoryKV();
    const api = makeApi(kv);
    await saveReport(kv, full);
    const before = dump(kv);
    render(<Options api={api} />);
    await pickFile('part.json', exportOf({ values: { 'apply.new.natural': 6, 'apply.new.total': 5 } }));
    expect(await screen.findByText(/替换后：1 个单元格的数值改变，7 个已填的单元格将变为空白。/)).toBeTruthy();
    expect([...document.querySelectorAll('.diff-blanked li')].map((li) => li.getAttribute('data-cell'))).toContain('apply.carryForward.total');
    fireEvent.click(screen.getByText('替换已保存的 2022 年数据'));
    expect((await screen.findByRole('alert')).textContent).toMatch(/7 个已填的单元格变为空白/);
    expect(dump(kv)).toBe(before);
    fireEvent.click(screen.getByText('确认替换（7 个已填单元格将变为空白）'));
    expect(await screen.findByText(/已用导入的数据替换「某区统计局」2022 年的数据/)).toBeTruthy();
    expect((await getPrior(kv, SITE, BODY, 2023))?.values).toEqual({ 'apply.new.natural': 6, 'apply.new.total': 5 });
    fireEvent.click(screen.getByText('撤销'));
    expect(await screen.findByText(/已撤销替换，「某区统计局」2022 年的数据已恢复为替换前的版本/)).toBeTruthy();
    expect(dump(kv)).toBe(before);
  });

  it('a replace that blanks no more than a few cells asks once', async () => {
    location.hash = `#import?site=${SITE}&body=${encodeURIComponent(BODY)}&year=2023`;
    const kv = memoryKV();
    await saveReport(kv, full);
    render(<Options api={makeApi(kv)} />);
    await pickFile('x.json', exportOf({ values: { ...full.values, 'apply.new.natural': 4, 'apply.new.total': 4 } }));
    expect(await screen.findByText(/替换后：2 个单元格的数值改变。/)).toBeTruthy();
    fireEvent.click(screen.getByText('替换已保存的 2022 年数据'));
    expect(await screen.findByText(/已用导入的数据替换/)).toBeTruthy();
  });

  it('a full storage says what was not saved and what to do, and keeps the saved year', async () => {
    location.hash = `#import?site=${SITE}&body=${encodeURIComponent(BODY)}&year=2023`;
    const mem = memoryKV();
    await saveReport(mem, full);
    const kv: KV = { ...mem, set: async () => { throw new Error('QUOTA_BYTES quota exceeded'); } };
    render(<Options api={makeApi(kv)} />);
    await pickFile('x.json', exportOf({ values: { ...full.values, 'apply.new.natural': 4 } }));
    fireEvent.click(await screen.findByText('替换已保存的 2022 年数据'));
    expect((await screen.findByRole('alert')).textContent).toMatch(/存储空间已满.*「某区统计局」2022 年的数据没有保存.*导出全部.*删除不再需要的旧年度数据/);
    expect((await getPrior(mem, SITE, BODY, 2023))?.values).toEqual(full.values);
  });
});

describe('options: a file that names no office', () => {
  it('asks for it: the field stays empty, the clerk\'s own body is only offered as a suggestion', async () => {
    location.hash = `#import?site=${SITE}&body=${encodeURIComponent(BODY)}&year=2023`;
    const kv = memoryKV();
    render(<Options api={makeApi(kv)} />);
    const cli = JSON.stringify({ reports: [{ source: 'r.html', year: 2022, format: 'gov2021', values: full.values }] });
    await pickFile('check.json', cli);
    const field = (await screen.findByLabelText('单位名称')) as HTMLInputElement;
    expect(field.value).toBe('');
    expect(screen.getByRole('alert').textContent).toMatch(/请填写这份报告的单位名称/);
    expect((screen.getByText('保存为上年数据') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByText(`是本单位：${BODY}`));
    await waitFor(() => expect(field.value).toBe(BODY));
    fireEvent.click(screen.getByText('保存为上年数据'));
    expect(await screen.findByText(`已保存「${BODY}」2022 年的数据。`)).toBeTruthy();
    expect((await listReports(kv)).reports[0]!.report.site).toBe(SITE);
  });
});

describe('options: history of a saved year', () => {
  it('lists earlier versions, shows one, restores it exactly, and the restore can be undone', async () => {
    const kv = memoryKV();
    await saveReport(kv, full);
    await saveReport(kv, { ...full, values: { 'apply.new.total': 99 }, savedAt: '2023-02-01T00:00:00.000Z' });
    const key = reportKey(SITE, BODY, 2022);
    const current = dump(kv);
    render(<Options api={makeApi(kv)} />);
    fireEvent.click(await screen.findByText('历史版本'));
    const item = await screen.findByText(/保存于 2023-01-10 02:00/);
    expect(item.textContent).toMatch(/9 格/);
    fireEvent.click(screen.getByText('查看此版本'));
    expect(document.querySelector('.history [data-cell="apply.new.natural"]')!.textContent).toBe('5');
    fireEvent.click(screen.getByText('恢复此版本'));
    expect(await screen.findByText(/已恢复「某区统计局」2022 年保存于 2023-01-10 02:00 的版本/)).toBeTruthy();
    expect(kv.data.get(key)).toEqual({ ...full, version: 2 });
    await waitFor(() => expect(screen.getByText(/保存于 2023-02-01 00:00/)).toBeTruthy());
    fireEvent.click(screen.getByText('撤销'));
    expect(await screen.findByText(/已撤销/)).toBeTruthy();
    expect(dump(kv)).toBe(current);
  });

  it('a deleted year can be brought back with 撤销', async () => {
    const kv = memoryKV();
    await saveReport(kv, full);
    const before = dump(kv);
    render(<Options api={makeApi(kv)} />);
    fireEvent.click(await screen.findByText('删除'));
    fireEvent.click(screen.getByText('确认删除'));
    expect(await screen.findByText('已删除「某区统计局」2022 年数据')).toBeTruthy();
    fireEvent.click(screen.getByText('撤销'));
    await screen.findByText(/已撤销/);
    expect(dump(kv)).toBe(before);
  });
});

describe('options: storage that fails', () => {
  it('lists what it can read when a corrupt record cannot be set aside (storage full), never stuck on 正在读取', async () => {
    const mem = memoryKV();
    await saveReport(mem, full);
    await mem.set({ [reportKey(SITE, BODY, 2021)]: { version: 2, values: 'oops' } });
    const kv: KV = { ...mem, set: async () => { throw new Error('QUOTA_BYTES quota exceeded'); } };
    render(<Options api={makeApi(kv)} />);
    expect((await screen.findAllByText(/存储空间已满.*原记录仍在原处/)).length).toBe(2); // the notice and the quarantine list
    expect(screen.queryByText('正在读取…')).toBeNull();
    expect([...document.querySelectorAll('table.list tbody tr td:first-child')].map((td) => td.textContent)).toEqual(['2022']);
    expect(screen.getByText(/已损坏、已另行保存的数据（1 条）/)).toBeTruthy();
  });

  it('a store that cannot be read at all says so instead of hanging', async () => {
    const kv: KV = { get: async () => { throw new Error('IO error'); }, set: async () => {}, remove: async () => {} };
    render(<Options api={makeApi(kv)} />);
    expect(await screen.findByText(/无法读取浏览器存储/)).toBeTruthy();
    expect(screen.getByText(/还没有保存任何年报数据/)).toBeTruthy();
  });

  it('a record under a key its contents do not name is listed in quarantine with its reason, the other record untouched', async () => {
    const kv = memoryKV();
    await saveReport(kv, full);
    await kv.set({ [reportKey(SITE, BODY, 2019)]: { ...full, version: 2, values: { 'apply.new.total': 1 } } });
    render(<Options api={makeApi(kv)} />);
    const box = await screen.findByLabelText('已损坏的数据');
    expect(box.textContent).toMatch(/存放位置与内容不符：内容是「某区统计局」2022 年/);
    expect(kv.data.get(reportKey(SITE, BODY, 2022))).toEqual({ ...full, version: 2 });
    fireEvent.click(screen.getByText('恢复为正式数据'));
    expect(await screen.findByText(/已恢复「某区统计局」2022 年的数据（原有的数据已留在历史版本中）/)).toBeTruthy();
    expect(kv.data.get(reportKey(SITE, BODY, 2022))).toMatchObject({ values: { 'apply.new.total': 1 } });
  });
});

describe('options: years saved without a site', () => {
  it('show the sites they are used on, and the clerk can withdraw one', async () => {
    const { linkToSite } = await import('@/lib/store');
    const kv = memoryKV();
    const saved = await saveReport(kv, { ...full, site: '' });
    if (!saved.ok) throw new Error(saved.message);
    await linkToSite(kv, SITE, saved.value.key);
    render(<Options api={makeApi(kv)} />);
    expect(await screen.findByText(/已在以下网站使用/)).toBeTruthy();
    expect((await getPrior(kv, SITE, BODY, 2023))?.year).toBe(2022);
    fireEvent.click(screen.getByText('取消在此网站使用'));
    expect(await screen.findByText(/未在任何网站使用/)).toBeTruthy();
    expect(await getPrior(kv, SITE, BODY, 2023)).toBeNull();
  });
});
