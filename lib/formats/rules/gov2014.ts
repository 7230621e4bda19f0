import { FORMATS } from '../index';
import type { SumRule } from '../rule-types';

/** gov2014: parents = Σ numbered children (C-H1…C-H11), 其中 ≤ parent (C-H13), soft checks (C-S*). */

const c = (s: string) => `c.${s}`;

const SUMS: readonly [string, string, readonly string[]][] = [
  ['C-H1', 'channels.total', ['channels.gazette', 'channels.website', 'channels.weibo', 'channels.wechat', 'channels.other']],
  ['C-H2', 'proposals.total', ['proposals.npc', 'proposals.cppcc']],
  ['C-H3', 'response.total', ['response.hotspots', 'response.channels.total']],
  ['C-H4', 'response.channels.total', ['response.channels.pressConf', 'response.channels.interview', 'response.channels.policyExplain', 'response.channels.social', 'response.channels.other']],
  ['C-H5', 'apply.received.total', ['apply.received.inPerson', 'apply.received.fax', 'apply.received.online', 'apply.received.letter']],
  ['C-H6', 'apply.closed.total', ['apply.closed.onTime', 'apply.closed.extended']],
  ['C-H7', 'apply.answered.total', ['apply.answered.alreadyPublic', 'apply.answered.granted', 'apply.answered.partial', 'apply.answered.refused.total', 'apply.answered.notOurs', 'apply.answered.notExist', 'apply.answered.supplement', 'apply.answered.otherChannel']],
  ['C-H8', 'apply.answered.refused.total', ['apply.answered.refused.stateSecret', 'apply.answered.refused.commercialSecret', 'apply.answered.refused.privacy', 'apply.answered.refused.safety', 'apply.answered.refused.notGovInfo', 'apply.answered.refused.otherLaw']],
  ['C-H9', 'review.total', ['review.upheld', 'review.corrected', 'review.other']],
  ['C-H10', 'suit.total', ['suit.upheld', 'suit.corrected', 'suit.other']],
  ['C-H11', 'org.staff.total', ['org.staff.fullTime', 'org.staff.partTime']],
];

/** 其中 rows and their parents. */
const WITHIN: readonly [string, string][] = [
  ['active.normativePublished', 'active.total'],
  ['response.channels.pressConfLeader', 'response.channels.pressConf'],
  ['response.channels.interviewLeader', 'response.channels.interview'],
];

const SOFT: readonly [string, string, SumRule['op'], string][] = [
  ['C-S1', 'channels.total', '>=', 'active.total'],
  ['C-S2', 'apply.closed.total', '<=', 'apply.received.total'],
  ['C-S3', 'apply.answered.total', '=', 'apply.closed.total'],
  ['C-S4', 'meetings.trainees', '>=', 'meetings.trainings'],
];

export function gov2014Rules(): SumRule[] {
  const out: SumRule[] = [];
  for (const [rule, parent, kids] of SUMS) {
    out.push({ rule, kind: 'total', severity: 'error', scope: '统计表', left: [c(parent)], op: '=', right: kids.map(c) });
  }
  for (const [kid, parent] of WITHIN) {
    out.push({ rule: 'C-H13', kind: 'part', severity: 'error', scope: '统计表', left: [c(kid)], op: '<=', right: [c(parent)] });
  }
  for (const [rule, left, op, right] of SOFT) {
    out.push({ rule, kind: 'plausible', severity: 'warning', scope: '统计表', left: [c(left)], op, right: [c(right)] });
  }
  // 历年累计 (optional second value column) can never be below this year's figure.
  for (const cell of FORMATS.gov2014.cells) {
    out.push({ rule: 'C-CUM', kind: 'cumulative', severity: 'error', scope: '统计表 历年累计', left: [`${cell.id}.cumulative`], op: '>=', right: [cell.id] });
  }
  return out;
}
