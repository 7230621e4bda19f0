import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Options } from '@/components/options/Options';
import { downloadText } from '@/components/shared/download';
import '@/components/shared/style.css';

// pdf.js 5 needs a newer engine than Chromium 86: the Chromium MV2 build ships without it (wxt.config.ts).
const PDF = !(import.meta.env.MANIFEST_VERSION === 2 && import.meta.env.CHROME);

// pdf.js (loaded by the reader on the first PDF) runs its parser in a worker shipped with the extension.
let pdfReady: Promise<void> | undefined;
const preparePdf = () =>
  (pdfReady ??= PDF
    ? Promise.all([import('pdfjs-dist/legacy/build/pdf.mjs'), import('pdfjs-dist/legacy/build/pdf.worker.mjs?url')]).then(
        ([pdfjs, worker]) => {
          pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
        },
      )
    : Promise.resolve());

render(
  <Options
    api={{
      kv: browser.storage.local,
      requestHost: (pattern) => browser.permissions.request({ origins: [pattern] }),
      removeHost: (pattern) => browser.permissions.remove({ origins: [pattern] }),
      fetch: (input, init) => fetch(input, init),
      download: downloadText,
      prepare: preparePdf,
      pdf: PDF,
    }}
  />,
  document.getElementById('app')!,
);
