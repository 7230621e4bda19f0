import { FORMATS } from '@/lib/formats';
import { t } from '@/lib/i18n';
import { checkNarrative } from '@/lib/narrative';
import { bySeverity, type CheckInput, type Finding } from '../report';
import { compiled } from './compile';
import { domainFindings } from './domain';
import { evaluate } from './evaluate';
import { ruleFindings } from './findings';
import { localFindings } from './local';
import { duplicateFinding, formatFinding, regulationFinding } from './plausibility';

export { inputOf } from './input';
export { rulesOf } from '@/lib/formats/rules';

/**
 * Check a report against every rule of its format (and, with `prior`, the cross-year rules).
 * Findings come errors first, then warnings, then info, each in form order. Never throws: an
 * unknown format gives no findings, and data the engine cannot handle gives one info finding.
 */
export function checkReport(input: CheckInput, prior?: CheckInput): Finding[] {
  if (!input || !input.values || !Object.prototype.hasOwnProperty.call(FORMATS, input.format)) return [];
  const last = prior?.values ? prior : undefined;
  try {
    const out = check(input, last);
    return out.length < 2 ? out : out.sort(bySeverity);
  } catch {
    return [{ rule: 'CHECK', severity: 'info', cells: [], message: t('rule.cannotCheck') }];
  }
}

function check(input: CheckInput, prior: CheckInput | undefined): Finding[] {
  const c = compiled(input.format);
  const out: Finding[] = [];
  const superseded = formatFinding(input);
  if (superseded) out.push(superseded);
  out.push(...domainFindings(c, input));
  const ev = evaluate(c, input.values, prior?.values);
  if (ev.outcomes.length) out.push(...ruleFindings(c, input.values, prior?.values, ev.status, ev.outcomes));
  if (input.format === 'local') out.push(...localFindings(input));
  const reg = regulationFinding(input);
  if (reg) out.push(reg);
  if (input.narrative) out.push(...checkNarrative(input.narrative, input));
  const dup = prior && duplicateFinding(input, prior);
  if (dup) out.push(dup);
  return out;
}
