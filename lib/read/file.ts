import type { Report } from '../report';
import { readExport } from './export';
import { readHtml } from './html';
import { readText } from './text';

/** A Report that only says why the file could not be read. */
export function unreadable(source: string, code: string, message: string): Report {
  return { source, format: null, year: null, cells: {}, problems: [{ code, message }] };
}

/** Text in UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030 (older government pages). */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  let odd = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) odd++;
  }
  return odd > n / 20;
}

/** A report read with nothing missing and every sum holding: nothing the drawn borders could improve. */
function complete(r: Report, checkReport: (typeof import('../rules'))['checkReport'], inputOf: (typeof import('../rules'))['inputOf']): boolean {
  if (!r.format || r.problems.length) return false;
  const input = inputOf(r);
  return !!input && !checkReport(input).some((f) => f.severity !== 'info');
}

const EXT = /\.([a-z0-9]+)$/i;

/**
 * Reads a file by its name's extension: .html/.htm, .txt, .docx, .pdf, .json (this extension's
 * export). Never throws: problems come back as a Report whose `problems` say what went wrong.
 */
export async function readFile(bytes: Uint8Array, name: string): Promise<Report[]> {
  const ext = (EXT.exec(name)?.[1] ?? '').toLowerCase();
  try {
    if (!bytes.length) return [unreadable(name, 'empty-file', '文件是空的')];
    if (ext === 'docx') {
      if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return [unreadable(name, 'not-docx', '不是有效的 Word（.docx）文件')];
      const { docxToHtml } = await import('./docx');
      return readHtml(await docxToHtml(bytes), name);
    }
    if (ext === 'pdf') {
      if (decodeText(bytes.subarray(0, 5)) !== '%PDF-') return [unreadable(name, 'not-pdf', '不是有效的 PDF 文件')];
      const [{ openPdf }, { checkReport, inputOf }] = await Promise.all([import('./pdf'), import('../rules')]);
      const pdf = await openPdf(bytes);
      try {
        const plain = await pdf.text(false);
        if (!plain.trim()) return [unreadable(name, 'pdf-no-text', 'PDF 中没有可提取的文字（可能是扫描图片）')];
        // text positions alone read most printed tables; the drawn borders (costly) only when they do not
        const quick = readText(plain, name);
        if (quick.length && quick.every((r) => complete(r, checkReport, inputOf))) return quick;
        return readText(await pdf.text(true), name);
      } finally {
        await pdf.close();
      }
    }
    if (ext === 'doc') return [unreadable(name, 'old-doc', '不支持旧版 Word（.doc）文件，请另存为 .docx 后再读取')];
    if (looksBinary(bytes)) return [unreadable(name, 'binary', '文件不是文字、网页、Word 或 PDF 格式，无法读取')];
    const text = decodeText(bytes);
    if (ext === 'json') return readExport(text, name);
    if (ext === 'html' || ext === 'htm' || ext === 'shtml' || /^\s*</.test(text)) return readHtml(text, name);
    return readText(text, name);
  } catch {
    // The library's own words (English, internals) mean nothing to a clerk: say what to do instead.
    const redo = ext === 'pdf' ? '请用 PDF 阅读器打开确认，或复制其中的文字粘贴读取' : '请在 Word 或 WPS 中打开后另存为新文件再导入';
    return [unreadable(name, 'read-failed', `文件无法读取（${ext || '未知格式'}），可能已损坏：${redo}`)];
  }
}
