import { mapNarrative, mayHoldReport, readDom } from '@/lib/read/dom';
import { checkNarrative } from '@/lib/narrative';
import { checkReport } from '@/lib/rules';
import { withLocalisation } from '@/lib/locate/annotate';
import { reachedFromTop } from '@/lib/page/frames';
import { PageController } from '@/lib/page/main';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  main() {
    // The top frame's instance walks every same-origin frame itself; an instance in a frame it can
    // reach stays idle. Frames under a cross-origin parent run their own instance.
    if (reachedFromTop(window)) return;
    new PageController(window, { deps: { mayHoldReport, readDom, checkReport: withLocalisation(checkReport), mapNarrative, checkNarrative } }).init(new AbortController().signal);
  },
});
