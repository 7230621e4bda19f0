/**
 * The part of extension storage the store uses: `browser.storage.local` satisfies it as is.
 * Keeping it an interface keeps lib/store free of extension APIs (tests pass a Map).
 */
export interface KV {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

/** In-memory KV (tests, the command line). Values are deep-copied like real storage does. */
export function memoryKV(initial: Record<string, unknown> = {}): KV & { data: Map<string, unknown> } {
  const copy = <T>(v: T): T => (v === undefined ? v : JSON.parse(JSON.stringify(v)));
  const data = new Map(Object.entries(copy(initial)));
  return {
    data,
    async get(keys) {
      const out: Record<string, unknown> = {};
      const wanted = keys == null ? [...data.keys()] : typeof keys === 'string' ? [keys] : keys;
      for (const k of wanted) if (data.has(k)) out[k] = copy(data.get(k));
      return out;
    },
    async set(items) {
      for (const [k, v] of Object.entries(items)) data.set(k, copy(v));
    },
    async remove(keys) {
      for (const k of typeof keys === 'string' ? [keys] : keys) data.delete(k);
    },
  };
}
