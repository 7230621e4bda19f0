import { APPEAL_GROUPS, APPEAL_RESULTS, APPLICANT_COL_IDS, APPLY_COL_IDS, resultRowIds } from '@/lib/formats/apply-sections';
import type { TypoKind } from '@/lib/locate';
import type { CheckInput, Values } from '@/lib/report';

/**
 * Seeded synthetic gov2021 reports for the localisation tests and benchmark: consistent tables
 * with realistic values (many zeros, long tails), and typing errors injected the way people make
 * them (Scholtus 2009: mostly a replaced digit; swapped, inserted or dropped digits more rarely).
 */

export type Rand = () => number;

/** mulberry32: small, seeded, good enough for simulation. */
export function seeded(seed: number): Rand {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: Rand, xs: ArrayLike<T>): T => xs[Math.floor(r() * xs.length)]!;
const gauss = (r: Rand) => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());

/** Share of each applicant column: most requests come from 自然人, some from 商业企业, few from the rest. */
const COL_SHARE: Record<string, number> = {
  natural: 0.85,
  commercial: 0.08,
  research: 0.01,
  nonprofit: 0.01,
  legal: 0.03,
  otherOrg: 0.02,
};

/** How often each result row is used, relative (予以公开 and 不掌握 dominate; 国家秘密 is rare). */
const ROW_WEIGHT: Record<string, number> = {
  granted: 0.4,
  partial: 0.08,
  'withheld.stateSecret': 0.003,
  'withheld.lawForbidden': 0.005,
  'withheld.threeSafety': 0.005,
  'withheld.thirdParty': 0.01,
  'withheld.internal': 0.01,
  'withheld.process': 0.02,
  'withheld.enforcement': 0.005,
  'withheld.query': 0.02,
  'unable.notHeld': 0.25,
  'unable.needCreate': 0.03,
  'unable.unclear': 0.03,
  'ignored.complaint': 0.03,
  'ignored.repeat': 0.03,
  'ignored.publication': 0.005,
  'ignored.massive': 0.005,
  'ignored.confirm': 0.01,
  'other.overdueSupplement': 0.03,
  'other.overdueFee': 0.002,
  'other.misc': 0.03,
};

/** A count around `mean` with a long tail, 0 often when the mean is small. */
function count(r: Rand, mean: number): number {
  if (mean <= 0) return 0;
  return Math.max(0, Math.round(mean * Math.exp(1.1 * gauss(r) - 0.6)));
}

export const RESULT_ROWS = resultRowIds(true);
export const APPLY_ROWS = ['new', 'carried', ...RESULT_ROWS, 'total', 'carryForward'];
export const APPLY_CELLS = APPLY_ROWS.flatMap((row) => APPLY_COL_IDS.map((c) => `apply.${row}.${c}`));
export const APPEAL_CELLS = APPEAL_GROUPS.flatMap((g) => APPEAL_RESULTS.map((x) => `appeal.${g.id}.${x.id}`));
/** Cells a clerk types (not totals): 新收/上年结转/办理结果/结转下年度 × the six applicant columns. */
export const APPLY_LEAVES = ['new', 'carried', ...RESULT_ROWS, 'carryForward'].flatMap((row) =>
  APPLICANT_COL_IDS.map((c) => `apply.${row}.${c}`),
);

/** A complete, consistent gov2021 report. */
export function consistentReport(r: Rand, year = 2023): CheckInput {
  const v: Values = {};
  // Bodies range from a township with no requests to a large bureau with thousands.
  const size = r() < 0.12 ? 0 : Math.exp(Math.log(2000) * r() ** 1.3);
  for (const c of APPLICANT_COL_IDS) {
    const volume = size * COL_SHARE[c]! * Math.exp(0.5 * gauss(r));
    let total = 0;
    for (const row of RESULT_ROWS) {
      const x = count(r, volume * ROW_WEIGHT[row]!);
      v[`apply.${row}.${c}`] = x;
      total += x;
    }
    const cf = r() < 0.5 ? 0 : Math.floor(total * 0.15 * r());
    const carried = r() < 0.5 ? 0 : Math.floor(total * 0.2 * r());
    v[`apply.total.${c}`] = total;
    v[`apply.carryForward.${c}`] = cf;
    v[`apply.carried.${c}`] = carried;
    v[`apply.new.${c}`] = total + cf - carried;
  }
  for (const row of APPLY_ROWS) {
    v[`apply.${row}.total`] = APPLICANT_COL_IDS.reduce((s, c) => s + (v[`apply.${row}.${c}`] as number), 0);
  }
  for (const g of APPEAL_GROUPS) {
    const mean = r() < 0.5 ? 0 : 1 + size * 0.01;
    let t = 0;
    for (const res of ['upheld', 'corrected', 'other', 'pending']) {
      const x = r() < 0.4 ? 0 : count(r, mean * (res === 'upheld' ? 2 : 0.6));
      v[`appeal.${g.id}.${res}`] = x;
      t += x;
    }
    v[`appeal.${g.id}.total`] = t;
  }
  for (const row of ['regulation', 'normative']) {
    const issued = row === 'regulation' && r() < 0.8 ? 0 : count(r, 8);
    v[`active.${row}.issued`] = issued;
    v[`active.${row}.repealed`] = count(r, issued * 0.3);
    v[`active.${row}.inForce`] = issued + count(r, 40);
  }
  for (const row of ['license', 'penalty', 'coercion']) v[`active.${row}.decisions`] = count(r, size * 3);
  v['active.fee.amount'] = r() < 0.8 ? 0 : Math.round(r() * 5000) / 100;
  return { format: 'gov2021', year, values: v };
}

/** Scholtus 2009, §6: 112 replaced, 15 dropped, 14 swapped, 11 inserted digits. */
const KINDS: readonly [TypoKind, number][] = [
  ['replace', 112],
  ['drop', 15],
  ['swap', 14],
  ['insert', 11],
];

function kindOf(r: Rand): TypoKind {
  let x = r() * 152;
  for (const [k, w] of KINDS) if ((x -= w) < 0) return k;
  return 'replace';
}

const DIGITS = '0123456789';

/**
 * What a clerk types instead of `value` after one slip, read back as a number (leading zeros
 * vanish: 105 with the 1 dropped reads 5). A 0 typed as 3 is a replaced digit. Slips that leave the
 * number unchanged (swapping 11, inserting a leading 0) or the cell empty are retried.
 */
export function typo(r: Rand, value: number): { typed: number; kind: TypoKind } {
  const s = String(value);
  for (;;) {
    const kind = kindOf(r);
    const i = Math.floor(r() * (s.length + (kind === 'insert' ? 1 : 0)));
    let t: string;
    if (kind === 'replace') t = s.slice(0, i) + pick(r, DIGITS.replace(s[i]!, '')) + s.slice(i + 1);
    else if (kind === 'swap') {
      if (s.length < 2) continue;
      const j = Math.min(i, s.length - 2);
      t = s.slice(0, j) + s[j + 1] + s[j] + s.slice(j + 2);
    } else if (kind === 'insert') t = s.slice(0, i) + pick(r, DIGITS) + s.slice(i);
    else t = s.slice(0, i) + s.slice(i + 1);
    if (t === '' || Number(t) === value) continue;
    return { typed: Number(t), kind };
  }
}

/** A copy of the report with a typo in `cell`. */
export function withTypo(r: Rand, input: CheckInput, cell: string): { input: CheckInput; typed: number; kind: TypoKind } {
  const { typed, kind } = typo(r, input.values[cell] as number);
  return { input: { ...input, values: { ...input.values, [cell]: typed } }, typed, kind };
}

/**
 * A leaf mistyped and the totals then computed by hand from it: its row's 总计, and for a result
 * row its column's （七）总计 and the grand total. Only the 勾稽 identity stays out of balance.
 */
export function propagated(r: Rand, input: CheckInput, leaf: string): CheckInput {
  const { input: out, typed } = withTypo(r, input, leaf);
  const v = out.values;
  const delta = typed - (input.values[leaf] as number);
  const [, row, col] = /^apply\.(.+)\.([^.]+)$/.exec(leaf)!;
  const add = (id: string) => (v[id] = (v[id] as number) + delta);
  add(`apply.${row}.total`);
  if (RESULT_ROWS.includes(row!)) {
    add(`apply.total.${col}`);
    add('apply.total.total');
  }
  return out;
}
