import { render } from 'preact';
import { browser } from 'wxt/browser';
import { BatchPage } from '@/components/batch/BatchPage';
import { ReaderPool } from '@/components/batch/pool';
import ReaderWorker from '@/components/batch/reader.worker?worker';
import '@/components/shared/style.css';
import '@/components/sheet/sheet.css';
import '@/components/batch/batch.css';

// pdf.js 5 needs a newer engine than Chromium 86: the Chromium MV2 build ships without it (wxt.config.ts).
const PDF = !(import.meta.env.MANIFEST_VERSION === 2 && import.meta.env.CHROME);

const pool = new ReaderPool(() => new ReaderWorker());

render(
  <BatchPage
    api={{
      kv: browser.storage.local,
      read: (job, transfer) => pool.run(job, transfer),
      cancel: () => pool.cancel(),
      requestHosts: (origins) => browser.permissions.request({ origins }),
      removeHosts: (origins) => browser.permissions.remove({ origins }),
      fetch: (input, init) => fetch(input, init),
      download: (name, data, mime) => {
        const url = URL.createObjectURL(typeof data === 'string' ? new Blob([data], { type: `${mime};charset=utf-8` }) : data);
        const a = document.createElement('a');
        a.href = url;
        a.download = name;
        document.body.append(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
      },
      print: () => window.print(),
      pdf: PDF,
    }}
  />,
  document.getElementById('app')!,
);
