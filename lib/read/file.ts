import type { Report } from '../report';
import { decodeText } from './decode';
import { readExport } from './export';
import { extensionOf, isPdf, isZip, looksBinary, refusedType } from './kind';
import { readHtml } from './html';
import { readText } from './text';
import { t } from '../i18n';

/** A Report that only says why the file could not be read. */
export function unreadable(source: string, code: string, message: string): Report {
  return { source, format: null, year: null, cells: {}, problems: [{ code, message }] };
}

/** A report read with nothing missing and every sum holding: nothing the drawn borders could improve. */
function complete(r: Report, checkReport: (typeof import('../rules'))['checkReport'], inputOf: (typeof import('../rules'))['inputOf']): boolean {
  if (!r.format || r.problems.length) return false;
  const input = inputOf(r);
  return !!input && !checkReport(input).some((f) => f.severity !== 'info');
}

/**
 * Reads a file by its name's extension: .html/.htm, .txt, .docx, .pdf, .json (this extension's
 * export). Never throws: problems come back as a Report whose `problems` say what went wrong.
 */
export async function readFile(bytes: Uint8Array, name: string): Promise<Report[]> {
  const ext = extensionOf(name);
  try {
    if (!bytes.length) return [unreadable(name, 'empty-file', t('read.file.empty'))];
    if (ext === 'docx') {
      if (!isZip(bytes)) return [unreadable(name, 'not-docx', t('read.file.notDocx'))];
      const { docxToHtml } = await import('./docx');
      return readHtml(await docxToHtml(bytes), name);
    }
    if (ext === 'pdf') {
      if (!isPdf(bytes)) return [unreadable(name, 'not-pdf', t('read.file.notPdf'))];
      const [{ openPdf }, { checkReport, inputOf }] = await Promise.all([import('./pdf'), import('../rules')]);
      const pdf = await openPdf(bytes);
      try {
        const plain = await pdf.text(false);
        if (!plain.trim()) return [unreadable(name, 'pdf-no-text', t('read.file.pdfNoText'))];
        // text positions alone read most printed tables; the drawn borders (costly) only when they do not
        const quick = readText(plain, name);
        if (quick.length && quick.every((r) => complete(r, checkReport, inputOf))) return quick;
        return readText(await pdf.text(true), name);
      } finally {
        await pdf.close();
      }
    }
    const refused = refusedType(ext);
    if (refused) return [unreadable(name, 'refused-type', refused)];
    if (looksBinary(bytes)) return [unreadable(name, 'binary', t('read.file.binary'))];
    const text = decodeText(bytes);
    if (ext === 'json') return readExport(text, name);
    if (ext === 'html' || ext === 'htm' || ext === 'shtml' || /^\s*</.test(text)) return readHtml(text, name);
    return readText(text, name);
  } catch {
    // The library's own words (English, internals) mean nothing to a clerk: say what to do instead.
    const redo = t(ext === 'pdf' ? 'read.file.redoPdf' : 'read.file.redoOffice');
    return [unreadable(name, 'read-failed', t('read.file.failed', { ext: ext || t('read.file.unknownKind'), redo }))];
  }
}
