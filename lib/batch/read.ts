import { t } from '../i18n';
import { plainError } from '../plain-error';
import { readFile } from '../read/file';
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
