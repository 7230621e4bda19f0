import type { Request } from '../messages';

/** Requests from the popup, checked plainly (the content script stays free of zod). */

const TYPES = new Set(['state', 'reveal', 'prefill-plan', 'prefill-apply', 'prefill-undo', 'apply-fix', 'site-enabled', 'next-problem', 'confirm', 'unconfirm']);

export function isRequest(m: unknown): m is Request {
  if (!m || typeof m !== 'object') return false;
  const r = m as Record<string, unknown>;
  if (typeof r.type !== 'string' || !TYPES.has(r.type)) return false;
  switch (r.type) {
    case 'reveal':
      return typeof r.cell === 'string';
    case 'apply-fix':
      return typeof r.cell === 'string' && typeof r.value === 'number' && Number.isFinite(r.value);
    case 'prefill-apply':
      return (
        Array.isArray(r.items) &&
        r.items.every((i) => i && typeof i.cell === 'string' && typeof i.value === 'number' && Number.isFinite(i.value))
      );
    case 'prefill-plan':
      return (r.year === undefined || (typeof r.year === 'number' && Number.isInteger(r.year))) && (r.body === undefined || typeof r.body === 'string');
    case 'confirm':
      return typeof r.rule === 'string' && strings(r.cells) && typeof r.note === 'string';
    case 'unconfirm':
      return typeof r.rule === 'string' && strings(r.cells);
    case 'site-enabled':
      return typeof r.enabled === 'boolean';
    default:
      return true;
  }
}

const strings = (x: unknown): x is string[] => Array.isArray(x) && x.every((c) => typeof c === 'string');
