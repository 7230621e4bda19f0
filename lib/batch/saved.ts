import { z } from 'zod';
import type { KV } from '../store/kv';
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
const partKey = (k: number) => `${BATCH_KEY}:part:${k}`;

export async function loadBatch(kv: KV): Promise<LoadResult> {
  let raw: unknown;
  try {
    raw = (await kv.get(BATCH_KEY))[BATCH_KEY];
    const parts = (raw as { parts?: unknown } | undefined)?.parts;
    if (raw && typeof raw === 'object' && typeof parts === 'number' && parts >= 0 && parts < 100_000) {
      const keys = Array.from({ length: parts }, (_, k) => partKey(k));
      const got = keys.length ? await kv.get(keys) : {};
      const inputs = keys.flatMap((k) => (Array.isArray(got[k]) ? (got[k] as unknown[]) : [null]));
      const { parts: _p, ...head } = raw as Record<string, unknown>;
      raw = { ...head, inputs };
    }
  } catch {
    return { ok: false, message: '无法读取上次保存的批量审核结果（浏览器存储出错）。可以重新添加报告审核。' };
  }
  if (raw === undefined) return { ok: true, saved: null };
  const parsed = SavedBatchSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, message: '上次保存的批量审核结果已损坏，无法读取。请点「清除结果」后重新添加报告。' };
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
    const parts = Math.ceil(inputs.length / PART);
    for (let k = 0; k < parts; k++) {
      await kv.set({ [partKey(k)]: inputs.slice(k * PART, (k + 1) * PART) });
      await between();
    }
    await kv.set({ [BATCH_KEY]: { version: 1, savedAt: now.toISOString(), ...settings, parts } });
    const old = Object.keys(await kv.get(null)).filter((key) => key.startsWith(`${BATCH_KEY}:part:`) && Number(key.split(':').pop()) >= parts);
    if (old.length) await kv.remove(old);
    return { ok: true };
  } catch (e) {
    const full = /quota|QUOTA_BYTES/i.test(String((e as Error)?.message ?? e));
    return {
      ok: false,
      message: full
        ? '浏览器存储已满，这次的审核结果没有保存（关闭页面后需重新审核）。请先导出 Excel 保存结果，或删除不用的已存数据。'
        : '审核结果没有保存（浏览器存储出错），关闭页面后需重新审核。请先导出 Excel 保存结果。',
    };
  }
}

export async function clearBatch(kv: KV): Promise<void> {
  const keys = Object.keys(await kv.get(null)).filter((key) => key === BATCH_KEY || key.startsWith(`${BATCH_KEY}:part:`));
  if (keys.length) await kv.remove(keys);
}
