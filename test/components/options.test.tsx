import { readFileSync } from 'node:fs';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Options } from '@/components/options/Options';
import { itReal, sharedPath } from '../real-reports';
import type { OptionsApi } from '@/components/options/api';
import { getPrior, listReports, memoryKV, parseCsv, parseJson, reportKey, saveReport, toJson, type NewReport } from '@/lib/store';

afterEach(cleanup);
beforeEach(() => {
  location.hash = '';
});

const r2022: NewReport = {
  site: 'cms.example.gov.cn', body: '某区统计局', year: 2022, format: 'gov2021',
  values: { 'apply.new.natural': 5, 'apply.new.total': 5, 'apply.carryForward.total': 2, 'active.regulation.inForce': 3 },
  source: 'https://www.example.gov.cn/2022.html',
};

function makeApi(over: Partial<OptionsApi> = {}) {
  const downloads: [string, string][] = [];
  const hosts: string[] = [];
  const api: OptionsApi = {
    kv: memoryKV(),
    requestHost: async (p) => (hosts.push(p), true),
    fetch: (async () => { throw new TypeError('Failed to fetch'); }) as typeof fetch,
    download: (name, text) => downloads.push([name, text]),
    ...over,
  };
  return { api, downloads, hosts };
}

describe('options: saved reports', () => {
  it('lists reports, sets a corrupt one aside with a message, shows one as the official table', async () => {
    const { api } = makeApi();
    await saveReport(api.kv, r2022);
    await saveReport(api.kv, { ...r2022, year: 2023 });
    await api.kv.set({ [reportKey(r2022.site, r2022.body, 2021)]: { version: 2, body: '某区统计局', year: 2021, values: 'oops' } });
    render(<Options api={api} />);
    expect(await screen.findByText(/已损坏.*原始内容已另行保存/)).toBeTruthy();
    expect(screen.getByText('已损坏、已另行保存的数据（1 条）')).toBeTruthy();
    const years = [...document.querySelectorAll('table.list tbody tr td:first-child')].map((td) => td.textContent);
    expect(years).toEqual(['2023', '2022']);
    fireEvent.click(screen.getAllByText('查看')[1]!);
    const table = await screen.findByLabelText('某区统计局 2022 年统计表');
    expect(table.textContent).toContain('三、收到和处理政府信息公开申请情况');
    expect(table.querySelector('[data-cell="apply.new.natural"]')!.textContent).toBe('5');
    expect(table.querySelector('[data-cell="active.regulation.inForce"]')!.textContent).toContain('3');
    expect(table.querySelector('[data-cell="apply.carried.natural"]')!.textContent).toBe('');
  });

  it('deletes only after confirmation', async () => {
    const { api } = makeApi();
    await saveReport(api.kv, r2022);
    render(<Options api={api} />);
    fireEvent.click(await screen.findByText('删除'));
    expect(screen.getByText(/确定删除 2022 年数据/)).toBeTruthy();
    expect((await listReports(api.kv)).reports).toHaveLength(1);
    fireEvent.click(screen.getByText('取消'));
    fireEvent.click(screen.getByText('删除'));
    fireEvent.click(screen.getByText('确认删除'));
    expect(await screen.findByText('已删除「某区统计局」2022 年数据')).toBeTruthy();
    expect((await listReports(api.kv)).reports).toHaveLength(0);
  });

  it('renames a body', async () => {
    const { api } = makeApi();
    await saveReport(api.kv, r2022);
    render(<Options api={api} />);
    fireEvent.click(await screen.findByText('改名'));
    fireEvent.input(screen.getByLabelText('新的单位名称'), { target: { value: '某区统计局（普查中心）' } });
    fireEvent.click(screen.getByText('确定改名'));
    expect(await screen.findByText('已改名为「某区统计局（普查中心）」（1 份报告）')).toBeTruthy();
    expect((await getPrior(api.kv, r2022.site, '某区统计局（普查中心）', 2023))?.values).toEqual(r2022.values);
  });

  it('exports JSON and CSV that read back to the same reports', async () => {
    const { api, downloads } = makeApi();
    await saveReport(api.kv, r2022);
    render(<Options api={api} />);
    fireEvent.click(await screen.findByText(/^导出全部（JSON/));
    fireEvent.click(screen.getByText(/^导出全部（CSV/));
    const [json, csv] = downloads;
    expect(json![0]).toMatch(/^年报助手数据-\d{4}-\d\d-\d\d（机器读取用，供导入）\.json$/);
    expect(csv![0]).toMatch(/^年报助手数据-\d{4}-\d\d-\d\d（表格）\.csv$/);
    expect(parseJson(json![1]).reports[0]).toMatchObject({ ...r2022 });
    expect(parseCsv(csv![1]).reports[0]).toMatchObject({ ...r2022 });
  });
});

async function pickFile(name: string, data: Uint8Array | string) {
  const input = (await screen.findByLabelText(/选择文件/)) as HTMLInputElement;
  const file = new File([data as BlobPart], name);
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

describe('options: importing last year', () => {
  const target = '#import?site=cms.sh.gov.cn&body=%E4%B8%8A%E6%B5%B7%E5%B8%82%E4%BA%BA%E6%B0%91%E6%94%BF%E5%BA%9C%E5%8A%9E%E5%85%AC%E5%8E%85&year=2020';

  itReal('a saved published page: preview, then save as the prior year', async () => {
    location.hash = target;
    const { api } = makeApi();
    render(<Options api={api} />);
    expect(await screen.findByText(/用于：上海市人民政府办公厅 2020 年年报/)).toBeTruthy();
    await pickFile('2019年报.html', readFileSync(sharedPath('corpus/2019-shanghai-office-1.html')));
    expect(await screen.findByText(/读到的报告：2019年上海市人民政府办公厅政府信息公开工作年度报告/)).toBeTruthy();
    expect(Number(document.querySelector('[data-count="read"]')!.textContent)).toBeGreaterThan(50);
    expect(document.querySelector('.refusal')).toBeNull();
    fireEvent.click(screen.getByText('保存为上年数据'));
    expect(await screen.findByText('已保存「上海市人民政府办公厅」2019 年的数据。')).toBeTruthy();
    expect((await getPrior(api.kv, 'cms.sh.gov.cn', '上海市人民政府办公厅', 2020))?.values['apply.carryForward.total']).toBe(72);
  });

  itReal('says so before replacing a year already saved', async () => {
    location.hash = target;
    const { api } = makeApi();
    await saveReport(api.kv, { site: 'cms.sh.gov.cn', body: '上海市人民政府办公厅', year: 2019, format: 'gov2019', values: { 'apply.new.total': 1 }, source: 'old' });
    render(<Options api={api} />);
    await pickFile('2019年报.html', readFileSync(sharedPath('corpus/2019-shanghai-office-1.html')));
    expect(await screen.findByText(/已保存过「上海市人民政府办公厅」2019 年的数据（保存于 .*），保存将替换它/)).toBeTruthy();
    expect(screen.getByText(/替换后：1 个单元格的数值改变，\d+ 个单元格新增数值。/)).toBeTruthy();
    fireEvent.click(screen.getByText('替换已保存的 2019 年数据'));
    expect(await screen.findByText('已用导入的数据替换「上海市人民政府办公厅」2019 年的数据。')).toBeTruthy();
    expect((await getPrior(api.kv, 'cms.sh.gov.cn', '上海市人民政府办公厅', 2020))?.values['apply.new.total']).toBe(859);
  });

  it('a report of another body is refused until the name is corrected', async () => {
    location.hash = '#import?site=cms.example.gov.cn&body=%E6%9F%90%E5%8C%BA%E7%BB%9F%E8%AE%A1%E5%B1%80&year=2023';
    const { api } = makeApi();
    render(<Options api={api} />);
    await pickFile('x.json', toJson([{ ...r2022, body: '某区财政局', version: 2, savedAt: '2023-01-01T00:00:00.000Z' }]));
    expect((await screen.findByRole('alert')).textContent).toMatch(/属于「某区财政局」，不是本单位「某区统计局」/);
    expect((screen.getByText('保存为上年数据') as HTMLButtonElement).disabled).toBe(true);
    expect((await listReports(api.kv)).reports).toHaveLength(0);
    // the same body under another spelling: the user corrects the name, then it can be saved
    fireEvent.input(screen.getByLabelText('单位名称'), { target: { value: '某区统计局' } });
    await waitFor(() => expect(document.querySelector('.refusal')).toBeNull());
    fireEvent.click(screen.getByText('保存为上年数据'));
    expect(await screen.findByText('已保存「某区统计局」2022 年的数据。')).toBeTruthy();
  });

  it('an export with several reports (a new computer): 全部保存 saves them all', async () => {
    location.hash = '#import';
    const { api } = makeApi();
    await saveReport(api.kv, r2022);
    const others = [2020, 2021, 2022].map((year) => ({ ...r2022, year, version: 2 as const, savedAt: '2023-01-01T00:00:00.000Z' }));
    render(<Options api={api} />);
    await pickFile('年报助手数据.json', toJson(others));
    fireEvent.click(await screen.findByText('全部保存（3 份，将替换 1 份已保存的数据）'));
    expect(await screen.findByText('已保存 3 份报告（其中 1 份替换了原有数据）')).toBeTruthy();
    expect((await listReports(api.kv)).reports.map((r) => r.report.year)).toEqual([2022, 2021, 2020]);
  });

  it('a wrong file type gives a message and saves nothing', async () => {
    location.hash = '#import';
    const { api } = makeApi();
    render(<Options api={api} />);
    await pickFile('年报.xlsx', new Uint8Array([0x50, 0x4b, 3, 4]));
    expect((await screen.findByRole('alert')).textContent).toMatch(/Excel 文件无法直接读取.*没有保存任何数据/);
  });

  itReal('an address: asks for that host, then reads; a refused permission or a dead address says why', async () => {
    location.hash = target;
    const html = readFileSync(sharedPath('corpus/2019-shanghai-office-1.html'));
    let granted = false;
    const { api, hosts } = makeApi({
      requestHost: async (p) => (hosts.push(p), granted),
      fetch: (async (url: string) => (url.includes('dead') ? Promise.reject(new TypeError('x')) : new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8' } }))) as typeof fetch,
    });
    render(<Options api={api} />);
    const box = await screen.findByLabelText(/^网址/);
    fireEvent.input(box, { target: { value: 'https://www.shanghai.gov.cn/2019/nb.html' } });
    fireEvent.click(screen.getByText('读取'));
    expect((await screen.findByRole('alert')).textContent).toMatch(/没有获得访问 www\.shanghai\.gov\.cn 的许可/);
    expect(hosts).toEqual(['https://www.shanghai.gov.cn/*']);
    granted = true;
    fireEvent.input(box, { target: { value: 'https://dead.example.gov.cn/nb.html' } });
    fireEvent.click(screen.getByText('读取'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/无法连接 dead\.example\.gov\.cn/));
    fireEvent.input(box, { target: { value: 'https://www.shanghai.gov.cn/2019/nb.html' } });
    fireEvent.click(screen.getByText('读取'));
    expect(await screen.findByText(/读到的报告：2019年上海市人民政府办公厅/)).toBeTruthy();
    expect(screen.getByText(/来源：https:\/\/www\.shanghai\.gov\.cn\/2019\/nb\.html/)).toBeTruthy();
  });

  itReal('pasted text of the same year as this one is refused', async () => {
    location.hash = '#import?site=cms.sh.gov.cn&year=2019';
    const { api } = makeApi();
    render(<Options api={api} />);
    const html = readFileSync(sharedPath('corpus/2019-shanghai-office-1.html'), 'utf8');
    fireEvent.input(await screen.findByLabelText(/粘贴到这里/), { target: { value: html } });
    fireEvent.click(screen.getByText('读取粘贴的文字'));
    expect((await screen.findByRole('alert')).textContent).toMatch(/这是 2019 年的报告，与本年相同/);
  });
});
