import { unzipSync } from 'fflate';
import { LIMITS } from '../import/limits';
import { READABLE_NAME } from './files';

export type Unzipped = { ok: true; files: { name: string; bytes: Uint8Array }[] } | { ok: false; message: string };

const MB = 1024 * 1024;

/**
 * The reports inside a .zip: only the files a batch reads (.html .docx .pdf …, folders inside kept in
 * the name), under the same limits as a .docx (entries, total unpacked size, each file's size), all
 * decided from the zip's directory before anything is inflated.
 */
export function unzipReports(zipName: string, bytes: Uint8Array): Unzipped {
  let entries = 0;
  let total = 0;
  let refused: string | null = null;
  let raw: Record<string, Uint8Array>;
  try {
    raw = unzipSync(bytes, {
      filter(f) {
        if (refused) return false;
        if (++entries > LIMITS.zipEntries) refused = `有超过 ${LIMITS.zipEntries} 个文件`;
        const name = entryName(f.name);
        if (refused || name.endsWith('/') || /(?:^|\/)(?:__MACOSX\/|\.)/.test(name) || !READABLE_NAME.test(name)) return false;
        if (f.originalSize > LIMITS.fileBytes) refused = `其中「${name}」有 ${Math.round(f.originalSize / MB)} MB`;
        total += f.originalSize;
        if (total > LIMITS.zipTotalBytes) refused = `超过 ${LIMITS.zipTotalBytes / MB} MB`;
        return !refused;
      },
    });
  } catch {
    return { ok: false, message: `压缩包「${zipName}」无法解开（可能已损坏，或使用了不支持的压缩方式）：请解压后把其中的文件直接拖进来` };
  }
  if (refused)
    return { ok: false, message: `压缩包「${zipName}」解压后${refused}，远超一批年报的大小，可能已损坏或是恶意文件，已停止读取。请解压后分批添加` };
  const files = Object.entries(raw)
    .map(([name, data]) => ({ name: entryName(name), bytes: data }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (!files.length) return { ok: false, message: `压缩包「${zipName}」中没有可读取的报告文件（.html .htm .txt .docx .pdf .json）` };
  return { ok: true, files };
}

/**
 * Zips made on Chinese Windows store names in GBK without the UTF-8 flag; fflate then gives them
 * byte for byte as Latin-1. Such a name is decoded again as UTF-8 if it is valid UTF-8, else as GB18030.
 */
export function entryName(name: string): string {
  if (![...name].some((c) => c.charCodeAt(0) > 0x7f && c.charCodeAt(0) < 0x100) || [...name].some((c) => c.charCodeAt(0) > 0xff)) return name;
  const bytes = Uint8Array.from([...name].map((c) => c.charCodeAt(0)));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    try {
      return new TextDecoder('gb18030').decode(bytes);
    } catch {
      return name;
    }
  }
}
