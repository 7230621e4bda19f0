import type { Finding } from '../report';

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
    title: `本表还有 ${errors.length} 个强制性问题，确定按现在的数字保存「${report.body}」${report.year} 年数据？`,
    problems,
    consequence:
      `保存的数字会成为 ${report.year} 年的正式记录：编辑 ${next} 年年报时，「上年结转」会从这里预填，跨年校验也以这些数字为准，` +
      `上面的错误会被带进 ${next} 年的年报。建议先按提示改正再保存；若已与业务科室核实数字无误，可点「仍然保存」。保存后仍可在设置页的历史版本中恢复原来的数据。`,
    confirm: '仍然保存',
    cancel: '先不保存，回去改正',
  };
}
