import { sectionName, type FormatId } from '../formats';
import type { CheckInput, Finding } from '../report';
import { currentLocale, t, type MessageKey } from '../i18n';
import { isPlaceholder } from '../read/value';
import type { Compiled } from './compile';
import { defOf, labelOf } from './labels';
import { listCells, num } from './messages';
import { LIMIT } from './suggest';

/**
 * DOM-INT / DOM-SIGNED / DOM-AMT (error) per cell, and DOM-BLANK (warning) grouped so that an
 * empty table says so once: one finding per fully blank section, per fully blank column, and
 * per row for the remaining blanks. lib/rules/incremental puts them together for a report.
 */

/** What `cellDomain` says of a blank cell: DOM-BLANK words blanks together (`blankFindings`). */
export const BLANK = 'blank';

/** What one cell's value says on its own: its DOM-* error, BLANK, or nothing (null). */
export function cellDomain(c: Compiled, id: string, v: number | null | undefined, raws: CheckInput['raw']): Finding | typeof BLANK | null {
  // A whole figure ≥ 0 fits every kind: most cells, so they skip the look-up of their kind.
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= LIMIT) return null;
  const local = c.format === 'local';
  const kind = c.kinds.get(id) ?? (local && id.startsWith('local.') ? 'count' : undefined);
  if (!kind) return null;
  if (v === null || v === undefined || !Number.isFinite(v)) {
    const raw = raws?.[id];
    return raw !== undefined && !isPlaceholder(raw) ? unreadable(c.format, id, kind, raw) : BLANK;
  }
  if (Math.abs(v) > LIMIT) return domain(RULE_OF_KIND[kind], c.format, id, v, 'domain.tooBig');
  // Local tables carry no kinds (a 万元 figure may have decimals): only the sign is certain.
  if (local) return v < 0 ? domain('DOM-INT', c.format, id, v, 'domain.negative') : null;
  if (kind === 'count' && !(Number.isInteger(v) && v >= 0)) return domain('DOM-INT', c.format, id, v, 'domain.count');
  if (kind === 'signed' && !Number.isInteger(v)) return domain('DOM-SIGNED', c.format, id, v, 'domain.signed');
  if (kind === 'amount' && !(v >= 0)) return domain('DOM-AMT', c.format, id, v, 'domain.amount');
  return null;
}

const RULE_OF_KIND = { count: 'DOM-INT', signed: 'DOM-SIGNED', amount: 'DOM-AMT' } as const;

function unreadable(format: FormatId, id: string, kind: keyof typeof RULE_OF_KIND, raw: string): Finding {
  return {
    rule: RULE_OF_KIND[kind],
    severity: 'error',
    cells: [id],
    message: t('domain.unreadable', { cell: labelOf(format, id), raw, want: t(`domain.want.${kind}`) }),
  };
}

function domain(rule: string, format: FormatId, id: string, v: number, say: MessageKey): Finding {
  return { rule, severity: 'error', cells: [id], actual: v, message: t(say, { cell: labelOf(format, id), value: num(v) }) };
}

interface Place {
  id: string;
  section: string;
  row: string;
  col: string | undefined;
}

/** Places by locale and format (a subtotal row's words depend on the locale). */
const placesByLocale = new Map<string, Map<string, Place>>();

/** Where each cell of the format is, in the current locale's words. */
function placesOf(format: FormatId): (id: string) => Place {
  const key = `${currentLocale()}|${format}`;
  let known = placesByLocale.get(key);
  if (!known) placesByLocale.set(key, (known = new Map()));
  return (id) => {
    let p = known.get(id);
    if (!p) known.set(id, (p = place(format, id)));
    return p;
  };
}

function place(format: FormatId, id: string): Place {
  const d = defOf(format, id);
  if (!d) return { id, section: '表', row: id, col: undefined };
  return { id, section: d.section, row: d.group ? `${d.group}·${d.row}` : d.row, col: d.col };
}


/** DOM-BLANK: the blank cells (in the report's order) said once per fully blank section or column, then per row. */
export function blankFindings(c: Compiled, input: CheckInput, blanks: string[]): Finding[] {
  const out: Finding[] = [];
  const placeOf = placesOf(c.format);
  const present = Object.keys(input.values).map(placeOf);
  const places = blanks.map(placeOf);
  const sections = [...new Set(places.map((p) => p.section))];
  for (const s of sections) {
    const name = sectionName(c.format, s);
    const mine = places.filter((p) => p.section === s);
    const all = present.filter((p) => p.section === s);
    const warn = (cells: string[], message: string): void => {
      out.push({ rule: 'DOM-BLANK', severity: 'warning', cells, missing: cells, message });
    };
    if (mine.length === all.length) {
      warn(mine.map((p) => p.id), t('domain.sectionBlank', { section: name, n: mine.length }));
      continue;
    }
    let rest = mine;
    const cols = [...new Set(mine.map((p) => p.col).filter((x): x is string => !!x))];
    for (const col of cols) {
      const inCol = mine.filter((p) => p.col === col);
      const colAll = all.filter((p) => p.col === col);
      if (inCol.length < 3 || inCol.length !== colAll.length) continue;
      warn(inCol.map((p) => p.id), t('domain.columnBlank', { section: name, col, n: inCol.length, hint: t('domain.blankHint') }));
      rest = rest.filter((p) => p.col !== col);
    }
    if (!rest.length) continue;
    const words = rest.map((p) => (p.col ? `${p.row}·${p.col}` : p.row));
    warn(rest.map((p) => p.id), t('domain.cellsBlank', { section: name, n: rest.length, cells: listCells(words, 6), hint: t('domain.blankHint') }));
  }
  return out;
}
