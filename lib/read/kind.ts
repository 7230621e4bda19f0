/**
 * What kind of file this is, from its name and its first bytes: the one place both the reader (readFile) and
 * the import (fileKind) decide it.
 */

export type FileKind = 'html' | 'docx' | 'pdf' | 'txt' | 'json' | 'csv';

export type KindResult = { ok: true; kind: FileKind } | { ok: false; message: string };

const BY_EXT: Record<string, FileKind> = {
  html: 'html', htm: 'html', shtml: 'html', xhtml: 'html', mht: 'html',
  docx: 'docx', pdf: 'pdf', txt: 'txt', text: 'txt', json: 'json', csv: 'csv',
};

const REFUSED: Record<string, string> = {
  doc: '旧版 Word 文件（.doc）无法直接读取：请在 Word 或 WPS 中「另存为」.docx 后再导入',
  wps: 'WPS 文字文件（.wps）无法直接读取：请在 WPS 中「另存为」.docx 后再导入',
  xls: 'Excel 文件无法直接读取：请「另存为」CSV（逗号分隔）后再导入',
  xlsx: 'Excel 文件无法直接读取：请「另存为」CSV（逗号分隔）后再导入',
  et: 'WPS 表格文件无法直接读取：请「另存为」CSV（逗号分隔）后再导入',
  ofd: 'OFD 版式文件暂不支持：请在阅读器中复制全部文字，粘贴到「粘贴文字」框中',
  zip: '压缩包无法读取：请先解压，再选择其中的年报文件',
  rar: '压缩包无法读取：请先解压，再选择其中的年报文件',
  '7z': '压缩包无法读取：请先解压，再选择其中的年报文件',
};

const IMAGE = /^(png|jpe?g|gif|bmp|webp|tiff?)$/;

/** The file name's extension, lower case ('' without one). */
export const extensionOf = (name: string): string => /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';

/** Why a file of this extension is not read (old Word, WPS, Excel, OFD, archives), or undefined. */
export const refusedType = (ext: string): string | undefined => REFUSED[ext];

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
  if (!bytes.length) return { ok: false, message: `文件「${name}」是空的` };
  if (ext === 'pdf' || isPdf(bytes)) {
    return isPdf(bytes) ? { ok: true, kind: 'pdf' } : { ok: false, message: `文件「${name}」不是有效的 PDF 文件（可能已损坏）` };
  }
  if (ext === 'docx') {
    return isZip(bytes) ? { ok: true, kind: 'docx' } : { ok: false, message: `文件「${name}」不是有效的 Word（.docx）文件（可能已损坏或只是改了扩展名）` };
  }
  if (REFUSED[ext]) return { ok: false, message: REFUSED[ext] };
  if (IMAGE.test(ext)) return { ok: false, message: `「${name}」是图片，无法识别其中的文字：请使用年报的网页、Word、PDF 文件，或粘贴文字` };
  const kind = BY_EXT[ext];
  if (!kind) return { ok: false, message: `不支持的文件类型「${name}」：请选择网页（.html）、Word（.docx）、PDF、文本（.txt）、本扩展导出的 JSON 或 CSV 文件` };
  if (looksBinary(bytes))
    return { ok: false, message: `文件「${name}」的内容不是文字（可能是改了扩展名的其他文件）` };
  return { ok: true, kind };
}
