import { FORMATS, supersession, type FormatId } from '@/lib/formats';
import type { CheckInput, Finding } from '../report';
import { t } from '@/lib/i18n';
import { formatTitleOf } from '@/lib/i18n/format-name';
import { num } from './messages';

/** P-FORMAT: a format superseded for the report year, as the format declares it. */
export function formatFinding(input: CheckInput): Finding | undefined {
  const s = supersession(input.format, input.year);
  if (!s) return undefined;
  const words = { year: input.year ?? '', format: formatTitleOf(FORMATS[input.format]), current: formatTitleOf(s.current) };
  return { rule: 'P-FORMAT', severity: s.severity, cells: [], message: t(s.severity === 'error' ? 'rule.formatRetired' : 'rule.formatLocalKept', words) };
}

const REGULATION_CELLS: Partial<Record<FormatId, readonly string[]>> = {
  gov2021: ['active.regulation.issued', 'active.regulation.repealed', 'active.regulation.inForce'],
  gov2019: ['active.regulation.made', 'active.regulation.published', 'active.regulation.publicTotal'],
};

/** Bodies with rule-making power (立法法): 国务院部门, 省级 and 设区的市 people's governments. */
const HAS_POWER = /国务院|^(国家|中华人民共和国)|部$|(省|自治区|市)人民政府(办公厅|办公室)?$/;
const LOCAL_BODY = /县|乡|镇|街道|区|局|委员会|委|办公室|中心|厅|所|站|队/;

/** P-REG (info): 规章 figures that are not 0 for a body that looks unable to make 规章. */
export function regulationFinding(input: CheckInput): Finding | undefined {
  const ids = REGULATION_CELLS[input.format];
  const body = input.body?.trim();
  if (!ids || !body) return undefined;
  if (HAS_POWER.test(body) && !/(县|乡|镇|街道|区)人民政府/.test(body)) return undefined;
  if (!LOCAL_BODY.test(body)) return undefined;
  const nonZero = ids.filter((id) => (input.values[id] ?? 0) !== 0);
  if (!nonZero.length) return undefined;
  return {
    rule: 'P-REG',
    severity: 'info',
    cells: nonZero,
    message: t('rule.regulation', {
      scope: '表二 规章',
      body,
      column: '规章',
      other: '规范性文件',
      values: nonZero.map((id) => num(input.values[id] ?? 0)).join(t('common.enumSeparator')),
    }),
  };
}

/** X-DUP: every figure equal to last year's — usually last year's table copied in. */
export function duplicateFinding(input: CheckInput, prior: CheckInput): Finding | undefined {
  let compared = 0;
  let nonZero = 0;
  for (const id in input.values) {
    const v = input.values[id];
    if (v === null || v === undefined) continue;
    const p = prior.values[id];
    if (p === null || p === undefined) continue;
    if (p !== v) return undefined;
    compared++;
    if (v !== 0) nonZero++;
  }
  if (compared < 5 || nonZero === 0) return undefined;
  return {
    rule: 'X-DUP',
    severity: 'warning',
    cells: [],
    message: t('rule.duplicate', { n: compared, year: prior.year ?? t('rule.priorYear') }),
  };
}
