/**
 * Keystrokes into the e2e pages' gov2021 report (test/e2e/pages/report), each checked as the live page's tracker
 * checks it (lib/page/tracker.ts `check`), by the live pipeline and by the one before its speed-up
 * (test/check/reference). Shared by the check bench (in Node and in Chromium) and its equality test.
 */
import * as live from '@/lib/check';
import { valuesOf, type CheckInput, type Finding, type Report, type Values } from '@/lib/report';
import * as before from '../check/reference/check';
import { valuesOf as valuesBefore } from '../check/reference/report';

/** Last year's figures of the e2e report (test/e2e/report.mjs PRIOR_2022). */
const PRIOR: CheckInput = {
  format: 'gov2021',
  year: 2022,
  values: {
    'apply.carryForward.natural': 2, 'apply.carryForward.commercial': 1, 'apply.carryForward.research': 0,
    'apply.carryForward.nonprofit': 0, 'apply.carryForward.legal': 0, 'apply.carryForward.otherOrg': 0,
    'apply.carryForward.total': 3, 'active.regulation.inForce': 0, 'active.normative.inForce': 24,
  },
};

/** One way of checking a report as the tracker does, with its own memory of the last read (recently edited cells). */
export interface Pipeline {
  name: 'before' | 'now';
  step(rep: Report, prior: CheckInput | undefined): { result: live.CheckResult | null; sig: string; recent: string[] };
}

function pipeline(name: Pipeline['name']): Pipeline {
  const m = name === 'now' ? { ...live, valuesOf } : { ...before, valuesOf: valuesBefore };
  let last: { values: Values; recent: string[] } | undefined;
  const narrative: Finding[] = [];
  return {
    name,
    step(rep, prior) {
      const values = m.valuesOf(rep);
      const recent = m.recentEdits(last?.values ?? null, values, last?.recent ?? []);
      last = { values, recent };
      const opts: live.CheckOptions = { recentlyEdited: recent, narrative };
      if (prior) opts.prior = prior;
      const sig = JSON.stringify([rep.format, rep.year, values]);
      return { result: m.check(rep, opts), sig, recent };
    },
  };
}

const CELL = 'apply.new.natural';
/** What the clerk's cell holds after each keystroke: select-all and type over, as the page bench does. */
const SCENARIOS = {
  typing: { title: 'typing 5→50, 8→80, 4→41 over the old figure', prior: false, texts: ['', '5', '50', '', '8', '80', '', '4', '41'] },
  prior: { title: 'the same, with last year loaded', prior: true, texts: ['', '5', '50', '', '8', '80', '', '4', '41'] },
  wrong: { title: 'a wrong figure (badge shown, updating)', prior: false, texts: ['50', '80'] },
  right: { title: 'the right figure (no badge)', prior: false, texts: ['41'] },
  blank: { title: 'the cell emptied', prior: false, texts: [''] },
  half: { title: 'typing into a half-filled table (表三 other columns, 表四 blank)', prior: false, texts: ['', '5', '50', '', '8', '80', '', '4', '41'] },
} as const;

/** The half-filled table: 表三 typed for 自然人 and the 总计 column only, 表四 not yet. */
const blankInHalf = (id: string) => /^apply\.[a-zA-Z.]+\.(commercial|research|nonprofit|legal|otherOrg)$|^appeal\./.test(id);

export type Scenario = keyof typeof SCENARIOS;
export const SCENARIO_NAMES = Object.keys(SCENARIOS) as Scenario[];

/** The keystrokes of a scenario into `rep` (the e2e pages' report as read), for both pipelines. */
export function keystrokes(scenario: Scenario, rep: Report) {
  const s = SCENARIOS[scenario];
  if (scenario === 'half') {
    for (const c of Object.values(rep.cells)) if (blankInHalf(c.id)) Object.assign(c, { value: null, raw: '' });
  }
  const cell = rep.cells[CELL]!;
  const pipes = [pipeline('before'), pipeline('now')];
  return {
    title: s.title,
    length: s.texts.length,
    pipes,
    rep,
    run(p: Pipeline, each?: (out: ReturnType<Pipeline['step']>) => void): void {
      for (const text of s.texts) {
        cell.raw = text;
        cell.value = text ? Number(text) : null;
        const out = p.step(rep, s.prior ? PRIOR : undefined);
        each?.(out);
      }
    },
  };
}

export interface Timing {
  title: string;
  /** Median per keystroke (ms), before and now, and the median of the ratios of rounds run side by side. */
  before: number;
  now: number;
  ratio: number;
}

/**
 * Times a scenario's keystrokes through both pipelines in interleaved rounds (which runs first alternates), so a
 * busy machine slows both alike: the ratio is the figure that counts.
 */
export function compare(scenario: Scenario, rep: Report, o: { warmups: number; perRound: number; rounds: number }): Timing {
  const keys = keystrokes(scenario, rep);
  for (let i = 0; i < o.warmups; i++) for (const p of keys.pipes) keys.run(p);
  const times = keys.pipes.map(() => [] as number[]);
  for (let round = 0; round < o.rounds; round++) {
    const order = round % 2 ? [1, 0] : [0, 1];
    for (const p of order) {
      const a = performance.now();
      for (let i = 0; i < o.perRound; i++) keys.run(keys.pipes[p]!);
      times[p]!.push((performance.now() - a) / (o.perRound * keys.length));
    }
  }
  const [before, now] = times as [number[], number[]];
  return { title: keys.title, before: median(before), now: median(now), ratio: median(before.map((b, i) => b / now[i]!)) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
