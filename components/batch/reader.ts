import { answer } from './answer';
import { Cancelled, ReaderPool } from './pool';
import type { Answer, Job } from './protocol';

export interface Reader {
  run(job: Job, transfer?: Transferable[]): Promise<Answer>;
  cancel(): void;
}

/**
 * Web Workers read everywhere but in the Chromium 86 (MV2) build: linkedom's worker build needs
 * Object.hasOwn and .at() (Chrome 92/93). There the page reads on its own thread with its DOMParser,
 * one file at a time, and PDFs are pasted as text (no pdf.js in that build).
 */
export const WORKERS = !(import.meta.env.MANIFEST_VERSION === 2 && import.meta.env.CHROME);

export function makeReader(size?: number): Reader {
  if (WORKERS) {
    let pool: ReaderPool | null = null;
    const ready = import('./reader.worker?worker').then(({ default: ReaderWorker }) => (pool = new ReaderPool(() => new ReaderWorker(), size)));
    return {
      run: async (job, transfer) => (pool ?? (await ready)).run(job, transfer),
      cancel: () => pool?.cancel(),
    };
  }
  let epoch = 0;
  return {
    async run(job) {
      const mine = epoch;
      await new Promise((ok) => setTimeout(ok, 0));
      if (mine !== epoch) throw new Cancelled();
      const got = await answer(job, () => Promise.resolve());
      if (mine !== epoch) throw new Cancelled();
      return got;
    },
    cancel: () => void epoch++,
  };
}
