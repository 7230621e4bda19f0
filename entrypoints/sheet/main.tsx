import { render } from 'preact';
import { browser } from 'wxt/browser';
import { SheetPage } from '@/components/sheet/SheetPage';
import { startInChosenLocale } from '@/components/shared/locale';
import '@/components/shared/style.css';
import '@/components/sheet/sheet.css';

void startInChosenLocale(browser.storage.local, 'page.title.sheet').then(() =>
  render(
    <SheetPage
      api={{
        query: location.search,
        local: browser.storage.local,
        // storage.session: MV3 only (Chromium 102+, Firefox 115+ has it too); absent in the MV2 Chromium build.
        session: (browser.storage as { session?: typeof browser.storage.local }).session,
        print: () => window.print(),
        now: () => new Date(),
      }}
    />,
    document.getElementById('app')!,
  ),
);
