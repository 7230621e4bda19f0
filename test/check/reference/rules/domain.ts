import { sectionName, type FormatId } from '@/lib/formats';
import type { CheckInput, Finding } from '../report';
import { t, type MessageKey } from '@/lib/i18n';
import { isPlaceholder } from '@/lib/read/value';
import type { Compiled } from './compile';
import { defOf, labelOf } from './labels';
import { listCells, num } from './messages';
import { LIMIT } from './suggest';

/**
 * DOM-INT / DOM-SIGNED / DOM-AMT (error) per cell, and DOM-BLANK (warning) grouped so that an
 * empty table says so once: one finding per fully blank section, per fully blank column, and
 * per row for the remaining blanks.
 */
export function domainFindings(c: Compiled, input: CheckInput): Finding[] {
  const out: Finding[] = [];
  const blanks: string[] = [];
  const values = input.values;
  const local = c.format === 'local';
  for (const id in values) {
    const kind = c.kinds.get(id) ?? (c.format === 'local' && id.startsWith('local.') ? 'count' : undefined);
    if (!kind) continue;
    const v = values[id];
    if (v === null || v === undefined || !Number.isFinite(v)) {
      const raw = input.raw?.[id];
      if (raw !== undefined && !isPlaceholder(raw)) out.push(unreadable(c.format, id, kind, raw));
      else blanks.push(id);
      continue;
    }
    if (Math.abs(v) > LIMIT) {
      out.push(domain(RULE_OF_KIND[kind], c.format, id, v, 'domain.tooBig'));
    } else if (local && v < 0) {
      // Local tables carry no kinds (a 万元 figure may have decimals): only the sign is certain.
      out.push(domain('DOM-INT', c.format, id, v, 'domain.negative'));
    } else if (local) {
      continue;
    } else if (kind === 'count' && !(Number.isInteger(v) && v >= 0)) {
      out.push(domain('DOM-INT', c.format, id, v, 'domain.count'));
    } else if (kind === 'signed' && !Number.isInteger(v)) {
      out.push(domain('DOM-SIGNED', c.format, id, v, 'domain.signed'));
    } else if (kind === 'amount' && !(v >= 0)) {
      out.push(domain('DOM-AMT', c.format, id, v, 'domain.amount'));
    }
  }
  if (blanks.length) out.push(...blankFindings(c, input, blanks));
  return out;
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

function placeOf(format: FormatId, id: string): Place {
  const d = defOf(format, id);
  if (!d) return { id, section: '表', row: id, col: undefined };
  return { id, section: d.section, row: d.group ? `${d.group}·${d.row}` : d.row, col: d.col };
}


function blankFindings(c: Compiled, input: CheckInput, blanks: string[]): Finding[] {
  const out: Finding[] = [];
  const present = Object.keys(input.values).map((id) => placeOf(c.format, id));
  const places = blanks.map((id) => placeOf(c.format, id));
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
