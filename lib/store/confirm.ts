import type { Finding } from '../report';
import { t } from '../i18n';

/**
 * Saving figures that still break a 强制性 rule asks first (issue: a saved wrong total is carried
 * into next year's pre-fill). A pure model: the popup renders it and saves only on `confirm`.
 */
export interface SaveQuestion {
  /** false: nothing 强制性, save without asking. */
  ask: boolean;
  title: string;
  /** One plain line per problem, in the form's own words. */
  problems: string[];
  /** What carrying them into next year means. */
  consequence: string;
  confirm: string;
  cancel: string;
}

export function saveQuestion(findings: readonly Finding[], report: { body: string; year: number }): SaveQuestion {
  const errors = findings.filter((f) => f.severity === 'error');
  const problems = [...new Set(errors.map((f) => f.message))];
  const next = report.year + 1;
  return {
    ask: errors.length > 0,
    title: t('store.confirmTitle', { n: errors.length, body: report.body, year: report.year }),
    problems,
    consequence: t('store.confirmText', { year: report.year, next }),
    confirm: t('store.saveAnyway'),
    cancel: t('store.goBack'),
  };
}
