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
    message: `「${name}」太大（${size(bytes)}），超过了 ${size(LIMITS.fileBytes)} 的上限，不像是一份年报。请确认选对了文件；若是扫描版大文件，请复制其中的文字后粘贴读取`,
  };
}

export function checkTextSize(text: string): LimitResult {
  if (text.length <= LIMITS.textChars) return { ok: true };
  return { ok: false, message: `粘贴的文字太长（${Math.round(text.length / 10000)} 万字），一份年报不会这么长：请只复制年报正文后再粘贴` };
}

const BROKEN = (name: string): LimitResult => ({ ok: false, message: `文件「${name}」不是有效的 Word（.docx）文件（可能已损坏或只是改了扩展名）` });
const BOMB = (name: string, why: string): LimitResult => ({
  ok: false,
  message: `文件「${name}」解压后${why}，远超一份年报的大小，可能已损坏或是恶意文件，已停止读取。请在 Word 或 WPS 中打开后另存为新的 .docx 再导入`,
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
  if (entries === 0xffff || dirSize === 0xffffffff || dirStart === 0xffffffff) return BOMB(name, '的目录超出常规');
  if (entries > LIMITS.zipEntries) return BOMB(name, `有 ${entries} 个部件`);
  if (dirStart + dirSize > eocd) return BROKEN(name);
  let total = 0;
  let at = dirStart;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > eocd || view.getUint32(at, true) !== 0x02014b50) return BROKEN(name);
    const unpacked = view.getUint32(at + 24, true);
    const nameLen = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    if (unpacked === 0xffffffff) return BOMB(name, '的部件超出常规');
    const entryName = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLen));
    if (/\.(xml|rels)$/i.test(entryName) && unpacked > LIMITS.zipXmlBytes) return BOMB(name, `文字部分有 ${size(unpacked)}`);
    total += unpacked;
    if (total > LIMITS.zipTotalBytes) return BOMB(name, `超过 ${size(LIMITS.zipTotalBytes)}`);
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
