/**
 * What kind of file this is, from its name and its first bytes: the one place both the reader (readFile) and
 * the import (fileKind) decide it.
 */
import { t, type MessageKey } from '../i18n';

export type FileKind = 'html' | 'docx' | 'pdf' | 'txt' | 'json' | 'csv';

export type KindResult = { ok: true; kind: FileKind } | { ok: false; message: string };

const BY_EXT: Record<string, FileKind> = {
  html: 'html', htm: 'html', shtml: 'html', xhtml: 'html', mht: 'html',
  docx: 'docx', pdf: 'pdf', txt: 'txt', text: 'txt', json: 'json', csv: 'csv',
};

const REFUSED: Record<string, MessageKey> = {
  doc: 'read.refused.doc',
  wps: 'read.refused.wps',
  xls: 'read.refused.excel',
  xlsx: 'read.refused.excel',
  et: 'read.refused.et',
  ofd: 'read.refused.ofd',
  zip: 'read.refused.archive',
  rar: 'read.refused.archive',
  '7z': 'read.refused.archive',
};

const IMAGE = /^(png|jpe?g|gif|bmp|webp|tiff?)$/;

/** The file name's extension, lower case ('' without one). */
export const extensionOf = (name: string): string => /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';

/** Why a file of this extension is not read (old Word, WPS, Excel, OFD, archives), or undefined. */
export const refusedType = (ext: string): string | undefined => (Object.prototype.hasOwnProperty.call(REFUSED, ext) ? t(REFUSED[ext]!) : undefined);

export const isPdf = (bytes: Uint8Array): boolean => String.fromCharCode(...bytes.subarray(0, 5)) === '%PDF-';

/** A zip container (.docx): starts with PK. */
export const isZip = (bytes: Uint8Array): boolean => bytes[0] === 0x50 && bytes[1] === 0x4b;

/** Not text: a NUL byte or many control characters in the first 4 KB (UTF-16 text with its BOM is text). */
export function looksBinary(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  const n = Math.min(bytes.length, 4096);
  let odd = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) odd++;
  }
  return odd > n / 20;
}

export const ACCEPTED = '.html,.htm,.docx,.pdf,.txt,.json,.csv';

export function fileKind(name: string, bytes: Uint8Array): KindResult {
  const ext = extensionOf(name);
  if (!bytes.length) return { ok: false, message: t('read.kind.empty', { name }) };
  if (ext === 'pdf' || isPdf(bytes)) {
    return isPdf(bytes) ? { ok: true, kind: 'pdf' } : { ok: false, message: t('read.kind.notPdf', { name }) };
  }
  if (ext === 'docx') {
    return isZip(bytes) ? { ok: true, kind: 'docx' } : { ok: false, message: t('read.kind.notDocx', { name }) };
  }
  const refused = refusedType(ext);
  if (refused) return { ok: false, message: refused };
  if (IMAGE.test(ext)) return { ok: false, message: t('read.kind.image', { name }) };
  const kind = BY_EXT[ext];
  if (!kind) return { ok: false, message: t('read.kind.unsupported', { name }) };
  if (looksBinary(bytes))
    return { ok: false, message: t('read.kind.binary', { name }) };
  return { ok: true, kind };
}
