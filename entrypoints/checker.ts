import { mapNarrative, mayHoldReport, readDom } from '@/lib/read/dom';
import { checkNarrative } from '@/lib/narrative';
import { checkReport } from '@/lib/rules';
import { withLocalisation } from '@/lib/locate/annotate';
import type { StartChecker } from '@/lib/page/gate';
import { PageController } from '@/lib/page/main';

// The checker: loaded by the content script (entrypoints/content.ts) with a dynamic import, as an ES module
// (wxt.config.ts), once a document of the page may hold a report table. Its default export starts it.
const start: StartChecker = (win, signal) => {
  const deps = { mayHoldReport, readDom, checkReport: withLocalisation(checkReport), mapNarrative, checkNarrative };
  const page = new PageController(win, { deps, enabled: true });
  page.init(signal);
  return page;
};

export default defineUnlistedScript(() => start);
