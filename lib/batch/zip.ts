import { unzipSync } from 'fflate';
import { t } from '../i18n';
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
        if (++entries > LIMITS.zipEntries) refused = t('batch.zip.entries', { n: LIMITS.zipEntries });
        const name = entryName(f.name);
        if (refused || name.endsWith('/') || /(?:^|\/)(?:__MACOSX\/|\.)/.test(name) || !READABLE_NAME.test(name)) return false;
        if (f.originalSize > LIMITS.fileBytes) refused = t('batch.zip.file', { name, mb: Math.round(f.originalSize / MB) });
        total += f.originalSize;
        if (total > LIMITS.zipTotalBytes) refused = t('batch.zip.total', { mb: LIMITS.zipTotalBytes / MB });
        return !refused;
      },
    });
  } catch {
    return { ok: false, message: t('batch.zip.broken', { zip: zipName }) };
  }
  if (refused)
    return { ok: false, message: t('batch.zip.refused', { zip: zipName, why: refused }) };
  const files = Object.entries(raw)
    .map(([name, data]) => ({ name: entryName(name), bytes: data }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (!files.length) return { ok: false, message: t('batch.zip.empty', { zip: zipName }) };
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
