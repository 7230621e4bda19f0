import { readFile, readHtml, readText } from '../read';
import type { Report } from '../report';
import { valuesOf } from '../report';
import { normalizeBody, parseCsv, parseJson, saveReport, type KV, type NewReport, type ParsedFile, type Saved } from '../store';
import { decodeHtml, decodeText } from '../read/decode';
import type { Fetched } from './fetch-page';
import { fileKind } from '../read/kind';
import { checkDocx, checkFileSize, checkTextSize } from './limits';
import { preview, type Candidate } from './preview';
import { t } from '../i18n';

export { ACCEPTED, fileKind } from '../read/kind';
export { decodeHtml, decodeText } from '../read/decode';
export { fetchPage, originPattern, parseAddress } from './fetch-page';
export { fetchWithAccess, type HostPermissions } from './host-access';
export { preview, type Candidate } from './preview';

/**
 * Turning what the user has of last year (a file, a fetched page, pasted text) into saved-report
 * candidates through the reader, and checking them against this year's report before saving.
 */

export type ImportInput =
  | { kind: 'file'; name: string; bytes: Uint8Array }
  | { kind: 'page'; page: Fetched }
  | { kind: 'text'; text: string };

/** This year's report the import is for: the page the user came from (all optional from the options page). */
export interface ImportTarget {
  site: string;
  body?: string | null;
  year?: number | null;
}

export type ImportResult = { ok: true; candidates: Candidate[] } | { ok: false; message: string };

/** What the running browser can read; the Chromium 86 (MV2) build ships without pdf.js. */
export interface ImportAbilities {
  pdf?: boolean;
  /** Reads a file's or page's bytes (an extension page hands this to a Web Worker); readImportBytes by default. */
  read?: ImportReader;
}

/** A file's or page's bytes, already within the limits, to the reports in it. */
export type ImportReader = (job: ReadJob) => Promise<Report[]>;

export interface ReadJob {
  name: string;
  bytes: Uint8Array;
  /** html: decoded by its declared charset (`contentType` of a fetched page); other: by its name and bytes. */
  as: 'html' | 'file';
  contentType?: string | null;
}

/** The reading an import does: the part that takes long on a big .docx or PDF. */
export async function readImportBytes(job: ReadJob): Promise<Report[]> {
  return job.as === 'html' ? toList(await readHtml(decodeHtml(job.bytes, job.contentType), job.name)) : readFile(job.bytes, job.name);
}

/** Said when the running browser cannot read PDF (read when shown, so it follows the locale). */
export const pdfUnsupported = () => t('import.pdfUnsupported');

const pasted = () => t('import.pasted');

export async function importFrom(input: ImportInput, target: ImportTarget, can: ImportAbilities = {}): Promise<ImportResult> {
  try {
    return await importUnsafe(input, target, can.pdf !== false, can.read ?? readImportBytes);
  } catch {
    // A library's exception text (English, internals) is no help to a clerk.
    return { ok: false, message: t('import.failed') };
  }
}

async function importUnsafe(input: ImportInput, target: ImportTarget, pdf: boolean, read: ImportReader): Promise<ImportResult> {
  // Never the body: a file that names no office is asked about (ImportView), not taken as the clerk's own.
  const defaults = { site: target.site, ...(target.year ? { year: target.year - 1 } : {}) };
  if (input.kind === 'text') {
    const text = input.text.trim();
    if (!text) return { ok: false, message: t('import.pasteFirst') };
    const fits = checkTextSize(text);
    if (!fits.ok) return fits;
    if (/^[{[]/.test(text)) return fromParsed(parseJson(text, defaults));
    if (/<table[\s>]/i.test(text)) return fromReports(toList(await readHtml(text, pasted())), target, pasted());
    return fromReports(toList(await readText(text, pasted())), target, pasted());
  }
  if (input.kind === 'page') {
    const { page } = input;
    const fits = checkFileSize(page.url, page.bytes.length);
    if (!fits.ok) return fits;
    const isPdf = /application\/pdf/i.test(page.contentType ?? '') || String.fromCharCode(...page.bytes.subarray(0, 5)) === '%PDF-';
    if (isPdf && !pdf) return { ok: false, message: pdfUnsupported() };
    if (isPdf) return fromReports(await read({ name: nameOf(page.url, 'pdf'), bytes: page.bytes, as: 'file' }), target, page.url);
    if (page.contentType && !/html|xml|text\/plain/i.test(page.contentType))
      return { ok: false, message: t('import.notHtml', { url: page.url }) };
    return fromReports(await read({ name: page.url, bytes: page.bytes, as: 'html', contentType: page.contentType }), target, page.url);
  }
  const fits = checkFileSize(input.name, input.bytes.length);
  if (!fits.ok) return fits;
  const kind = fileKind(input.name, input.bytes);
  if (!kind.ok) return kind;
  if (kind.kind === 'docx') {
    const zip = checkDocx(input.name, input.bytes);
    if (!zip.ok) return zip;
  }
  if (kind.kind === 'pdf' && !pdf) return { ok: false, message: pdfUnsupported() };
  if (kind.kind === 'json') return fromParsed(parseJson(decodeText(input.bytes), defaults));
  if (kind.kind === 'csv') return fromParsed(parseCsv(decodeText(input.bytes), defaults));
  return fromReports(await read({ name: input.name, bytes: input.bytes, as: kind.kind === 'html' ? 'html' : 'file' }), target, input.name);
}

function nameOf(url: string, ext: string): string {
  const last = decodeURIComponent(new URL(url).pathname.split('/').pop() || 'report');
  return last.toLowerCase().endsWith(`.${ext}`) ? last : `${last}.${ext}`;
}

function toList(r: Report | Report[] | null | undefined): Report[] {
  return r == null ? [] : Array.isArray(r) ? r : [r];
}

function fromParsed(parsed: ParsedFile): ImportResult {
  if (!parsed.reports.length) return { ok: false, message: parsed.problems.join(t('common.listSeparator')) || t('import.nothingToImport') };
  return { ok: true, candidates: parsed.reports.map(({ version: _v, ...r }) => preview(r, parsed.problems)) };
}

function fromReports(reports: Report[], target: ImportTarget, source: string): ImportResult {
  const usable = reports.filter((r) => r.format && Object.values(r.cells).some((c) => c.value !== null));
  if (!usable.length) {
    const why = reports.flatMap((r) => r.problems.map((p) => p.message));
    return { ok: false, message: t('import.noTable', { source, why: why.length ? t('import.noTableWhy', { why: [...new Set(why)].join(t('common.listSeparator')) }) : '' }) };
  }
  return {
    ok: true,
    candidates: usable.map((r) => {
      const report: NewReport = {
        site: target.site,
        body: r.body?.trim() || '',
        year: r.year ?? (target.year ? target.year - 1 : NaN),
        format: r.format!,
        values: valuesOf(r),
        source: r.source || source,
        ...(r.title ? { title: r.title } : {}),
      };
      return preview(report, r.problems.map((p) => p.message));
    }),
  };
}

/**
 * Why this candidate cannot be saved as last year of the target, or null when it can.
 * Refused: no body or year; the same year as this one or later; another body.
 */
export function refusal(report: NewReport, target: ImportTarget): string | null {
  if (!report.body.trim()) return t('import.needBody');
  if (!Number.isInteger(report.year) || report.year < 1990 || report.year > 2200) return t('import.needYear');
  if (target.year && report.year === target.year)
    return t('import.sameYear', { year: report.year, prior: target.year - 1 });
  if (target.year && report.year > target.year)
    return t('import.laterYear', { year: report.year, target: target.year, prior: target.year - 1 });
  if (target.body && normalizeBody(report.body) !== normalizeBody(target.body))
    return t('import.otherBody', { body: report.body, own: target.body });
  return null;
}

export type SaveOutcome = ({ ok: true; message: string } & Saved) | { ok: false; message: string };

/** Save a previewed candidate (after the user confirmed it); refuses and changes nothing on refusal. */
export async function saveCandidate(kv: KV, report: NewReport, target: ImportTarget): Promise<SaveOutcome> {
  const why = refusal(report, target);
  if (why) return { ok: false, message: why };
  const saved = await saveReport(kv, { ...report, site: target.site || report.site });
  if (!saved.ok) return saved;
  const what = t('store.what', { body: report.body, year: report.year });
  return { ok: true, ...saved.value, message: saved.value.replaced ? t('import.replaced', { what }) : t('import.saved', { what }) };
}
