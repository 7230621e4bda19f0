import { t } from '@/lib/i18n';

/** Save text or bytes as a file through the browser's download (works in extension pages without extra permissions). */
export function download(name: string, data: string | Blob, mime: string): void {
  const url = URL.createObjectURL(typeof data === 'string' ? new Blob([data], { type: `${mime};charset=utf-8` }) : data);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** File-name-safe text (Windows forbids \ / : * ? " < > |). */
export function safeName(s: string): string {
  return s.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 60) || t('export.fallbackName');
}
