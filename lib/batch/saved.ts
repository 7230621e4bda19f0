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

export async function loadBatch(kv: KV): Promise<LoadResult> {
  let raw: unknown;
  try {
    raw = (await kv.get(BATCH_KEY))[BATCH_KEY];
  } catch {
    return { ok: false, message: '无法读取上次保存的批量审核结果（浏览器存储出错）。可以重新添加报告审核。' };
  }
  if (raw === undefined) return { ok: true, saved: null };
  const parsed = SavedBatchSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, message: '上次保存的批量审核结果已损坏，无法读取。请点「清除结果」后重新添加报告。' };
  return { ok: true, saved: parsed.data as SavedBatch };
}

export async function saveBatch(kv: KV, batch: Omit<SavedBatch, 'version' | 'savedAt'>, now = new Date()): Promise<{ ok: true } | { ok: false; message: string }> {
  try {
    await kv.set({ [BATCH_KEY]: { version: 1, savedAt: now.toISOString(), ...batch } });
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
  await kv.remove(BATCH_KEY);
}
