import { NarrativeMarks } from '../marks';
import type { PageContext } from './context';

/** Narrative marks: sentences that disagree with the table, marked on the live overlay while the live tables run. */
export function initNarrativeMarks(ctx: PageContext, signal: AbortSignal): void {
  if (!ctx.live) return;
  const remove = ctx.live.addLayer(new NarrativeMarks());
  signal.addEventListener('abort', remove);
}
