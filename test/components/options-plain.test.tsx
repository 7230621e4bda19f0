import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Options } from '@/components/options/Options';
import type { OptionsApi } from '@/components/options/api';
import { memoryKV, reportKey, saveReport, toCsv, type NewReport } from '@/lib/store';
import { describeProblems, plainChineseProblems } from '../helpers/plain-chinese.mjs';

afterEach(cleanup);
beforeEach(() => {
  location.hash = '';
});

const saved: NewReport = {
  site: 'cms.example.gov.cn', body: '某区统计局', year: 2022, format: 'gov2021',
  values: { 'apply.new.natural': 5, 'apply.new.total': 7, 'apply.carryForward.total': 2 }, source: 'page',
};

function makeApi(): OptionsApi {
  return {
    kv: memoryKV(),
    requestHost: async () => true,
    fetch: (async () => { throw new TypeError('Failed to fetch'); }) as typeof fetch,
    download: () => {},
  };
}

/** Everything the page shows, minus the clerk's own data (website addresses are theirs, not the extension's words). */
const problems = () => plainChineseProblems(document.body).filter((p) => !p.text.includes('example.gov.cn'));

describe('options page: plain Chinese', () => {
  it('the saved list with a table, its earlier versions and a damaged record: no Latin word, no id', async () => {
    const api = makeApi();
    await saveReport(api.kv, saved);
    await saveReport(api.kv, { ...saved, values: { ...saved.values, 'apply.new.total': 5 } });
    await api.kv.set({ [reportKey(saved.site, saved.body, 2021)]: { version: 2, body: '某区统计局', year: 2021, values: 'oops' } });
    render(<Options api={api} />);
    await screen.findByText(/已损坏、已另行保存的数据/);
    fireEvent.click(screen.getAllByText('查看')[0]!);
    fireEvent.click(screen.getAllByText('历史版本')[0]!);
    await screen.findByText(/的历史版本$/);
    expect(screen.getAllByText('编辑页面').length).toBeGreaterThan(0);
    expect(describeProblems(problems())).toBe('');
  });

  it('the import page, a CSV read back with its summary, and a failed address: no Latin word, no id', async () => {
    const api = makeApi();
    location.hash = '#import';
    render(<Options api={api} />);
    const csv = toCsv([{ ...saved, version: 2, savedAt: '2023-01-20T08:00:00.000Z', values: { ...saved.values, 'apply.granted.natural': 9 } }]);
    const input = (await screen.findByLabelText(/选择文件/)) as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [new File([csv], '上年.csv')], configurable: true });
    fireEvent.change(input);
    await screen.findByText(/读到的报告/);
    expect(screen.getByText(/表格式样：2021年版统计表/)).toBeTruthy();
    expect(describeProblems(problems())).toBe('');
    fireEvent.input(screen.getByLabelText(/^网址/), { target: { value: 'www.example.gov.cn/2022.html' } });
    fireEvent.click(screen.getByText('读取'));
    await screen.findByText(/无法连接/);
    expect(describeProblems(problems())).toBe('');
  });
});
