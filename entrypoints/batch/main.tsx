import { render } from 'preact';
import { browser } from 'wxt/browser';
import { BatchPage } from '@/components/batch/BatchPage';
import { WORKERS, makeReader } from '@/components/batch/reader';
import { download } from '@/components/shared/download';
import { startInChosenLocale } from '@/components/shared/locale';
import '@/components/shared/style.css';
import '@/components/sheet/sheet.css';
import '@/components/batch/batch.css';

const reader = makeReader();

void startInChosenLocale(browser.storage.local, 'page.title.batch').then(() =>
  render(
    <BatchPage
      api={{
        kv: browser.storage.local,
        read: (job, transfer) => reader.run(job, transfer),
        cancel: () => reader.cancel(),
        requestHosts: (origins) => browser.permissions.request({ origins }),
        removeHosts: (origins) => browser.permissions.remove({ origins }),
        fetch: (input, init) => fetch(input, init),
        download,
        print: () => window.print(),
        // pdf.js 5 needs a newer engine than Chromium 86: the Chromium MV2 build ships without it (wxt.config.ts).
        pdf: WORKERS,
      }}
    />,
    document.getElementById('app')!,
  ),
);
