import { APPEAL_GROUPS, APPLICANT_COL_IDS, resultRowIds } from '@/lib/formats/apply-sections';
import type { FormatId } from '@/lib/formats';
import type { CheckInput, Values } from '@/lib/report';

/** Deterministic generator of consistent reports (and their prior year) for tests and bench. */

export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

/** Realistic counts: mostly 0, a long tail. */
function count(r: () => number): number {
  const x = r();
  if (x < 0.55) return 0;
  if (x < 0.85) return 1 + Math.floor(r() * 9);
  if (x < 0.97) return 10 + Math.floor(r() * 90);
  return 100 + Math.floor(r() * 2000);
}

function applyAppeal(r: () => number, v: Values, otherSplit: boolean): void {
  const rows = resultRowIds(otherSplit);
  const sumRow = (row: string) => APPLICANT_COL_IDS.reduce((a, c) => a + (v[`apply.${row}.${c}`] as number), 0);
  for (const c of APPLICANT_COL_IDS) {
    let total = 0;
    for (const row of rows) {
      const x = count(r);
      v[`apply.${row}.${c}`] = x;
      total += x;
    }
    const cf = count(r);
    const carried = Math.floor(r() * (total + cf + 1));
    v[`apply.total.${c}`] = total;
    v[`apply.carryForward.${c}`] = cf;
    v[`apply.carried.${c}`] = carried;
    v[`apply.new.${c}`] = total + cf - carried;
  }
  for (const row of ['new', 'carried', ...rows, 'total', 'carryForward']) v[`apply.${row}.total`] = sumRow(row);
  for (const g of APPEAL_GROUPS) {
    let t = 0;
    for (const res of ['upheld', 'corrected', 'other', 'pending']) {
      const x = count(r);
      v[`appeal.${g.id}.${res}`] = x;
      t += x;
    }
    v[`appeal.${g.id}.total`] = t;
  }
}

function gov2021(r: () => number): { values: Values; prior: Values } {
  const v: Values = {};
  const p: Values = {};
  for (const row of ['regulation', 'normative']) {
    const issued = count(r);
    const repealed = count(r);
    const inForce = issued + count(r);
    v[`active.${row}.issued`] = issued;
    v[`active.${row}.repealed`] = repealed;
    v[`active.${row}.inForce`] = inForce;
    p[`active.${row}.inForce`] = inForce - issued + repealed;
  }
  for (const row of ['license', 'penalty', 'coercion']) v[`active.${row}.decisions`] = count(r);
  v['active.fee.amount'] = Math.round(r() * 10000) / 100;
  applyAppeal(r, v, true);
  return { values: v, prior: p };
}

function gov2019(r: () => number): { values: Values; prior: Values } {
  const v: Values = {};
  const p: Values = {};
  for (const row of ['regulation', 'normative']) for (const c of ['made', 'published', 'publicTotal']) v[`active.${row}.${c}`] = count(r);
  for (const row of ['license', 'otherService', 'penalty', 'coercion', 'fee']) {
    const prevPrev = count(r) + 5;
    const prevDelta = Math.floor(r() * 11) - 5;
    p[`active.${row}.prevItems`] = prevPrev;
    p[`active.${row}.delta`] = prevDelta;
    v[`active.${row}.prevItems`] = prevPrev + prevDelta;
    v[`active.${row}.delta`] = Math.floor(r() * 11) - 5;
    if (row !== 'fee') v[`active.${row}.decisions`] = count(r);
  }
  v['active.procurement.items'] = count(r);
  v['active.procurement.amount'] = Math.round(r() * 100000) / 100;
  applyAppeal(r, v, false);
  return { values: v, prior: p };
}

function sumInto(r: () => number, v: Values, parent: string, kids: string[]): number {
  let t = 0;
  for (const k of kids) {
    const x = count(r);
    v[k] = x;
    t += x;
  }
  v[parent] = t;
  return t;
}

/** Split n into the given cells. */
function splitInto(r: () => number, v: Values, n: number, kids: string[]): void {
  let left = n;
  kids.forEach((k, i) => {
    const x = i === kids.length - 1 ? left : Math.floor(r() * (left + 1));
    v[k] = x;
    left -= x;
  });
}

function gov2014(r: () => number): { values: Values; prior: Values } {
  const v: Values = {};
  const c = (s: string) => `c.${s}`;
  const ch = sumInto(r, v, c('channels.total'), ['gazette', 'website', 'weibo', 'wechat', 'other'].map((k) => c(`channels.${k}`)));
  v[c('active.total')] = Math.floor(r() * (ch + 1));
  v[c('active.normativePublished')] = Math.floor(r() * ((v[c('active.total')] as number) + 1));
  v[c('active.normativeIssued')] = count(r);
  sumInto(r, v, c('proposals.total'), [c('proposals.npc'), c('proposals.cppcc')]);
  const rc = sumInto(r, v, c('response.channels.total'), ['pressConf', 'interview', 'policyExplain', 'social', 'other'].map((k) => c(`response.channels.${k}`)));
  const hot = count(r);
  v[c('response.hotspots')] = hot;
  v[c('response.total')] = hot + rc;
  v[c('response.channels.pressConfLeader')] = Math.floor(r() * ((v[c('response.channels.pressConf')] as number) + 1));
  v[c('response.channels.interviewLeader')] = Math.floor(r() * ((v[c('response.channels.interview')] as number) + 1));
  const refused = sumInto(r, v, c('apply.answered.refused.total'), ['stateSecret', 'commercialSecret', 'privacy', 'safety', 'notGovInfo', 'otherLaw'].map((k) => c(`apply.answered.refused.${k}`)));
  let answered = refused;
  for (const k of ['alreadyPublic', 'granted', 'partial', 'notOurs', 'notExist', 'supplement', 'otherChannel']) {
    const x = count(r);
    v[c(`apply.answered.${k}`)] = x;
    answered += x;
  }
  v[c('apply.answered.total')] = answered;
  v[c('apply.closed.total')] = answered;
  splitInto(r, v, answered, [c('apply.closed.onTime'), c('apply.closed.extended')]);
  const received = answered + count(r);
  v[c('apply.received.total')] = received;
  splitInto(r, v, received, ['inPerson', 'fax', 'online', 'letter'].map((k) => c(`apply.received.${k}`)));
  sumInto(r, v, c('review.total'), ['upheld', 'corrected', 'other'].map((k) => c(`review.${k}`)));
  sumInto(r, v, c('suit.total'), ['upheld', 'corrected', 'other'].map((k) => c(`suit.${k}`)));
  v[c('complaints')] = count(r);
  v[c('fees')] = Math.round(r() * 1000) / 100;
  v[c('org.units')] = count(r);
  v[c('org.readingPoints')] = count(r);
  sumInto(r, v, c('org.staff.total'), [c('org.staff.fullTime'), c('org.staff.partTime')]);
  v[c('org.budget')] = Math.round(r() * 1000) / 100;
  v[c('meetings.meetings')] = count(r);
  const tr = count(r);
  v[c('meetings.trainings')] = tr;
  v[c('meetings.trainees')] = tr + count(r);
  return { values: v, prior: {} };
}

const GEN = { gov2021, gov2019, gov2014 } as const;
const YEAR = { gov2021: 2023, gov2019: 2020, gov2014: 2016 } as const;

/** A consistent report of the format and a prior year agreeing with it on every cross-year rule. */
export function consistent(format: keyof typeof GEN, seed: number): { input: CheckInput; prior: CheckInput } {
  const r = rng(seed);
  const { values, prior } = GEN[format](r);
  const year = YEAR[format];
  // Last year's 结转下年度 is this year's 上年结转 (X-CARRY).
  for (const id in values) if (id.startsWith('apply.carried.')) prior[id.replace('carried', 'carryForward')] = values[id]!;
  return {
    input: { format: format as FormatId, year, values, body: '上海市人民政府办公厅' },
    prior: { format: format as FormatId, year: year - 1, values: prior },
  };
}

/** Cells of kind count in a values map (those a property test may perturb). */
export function countCells(values: Values, kinds: (id: string) => string | undefined): string[] {
  return Object.keys(values).filter((id) => kinds(id) === 'count');
}
