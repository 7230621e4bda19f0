import { z } from 'zod';
import { t } from '../i18n';
import type { KV } from '../store/kv';
import { unpackInput } from './pack';
import type { ParentSpec } from './types';

/** The one storage key of the 批量审核 page (lib/store lists only `report:` keys, so it never reads this one). */
export const BATCH_KEY = 'batch:v1';

const ParentSchema = z.object({ parent: z.string(), children: z.array(z.string()) });

/** What the page keeps across a restart: the reports as read (audited again on load) and the supervisor's settings. */
export const SavedBatchSchema = z.object({
  version: z.literal(1),
  savedAt: z.string(),
  /** Each input as read, as JSON text (one string stores and loads in a moment; the same as objects took seconds). */
  inputs: z.array(z.string()),
  bodies: z.array(z.string()).default([]),
  manual: z.record(z.string(), z.string()).default({}),
  parents: z.array(ParentSchema).default([]),
  parentsOn: z.boolean().default(false),
  /** The web address each input read from an address list came from (by input name). */
  sources: z.record(z.string(), z.string()).default({}),
});

export type SavedBatch = z.infer<typeof SavedBatchSchema> & { parents: ParentSpec[] };

export type LoadResult = { ok: true; saved: SavedBatch | null } | { ok: false; message: string };

/** Inputs are stored a few dozen to a key, each key written in its own turn: no one write holds the page up. */
const PART = 20;
const partKey = (k: number, key = BATCH_KEY) => `${key}:part:${k}`;

/** Writes inputs in parts under `key`, then its head, then drops the parts a longer earlier list left behind. */
async function writeParts(kv: KV, key: string, inputs: readonly string[], head: Record<string, unknown>, between: () => Promise<void>): Promise<void> {
  const parts = Math.ceil(inputs.length / PART);
  for (let k = 0; k < parts; k++) {
    await kv.set({ [partKey(k, key)]: inputs.slice(k * PART, (k + 1) * PART) });
    await between();
  }
  await kv.set({ [key]: { ...head, parts } });
  const old = Object.keys(await kv.get(null)).filter((k) => k.startsWith(`${key}:part:`) && Number(k.split(':').pop()) >= parts);
  if (old.length) await kv.remove(old);
}

async function readParts(kv: KV, key: string, head: { parts?: unknown }): Promise<unknown[] | null> {
  const parts = head.parts;
  if (typeof parts !== 'number' || parts < 0 || parts >= 100_000) return null;
  const keys = Array.from({ length: parts }, (_, k) => partKey(k, key));
  const got = keys.length ? await kv.get(keys) : {};
  return keys.flatMap((k) => (Array.isArray(got[k]) ? (got[k] as unknown[]) : [null]));
}

export async function loadBatch(kv: KV): Promise<LoadResult> {
  let raw: unknown;
  try {
    raw = (await kv.get(BATCH_KEY))[BATCH_KEY];
    const inputs = raw && typeof raw === 'object' ? await readParts(kv, BATCH_KEY, raw) : null;
    if (inputs) {
      const { parts: _p, ...head } = raw as Record<string, unknown>;
      raw = { ...head, inputs };
    }
  } catch {
    return { ok: false, message: t('batch.saved.unreadable') };
  }
  if (raw === undefined) return { ok: true, saved: null };
  const parsed = SavedBatchSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, message: t('batch.saved.corrupt') };
  return { ok: true, saved: parsed.data as SavedBatch };
}

export async function saveBatch(
  kv: KV,
  batch: Omit<SavedBatch, 'version' | 'savedAt'>,
  now = new Date(),
  between: () => Promise<void> = () => Promise.resolve(),
): Promise<{ ok: true } | { ok: false; message: string }> {
  try {
    const { inputs, ...settings } = batch;
    await writeParts(kv, BATCH_KEY, inputs, { version: 1, savedAt: now.toISOString(), ...settings }, between);
    return { ok: true };
  } catch (e) {
    return { ok: false, message: notSaved(e) };
  }
}

function notSaved(e: unknown): string {
  const full = /quota|QUOTA_BYTES/i.test(String((e as Error)?.message ?? e));
  return t(full ? 'batch.saved.full' : 'batch.saved.failed');
}

export async function clearBatch(kv: KV): Promise<void> {
  const keys = Object.keys(await kv.get(null)).filter((key) => key === BATCH_KEY || key.startsWith(`${BATCH_KEY}:part:`));
  if (keys.length) await kv.remove(keys);
}

/**
 * Reports of earlier batches, kept when their results are cleared: next year's batch finds last
 * year's report of each body here for the cross-year rules. Never listed as results; cleared apart.
 */
export const EARLIER_KEY = 'batch:earlier:v1';

/** Earlier reports kept at most (the newest first): a few years of a county's bodies. */
export const EARLIER_MAX = 2000;

/** The kept earlier reports (packed); none when there are none or storage fails (the cross-year rules then just do not run). */
export async function loadEarlier(kv: KV): Promise<string[]> {
  try {
    const head = (await kv.get(EARLIER_KEY))[EARLIER_KEY];
    const got = head && typeof head === 'object' ? await readParts(kv, EARLIER_KEY, head) : null;
    return (got ?? []).filter((x): x is string => typeof x === 'string');
  } catch {
    return [];
  }
}

/** Keeps the readable ones of `inputs` before those kept already; returns how many are kept in all. */
export async function keepEarlier(kv: KV, inputs: readonly string[], now = new Date()): Promise<{ ok: true; kept: number } | { ok: false; message: string }> {
  try {
    const readable = inputs.filter((p) => !('error' in (unpackInput(p) ?? { error: '' })));
    const all = [...readable, ...(await loadEarlier(kv))].slice(0, EARLIER_MAX);
    await writeParts(kv, EARLIER_KEY, all, { version: 1, savedAt: now.toISOString() }, () => Promise.resolve());
    return { ok: true, kept: all.length };
  } catch (e) {
    return { ok: false, message: notSaved(e) };
  }
}

export async function clearEarlier(kv: KV): Promise<void> {
  const keys = Object.keys(await kv.get(null)).filter((key) => key === EARLIER_KEY || key.startsWith(`${EARLIER_KEY}:part:`));
  if (keys.length) await kv.remove(keys);
}
