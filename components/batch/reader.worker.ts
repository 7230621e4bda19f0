/// <reference lib="webworker" />
// The reading worker of extension pages: reports read and checked off the page's thread. A worker has
// no DOMParser: the HTML reader gets linkedom's worker build. pdf.js runs in this same thread (its
// worker code loaded here as the "fake worker"), so a PDF never touches the page's thread either.
import { parseHTML } from 'linkedom/worker';
import { setLocale, t } from '@/lib/i18n';
import { useLinkedom } from '@/lib/read/html';
import { answer } from './answer';
import type { Reply, Request } from './protocol';

useLinkedom(parseHTML as Parameters<typeof useLinkedom>[0]);

let pdfReady: Promise<void> | undefined;
const preparePdf = () =>
  (pdfReady ??= import('pdfjs-dist/legacy/build/pdf.worker.mjs').then((worker) => {
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
  }));

self.onmessage = async (e: MessageEvent<Request>) => {
  const { n, job, locale } = e.data;
  setLocale(locale);
  let reply: Reply;
  try {
    reply = { n, ok: true, answer: await answer(job, preparePdf) };
  } catch (err) {
    console.warn('年报助手：读取出错', err);
    reply = { n, ok: false, message: t('batch.read.failed') };
  }
  self.postMessage(reply);
};
