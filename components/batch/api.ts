import type { KV } from '@/lib/store';
import type { Answer, Job } from './protocol';

/** What the 批量审核 page needs from the browser (injected by entrypoints/batch; tests pass their own). */
export interface BatchApi {
  kv: KV;
  /** The reading workers (components/batch/pool.ts). */
  read(job: Job, transfer?: Transferable[]): Promise<Answer>;
  /** Stops every reading under way (the workers are replaced on the next job). */
  cancel(): void;
  /** permissions.request for the hosts of an address list, called at the click. */
  requestHosts(patterns: string[]): Promise<boolean>;
  removeHosts(patterns: string[]): Promise<boolean>;
  fetch: typeof fetch;
  download(name: string, data: Blob | string, mime: string): void;
  print(): void;
  /** false in the Chromium 86 (MV2) build, which ships without pdf.js. */
  pdf: boolean;
}
