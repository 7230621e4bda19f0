import { mapNarrative, mayHoldReport, readDom } from '@/lib/read/dom';
import { rereadCells } from '@/lib/read/reread';
import { check } from '@/lib/check';
import type { StartChecker } from '@/lib/page/gate';
import type { MakeOverlay } from '@/lib/page/view';
import { PageController } from '@/lib/page/main';
import { Overlay } from '@/components/overlay/overlay';

// The checker: loaded by the content script (entrypoints/content.ts) with a dynamic import, as an ES module
// (wxt.config.ts), once a document of the page may hold a report table. Its default export starts it.
const start: StartChecker = (win, signal) => {
  const deps = { mayHoldReport, readDom, mapNarrative, rereadCells, check, overlay: ((doc, onFix, onConfirm) => new Overlay(doc, onFix, onConfirm)) satisfies MakeOverlay };
  const page = new PageController(win, { deps, enabled: true });
  page.init(signal);
  return page;
};

export default defineUnlistedScript(() => start);
