import { auditBatch } from '@/lib/batch/audit';
import { baseName } from '@/lib/batch/files';
import { packInput } from '@/lib/batch/pack';
import type { BatchRow } from '@/lib/batch/types';
import { t } from '@/lib/i18n';
import { isCancelled } from './pool';
import type { BatchApi } from './api';
import type { Packed } from './protocol';

/** One thing added to the batch: a dropped or chosen file, or a page fetched from an address. */
export interface Added {
  name: string;
  bytes(): Promise<Uint8Array>;
}

export interface Progress {
  done: number;
  total: number;
}

/**
 * Reads the added files through the page's workers, a few at a time (their bytes are loaded only
 * when a worker is about to be free), and reports each file's inputs and rows as they come. A file
 * that fails becomes an input with its plain reason; a cancelled run stops without one.
 */
export async function readAdded(api: BatchApi, items: readonly Added[], on: (k: number, inputs: Packed[], rows: BatchRow[]) => void, signal: AbortSignal): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length && !signal.aborted) {
      const k = next++;
      const item = items[k]!;
      try {
        const bytes = await item.bytes();
        if (signal.aborted) return;
        const a = await api.read({ op: 'batch-file', name: item.name, bytes, pdf: api.pdf }, [bytes.buffer as ArrayBuffer]);
        if (a.op === 'batch-file') on(k, a.inputs, a.rows);
      } catch (e) {
        if (signal.aborted || isCancelled(e)) return;
        const input = { name: baseName(item.name), error: (e as Error).message || t('batch.read.unreadable') };
        on(k, [packInput(input)], auditBatch([input]));
      }
    }
  };
  // two lanes per worker keep each worker fed while the next file's bytes load
  await Promise.all(Array.from({ length: 4 }, lane));
}
