import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { BatchPage } from '@/components/batch/BatchPage';
import type { BatchApi } from '@/components/batch/api';
import { setLocale } from '@/lib/i18n';
import { memoryKV } from '@/lib/store';

afterEach(() => {
  cleanup();
  setLocale('zh');
});

const api = (): BatchApi => ({
  kv: memoryKV(),
  read: async () => Promise.reject(new Error('not used')),
  cancel: () => {},
  requestHosts: async () => false,
  removeHosts: async () => true,
  fetch: (async () => new Response('')) as typeof fetch,
  download: () => {},
  print: () => {},
  pdf: true,
});

describe('批量审核 page in the chosen locale', () => {
  it('in English, the page before any report speaks no Chinese', async () => {
    setLocale('en');
    render(<BatchPage api={api()} />);
    await screen.findByText(/No review results yet/);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Batch review of annual reports');
    expect(document.body.textContent!.match(/[\u4e00-\u9fff]+/g) ?? []).toEqual([]);
  });

  it('in Chinese (the default), the same page is Chinese', async () => {
    render(<BatchPage api={api()} />);
    await screen.findByText(/还没有审核结果/);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('批量审核年报');
  });
});
