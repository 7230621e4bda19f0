import { render } from 'preact';
import { browser } from 'wxt/browser';
import pdfWorker from 'pdfjs-dist/legacy/build/pdf.worker.mjs?url';
import { Options } from '@/components/options/Options';
import { downloadText } from '@/components/shared/download';
import '@/components/shared/style.css';

// pdf.js (loaded by the reader on the first PDF) runs its parser in a worker shipped with the extension.
let pdfReady: Promise<void> | undefined;
const preparePdf = () =>
  (pdfReady ??= import('pdfjs-dist/legacy/build/pdf.mjs').then((pdfjs) => {
    pdfjs.GlobalWorkerOptions.workerSrc = pdfWorker;
  }));

render(
  <Options
    api={{
      kv: browser.storage.local,
      requestHost: (pattern) => browser.permissions.request({ origins: [pattern] }),
      fetch: (input, init) => fetch(input, init),
      download: downloadText,
      prepare: preparePdf,
    }}
  />,
  document.getElementById('app')!,
);
