import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Help } from '@/components/help/Help';
import { Options } from '@/components/options/Options';
import type { OptionsApi } from '@/components/options/api';
import { startInChosenLocale } from '@/components/shared/locale';
import { FORMATS } from '@/lib/formats';
import { currentLocale, setLocale } from '@/lib/i18n';
import { LOCALE_KEY, memoryKV, readLocale, saveReport } from '@/lib/store';

afterEach(() => {
  cleanup();
  setLocale('zh');
  document.documentElement.lang = 'zh-CN';
});

function makeApi(): OptionsApi & { kv: ReturnType<typeof memoryKV> } {
  return { kv: memoryKV(), requestHost: async () => true, fetch: (async () => new Response('')) as typeof fetch, download: () => {} };
}

/** The Chinese a page shows, minus what is not the extension's words: the clerk's data and the language's own name. */
function chineseShown(except: readonly string[]): string[] {
  let text = document.body.textContent ?? '';
  for (const quote of [...except, '中文']) text = text.split(quote).join('');
  return text.match(/[\u4e00-\u9fff]+/g) ?? [];
}

describe('界面语言 (the interface language setting)', () => {
  it('is Chinese until chosen, and a stored value that is no locale reads as Chinese', async () => {
    expect(await readLocale(memoryKV())).toBe('zh');
    expect(await readLocale(memoryKV({ [LOCALE_KEY]: 'fr' }))).toBe('zh');
    expect(await readLocale(memoryKV({ [LOCALE_KEY]: 'en' }))).toBe('en');
    const broken = { get: async () => Promise.reject(new Error('storage gone')) };
    expect(await readLocale(broken)).toBe('zh');
  });

  it('switching to English on the options page saves it and shows the page in English at once; back to 中文 again', async () => {
    const api = makeApi();
    await saveReport(api.kv, { site: 'cms.example.gov.cn', body: '某区统计局', year: 2022, format: 'gov2021', values: { 'apply.new.total': 7 }, source: 'page' });
    render(<Options api={api} />);
    await screen.findByText('某区统计局');
    const select = screen.getByLabelText(/界面语言/) as HTMLSelectElement;
    expect(select.value).toBe('zh');
    fireEvent.change(select, { target: { value: 'en' } });
    await screen.findByText('Saved report data');
    expect(api.kv.data.get(LOCALE_KEY)).toBe('en');
    expect(currentLocale()).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(document.title).toMatch(/^Annual report assistant/);
    expect(chineseShown(['某区统计局'])).toEqual([]);

    fireEvent.change(screen.getByLabelText(/Interface language/), { target: { value: 'zh' } });
    await screen.findByText('已保存的年报数据');
    expect(api.kv.data.get(LOCALE_KEY)).toBe('zh');
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('a page started after English was chosen renders in English (the 说明 page)', async () => {
    expect(await startInChosenLocale(memoryKV({ [LOCALE_KEY]: 'en' }), 'help.title')).toBe('en');
    render(<Help />);
    expect(document.title).toBe('Annual report assistant · Help');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Annual report assistant · Help');
    // the formats' bases are official document numbers, quoted as issued (国办公开办函〔2021〕30号)
    expect(chineseShown(Object.values(FORMATS).map((f) => f.basis))).toEqual([]);
  });
});
