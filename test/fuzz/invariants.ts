import { FORMATS, type FormatId } from '@/lib/formats';
import type { CheckInput, Finding, Report } from '@/lib/report';
import { compiled } from '@/lib/rules/compile';
import { acceptable, inDomain } from '@/lib/rules/suggest';

/** What every output of the project must satisfy, whatever the input: broken ones are named. */

const LOCAL_ID = /^local\.\d+(\.\d+)*$/;
const catalogues = new Map<FormatId, Set<string>>();

export function inCatalogue(format: FormatId, id: string): boolean {
  if (format === 'local') return LOCAL_ID.test(id);
  let ids = catalogues.get(format);
  if (!ids) {
    ids = new Set([...FORMATS[format].cells.map((c) => c.id), ...compiled(format).kinds.keys()]);
    catalogues.set(format, ids);
  }
  return ids.has(id);
}

/** Text a clerk would read: no float noise, exponent, Infinity/NaN or undefined. */
const UGLY = /Infinity|NaN|undefined|\[object |\d\.\d{7,}|\de[+-]\d|[A-Za-z]+Error\b|\berror\b/;

/** What the clerk wrote, quoted back in 「…」 or （…）, is theirs to read as it was. */
const QUOTED = /「[^」]*」|（[^）]*）/g;

export function cleanText(what: string, text: string): string[] {
  return UGLY.test(text.replace(QUOTED, '')) ? [`${what}: unreadable number or word in 「${text.slice(0, 160)}」`] : [];
}

/** Findings of the rule engine (with localisation): ids, messages, and every suggested value. */
export function checkFindings(input: CheckInput, prior: CheckInput | undefined, findings: Finding[]): { broken: string[]; suggestions: number } {
  const broken: string[] = [];
  let suggestions = 0;
  const c = compiled(input.format);
  // Localisation's pair fixes are two findings with one message: they hold together, not alone.
  const together = new Map<string, { cell: string; value: number }[]>();
  for (const f of findings) if (f.expected !== undefined && f.target) together.set(f.message, [...(together.get(f.message) ?? []), { cell: f.target, value: f.expected }]);
  for (const f of findings) {
    for (const id of [...f.cells, ...(f.target ? [f.target] : []), ...(f.missing ?? [])])
      if (!inCatalogue(input.format, id) && !(id in input.values)) broken.push(`cell ${id} outside the catalogue (${f.rule})`);
    broken.push(...cleanText(f.rule, f.message));
    if (f.expected === undefined) continue;
    suggestions++;
    const kind = c.kinds.get(f.target ?? f.cells[0]!) ?? 'count';
    if (!f.target) broken.push(`${f.rule}: a value without a target cell`);
    else if (!inDomain(kind, f.expected)) broken.push(`${f.rule}: ${f.expected} outside the domain of ${f.target} (${kind})`);
    else if (!acceptable(c, input.values, prior?.values, together.get(f.message)!))
      broken.push(`${f.rule}: ${f.target} = ${f.expected} breaks a rule it is in`);
  }
  return { broken, suggestions };
}

/** A read report: known cell ids of its format, values finite or null, problems in words. */
export function checkReportShape(r: Report): string[] {
  const broken: string[] = [];
  if (r.format) for (const id in r.cells) if (!inCatalogue(r.format, id)) broken.push(`read cell ${id} outside the ${r.format} catalogue`);
  for (const id in r.cells) {
    const v = r.cells[id]!.value;
    if (v !== null && !Number.isFinite(v)) broken.push(`read cell ${id} holds ${v}`);
  }
  for (const p of r.problems) broken.push(...cleanText(`problem ${p.code}`, p.message));
  return broken;
}
