import { isQuotaError } from './store/write';
import { t } from './i18n';

/**
 * The one place where an exception's own text (JSON.parse, zod, mammoth/JSZip, pdf.js, fetch, DOMException, the
 * extension runtime — English and internal) becomes what the clerk should do, in their language. The original
 * text is never shown.
 */
export function plainError(e: unknown): string {
  const name = String((e as { name?: unknown })?.name ?? '');
  const text = String((e as { message?: unknown })?.message ?? e ?? '');
  if (isQuotaError(e)) return t('error.quota');
  if (Array.isArray((e as { issues?: unknown })?.issues) || name === 'ZodError') return t('error.data');
  if (name === 'SyntaxError' && /JSON|Unexpected|Unterminated|position/i.test(text)) return t('error.json');
  if (/PasswordException|password/i.test(`${name} ${text}`)) return t('error.pdfPassword');
  if (/InvalidPDFException|MissingPDFException|Invalid PDF|FormatError/i.test(`${name} ${text}`)) return t('error.pdf');
  if (/end of central directory|zip file|Corrupted zip|Could not find file|word\/document\.xml/i.test(text)) return t('error.docx');
  if (name === 'AbortError' || name === 'TimeoutError') return t('error.timeout');
  if (/Failed to fetch|NetworkError|Load failed|ERR_/i.test(text)) return t('error.network');
  if (name === 'NotReadableError' || name === 'NotFoundError') return t('error.fileGone');
  if (/Extension context invalidated|Receiving end does not exist|Could not establish connection|message port closed/i.test(text))
    return t('error.reloaded');
  if (name === 'SecurityError' || name === 'NotAllowedError') return t('error.denied');
  return t('error.unknown');
}
