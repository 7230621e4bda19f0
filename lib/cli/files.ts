/** Node-only: which files the command line reads, and reading them. */
import { readFile as readBytes, readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { readFile } from '../read/file';
import type { Report } from '../report';

export const READABLE = /\.(?:html?|shtml|txt|docx|pdf|json)$/i;

export type Input = { path: string; reports: Report[] } | { path: string; error: string };

/** Expands directories into the readable files they hold (sorted), keeps files as given. */
export async function expandInputs(paths: readonly string[]): Promise<(string | { path: string; error: string })[]> {
  const out: (string | { path: string; error: string })[] = [];
  for (const p of paths) {
    let s;
    try {
      s = await stat(p);
    } catch {
      out.push({ path: p, error: '文件不存在或无法访问' });
      continue;
    }
    if (s.isDirectory()) {
      const names = (await readdir(p)).filter((n) => READABLE.test(n)).sort();
      if (!names.length) out.push({ path: p, error: '文件夹中没有可读取的报告文件（.html .htm .txt .docx .pdf .json）' });
      for (const n of names) out.push(join(p, n));
    } else out.push(p);
  }
  return out;
}

export async function readInput(path: string): Promise<Input> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readBytes(path));
  } catch (e) {
    return { path, error: `无法打开文件（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）` };
  }
  return { path, reports: await readFile(bytes, basename(path)) };
}
