import { pdfUnsupported } from '../import';
import { checkDocx, checkFileSize } from '../import/limits';
import { t } from '../i18n';
import { plainError } from '../plain-error';
import { readFile } from '../read/file';
import { isZip } from '../read/kind';
import { baseName } from './files';
import { unzipReports } from './zip';
import type { Report } from '../report';
import type { BatchInput } from './types';

/** A report as it can cross to another thread or into storage: narrative computed, no live elements. */
export function portable(r: Report): Report {
  const cells: Report['cells'] = {};
  for (const [id, c] of Object.entries(r.cells)) {
    const { el: _el, ...loc } = c.loc as typeof c.loc & { el?: Element };
    cells[id] = { ...c, loc };
  }
  const out: Report = { source: r.source, format: r.format, year: r.year, cells, problems: r.problems };
  if (r.body) out.body = r.body;
  if (r.title) out.title = r.title;
  const narrative = r.narrative;
  if (narrative) out.narrative = narrative;
  return out;
}

/** Reads one file of a batch by its name (never throws: what fails becomes the file's reason). */
export async function readBatchFile(name: string, bytes: Uint8Array): Promise<BatchInput> {
  try {
    return { name, reports: (await readFile(bytes, name)).map(portable) };
  } catch (e) {
    return { name, error: t('error.withWhat', { what: t('import.fileUnreadable'), why: plainError(e) }) };
  }
}

/** What the running browser can read: the Chromium 86 (MV2) build ships without pdf.js. */
export interface ReadAbilities {
  pdf?: boolean;
}

/**
 * One added file of a batch → its inputs: a .zip gives one per report file inside, anything else one.
 * The import limits apply first (file size; a .docx's or .zip's directory before inflating); a file
 * over a limit or unreadable becomes an input with its plain reason. Never throws.
 */
export async function readBatchBytes(name: string, bytes: Uint8Array, can: ReadAbilities = {}): Promise<BatchInput[]> {
  const size = checkFileSize(name, bytes.length);
  if (!size.ok) return [{ name, error: size.message }];
  if (/\.zip$/i.test(name)) {
    const zip = unzipReports(name, bytes);
    if (!zip.ok) return [{ name, error: zip.message }];
    const out: BatchInput[] = [];
    for (const f of zip.files) out.push(...(await readBatchBytes(`${name}/${f.name}`, f.bytes, can)));
    return out;
  }
  const file = baseName(name);
  if (/\.docx$/i.test(name) && isZip(bytes)) {
    const zip = checkDocx(file, bytes);
    if (!zip.ok) return [{ name: file, error: zip.message }];
  }
  if (/\.pdf$/i.test(name) && can.pdf === false) return [{ name: file, error: pdfUnsupported() }];
  return [await readBatchFile(file, bytes)];
}
