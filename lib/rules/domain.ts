import { sectionName, type FormatId } from '../formats';
import type { CheckInput, Finding } from '../report';
import { isPlaceholder } from '../read/value';
import type { Compiled } from './compile';
import { defOf, labelOf } from './labels';
import { num } from './messages';
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
      out.push(domain(RULE_OF_KIND[kind], c.format, id, v, `超出合理范围，请核对是否多输了数字`));
    } else if (local && v < 0) {
      // Local tables carry no kinds (a 万元 figure may have decimals): only the sign is certain.
      out.push(domain('DOM-INT', c.format, id, v, `不应为负数`));
    } else if (local) {
      continue;
    } else if (kind === 'count' && !(Number.isInteger(v) && v >= 0)) {
      out.push(domain('DOM-INT', c.format, id, v, `应为不小于0的整数`));
    } else if (kind === 'signed' && !Number.isInteger(v)) {
      out.push(domain('DOM-SIGNED', c.format, id, v, `应为整数（可为负数）`));
    } else if (kind === 'amount' && !(v >= 0)) {
      out.push(domain('DOM-AMT', c.format, id, v, `应为不小于0的金额（万元）`));
    }
  }
  if (blanks.length) out.push(...blankFindings(c, input, blanks));
  return out;
}

const RULE_OF_KIND = { count: 'DOM-INT', signed: 'DOM-SIGNED', amount: 'DOM-AMT' } as const;

function unreadable(format: FormatId, id: string, kind: keyof typeof RULE_OF_KIND, raw: string): Finding {
  const what = kind === 'amount' ? '金额（万元）' : kind === 'signed' ? '整数' : '不小于0的整数';
  return {
    rule: RULE_OF_KIND[kind],
    severity: 'error',
    cells: [id],
    message: `${labelOf(format, id)}：「${raw}」不是可识别的数字，应填${what}`,
  };
}

function domain(rule: string, format: FormatId, id: string, v: number, want: string): Finding {
  return { rule, severity: 'error', cells: [id], actual: v, message: `${labelOf(format, id)}：${num(v)}${want}` };
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

const LIST = 6;
const list = (words: string[]) => (words.length > LIST ? `${words.slice(0, LIST).join('、')}等${words.length}格` : words.join('、'));
const HINT = '空白或“/”按未填处理，相关合计暂不能核对；如实为0请填0';

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
      warn(mine.map((p) => p.id), `${name}尚未填写（${mine.length}格空白）`);
      continue;
    }
    let rest = mine;
    const cols = [...new Set(mine.map((p) => p.col).filter((x): x is string => !!x))];
    for (const col of cols) {
      const inCol = mine.filter((p) => p.col === col);
      const colAll = all.filter((p) => p.col === col);
      if (inCol.length < 3 || inCol.length !== colAll.length) continue;
      warn(inCol.map((p) => p.id), `${name} ${col}列未填写（${inCol.length}格空白）：${HINT}`);
      rest = rest.filter((p) => p.col !== col);
    }
    if (!rest.length) continue;
    const words = rest.map((p) => (p.col ? `${p.row}·${p.col}` : p.row));
    warn(rest.map((p) => p.id), `${name}有${rest.length}格未填写：${list(words)}。${HINT}`);
  }
  return out;
}
