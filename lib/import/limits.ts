import { t } from '../i18n';
/**
 * How much an import may make the options page read, so that a wrong or hostile file gets a plain
 * message instead of minutes of work and gigabytes of memory. A published annual report is a few
 * pages of text and tables: these limits are far above any real one.
 */

const MB = 1024 * 1024;

export const LIMITS = {
  /** Any chosen file or fetched page (a PDF with scanned pages can be large). */
  fileBytes: 50 * MB,
  /** Pasted text, in characters. */
  textChars: 5_000_000,
  /** A .docx: entries in the zip, their total size once unpacked, and the largest XML part unpacked. */
  zipEntries: 2000,
  zipTotalBytes: 200 * MB,
  zipXmlBytes: 30 * MB,
} as const;

export type LimitResult = { ok: true } | { ok: false; message: string };

const size = (n: number) => (n >= MB ? `${(n / MB).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`);

export function checkFileSize(name: string, bytes: number): LimitResult {
  if (bytes <= LIMITS.fileBytes) return { ok: true };
  return {
    ok: false,
    message: t('import.tooBigFile', { name, size: size(bytes), limit: size(LIMITS.fileBytes) }),
  };
}

export function checkTextSize(text: string): LimitResult {
  if (text.length <= LIMITS.textChars) return { ok: true };
  return { ok: false, message: t('import.tooLongText', { n: Math.round(text.length / 10000) }) };
}

const BROKEN = (name: string): LimitResult => ({ ok: false, message: t('import.brokenDocx', { name }) });
const BOMB = (name: string, why: string): LimitResult => ({
  ok: false,
  message: t('import.bomb', { name, why }),
});

/**
 * A .docx is a zip: its central directory (at the end of the file) lists every entry with its
 * unpacked size. Reading only that directory, before anything is inflated, refuses zip bombs.
 */
export function checkDocx(name: string, bytes: Uint8Array): LimitResult {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfDirectory(view);
  if (eocd < 0) return BROKEN(name);
  const entries = view.getUint16(eocd + 10, true);
  const dirSize = view.getUint32(eocd + 12, true);
  const dirStart = view.getUint32(eocd + 16, true);
  // ZIP64 markers: no report needs more than 65535 entries or 4 GB.
  if (entries === 0xffff || dirSize === 0xffffffff || dirStart === 0xffffffff) return BOMB(name, t('import.bomb.directory'));
  if (entries > LIMITS.zipEntries) return BOMB(name, t('import.bomb.entries', { n: entries }));
  if (dirStart + dirSize > eocd) return BROKEN(name);
  let total = 0;
  let at = dirStart;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > eocd || view.getUint32(at, true) !== 0x02014b50) return BROKEN(name);
    const unpacked = view.getUint32(at + 24, true);
    const nameLen = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    if (unpacked === 0xffffffff) return BOMB(name, t('import.bomb.entry'));
    const entryName = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLen));
    if (/\.(xml|rels)$/i.test(entryName) && unpacked > LIMITS.zipXmlBytes) return BOMB(name, t('import.bomb.xml', { size: size(unpacked) }));
    total += unpacked;
    if (total > LIMITS.zipTotalBytes) return BOMB(name, t('import.bomb.total', { size: size(LIMITS.zipTotalBytes) }));
    at += 46 + nameLen + extra + comment;
  }
  return { ok: true };
}

/** Offset of the end-of-central-directory record (it ends the file, before a comment of ≤ 65535 bytes), or −1. */
function findEndOfDirectory(view: DataView): number {
  const stop = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let i = view.byteLength - 22; i >= stop; i--) if (view.getUint32(i, true) === 0x06054b50) return i;
  return -1;
}
