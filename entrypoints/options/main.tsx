import { render } from 'preact';
import { browser } from 'wxt/browser';
import { WORKERS, makeReader } from '@/components/batch/reader';
import { Options } from '@/components/options/Options';
import type { ReadJob } from '@/lib/import';
import { download } from '@/components/shared/download';
import { startInChosenLocale } from '@/components/shared/locale';
import '@/components/shared/style.css';

// pdf.js 5 needs a newer engine than Chromium 86: the Chromium MV2 build ships without it (wxt.config.ts).
const PDF = !(import.meta.env.MANIFEST_VERSION === 2 && import.meta.env.CHROME);

// A chosen file or fetched page is read in the extension's reading worker (Word, PDF and HTML alike), so
// that a large or hostile file never holds up this page.
// (Not in the Chromium 86 build, whose engine cannot run the worker: there it reads here, as before.)
const reader = WORKERS ? makeReader(1) : null;
const read = async (job: ReadJob) => {
  const a = await reader!.run({ op: 'import', job, pdf: PDF });
  return a.op === 'import' ? a.reports : [];
};

void startInChosenLocale(browser.storage.local, 'page.title.options').then(() =>
  render(
    <Options
      api={{
        kv: browser.storage.local,
        requestHost: (pattern) => browser.permissions.request({ origins: [pattern] }),
        removeHost: (pattern) => browser.permissions.remove({ origins: [pattern] }),
        fetch: (input, init) => fetch(input, init),
        download,
        pdf: PDF,
        ...(reader ? { read } : {}),
      }}
    />,
    document.getElementById('app')!,
  ),
);
