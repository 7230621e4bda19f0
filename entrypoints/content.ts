import { holdsTableMatching } from '@/lib/read/dom';
import { extApi } from '@/lib/page/ext';
import { reachedFromTop } from '@/lib/page/frames';
import { Gate, type StartChecker } from '@/lib/page/gate';

/** PREFILTER's pattern, put in by the build (wxt.config.ts): the format catalogue stays out of this script. */
declare const __NIANBAO_PREFILTER__: string;

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  main() {
    // The top frame's instance walks every same-origin frame itself; an instance in a frame it can
    // reach stays idle. Frames under a cross-origin parent run their own instance.
    if (reachedFromTop(window)) return;
    // Only this small gate runs on every page; the checker (entrypoints/checker.ts) is loaded when a
    // document may hold a report table.
    const load = async (): Promise<StartChecker> => {
      const url = extApi()?.runtime.getURL?.('/checker.js');
      if (!url) throw new Error('the checker cannot be reached'); // the gate answers the popup in its own words
      const mod = (await import(/* @vite-ignore */ url)) as { default: StartChecker };
      return mod.default;
    };
    // The build runs this once the page is idle (wxt.config.ts), so the gate starts now.
    const prefilter = new RegExp(__NIANBAO_PREFILTER__);
    const mayHoldReport = (doc: Document) => holdsTableMatching(doc, prefilter);
    new Gate(window, { mayHoldReport, load }).init(new AbortController().signal);
  },
});
