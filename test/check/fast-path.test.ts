// @vitest-environment node
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { check, recentEdits, type CheckOptions } from '@/lib/check';
import { setLocale } from '@/lib/i18n';
import { valuesOf, type CheckInput, type Finding, type Report, type Values } from '@/lib/report';
import * as before from './reference/check';
import { valuesOf as valuesBefore } from './reference/report';
import { SCENARIO_NAMES, keystrokes } from '../bench/check-keystrokes';
import { pageReport } from '../bench/check-page';
import { consistent } from '../rules/gen';

/**
 * The per-keystroke check was made faster (test/bench/check.bench.ts); test/check/reference is the pipeline as
 * it was. Whatever a clerk types, in whatever order, both give the same findings, the same suggestion and the
 * same recently edited cells, call after call (so that nothing the fast path keeps from one call to the next
 * can go stale).
 */

/** What a cell can hold after an edit: its value and the text it was read from. */
type Content = { value: number | null; raw: string; unreadable?: true };

const content: fc.Arbitrary<(was: number | null) => Content> = fc.oneof(
  fc.nat({ max: 60 }).map((n) => () => ({ value: n, raw: String(n) })),
  fc.integer({ min: -9, max: 9 }).map((d) => (was: number | null) => ({ value: (was ?? 0) + d, raw: String((was ?? 0) + d) })),
  // Slips of the finger on the figure that was there: a digit doubled, dropped, or two swapped.
  fc.constantFrom('double', 'drop', 'swap').map((slip) => (was: number | null) => {
    const s = String(was ?? 12);
    const typed = slip === 'double' ? s + s.at(-1) : slip === 'drop' ? s.slice(1) || '0' : s.length > 1 ? s[1]! + s[0]! + s.slice(2) : s;
    return { value: Number(typed), raw: typed };
  }),
  fc.constantFrom<Content>(
    { value: null, raw: '' },
    { value: null, raw: '—' },
    { value: null, raw: '/' },
    { value: null, raw: '约20', unreadable: true },
    { value: null, raw: 'abc', unreadable: true },
    { value: null, raw: '二十', unreadable: true },
    { value: 12.5, raw: '12.5' },
    { value: -3, raw: '-3' },
    { value: 1e13, raw: '10000000000000' },
    { value: 0, raw: '0' },
  ).map((c) => () => c),
);

const edit = fc.record({ pick: fc.nat(), content, recheck: fc.boolean() });

const step = fc.record({
  edits: fc.array(edit, { minLength: 0, maxLength: 3 }),
  prior: fc.constantFrom('none', 'same', 'changed'),
  narrative: fc.constantFrom('given', 'none'),
  body: fc.constantFrom('滨江区人民政府办公室', '上海市人民政府办公厅', undefined),
  locale: fc.constantFrom('zh', 'zh', 'zh', 'en'),
  /** Which of the page's reports is typed in (when it holds several). */
  which: fc.nat({ max: 5 }),
});
type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

/** A report of the format as the reader gives it: every value with its text. */
function asReport(input: CheckInput): Report {
  const cells: Report['cells'] = {};
  let n = 0;
  for (const [id, value] of Object.entries(input.values)) cells[id] = { id, value, raw: value === null ? '' : String(value), loc: { kind: 'table', table: 0, row: n++, col: 1 } };
  return { source: 'page', format: input.format, year: input.year, cells, problems: [], ...(input.body ? { body: input.body } : {}) };
}

const FIXTURES: { name: string; report: () => Report; prior: () => CheckInput | undefined }[] = [
  { name: 'the e2e pages’ report (gov2021)', report: pageReport, prior: () => undefined },
  ...(['gov2021', 'gov2019', 'gov2014'] as const).map((format) => ({
    name: `a random consistent ${format} report`,
    report: () => asReport(consistent(format, 7).input),
    prior: () => consistent(format, 7).prior,
  })),
  {
    name: 'a 2008–2013 local table',
    report: () => asReport({ format: 'local', year: 2011, values: { 'local.1': 11, 'local.1.1': 5, 'local.1.2': 6, 'local.2': 3, 'local.2.cumulative': 9, 'local.3': 0 } }),
    prior: () => ({ format: 'local', year: 2010, values: { 'local.1': 11, 'local.2': 3 } }),
  },
];

/**
 * Runs the steps on the page's reports through both pipelines, each report with its own recently edited cells,
 * and compares every call.
 */
function sameAlong(fixtures: (typeof FIXTURES)[number][], steps: Step[]): void {
  const pages = fixtures.map((fixture) => {
    const rep = fixture.report();
    const ids = Object.keys(rep.cells);
    const prior = fixture.prior() ?? { format: rep.format!, year: (rep.year ?? 2023) - 1, values: { [ids[0]!]: 1 } };
    return { rep, ids, basePrior: prior, memory: { now: { values: null as Values | null, recent: [] as string[] }, before: { values: null as Values | null, recent: [] as string[] } } };
  });
  for (const s of steps) {
    const { rep, ids, basePrior, memory } = pages[s.which % pages.length]!;
    const narrative: Finding[] = [{ rule: 'P-TEXT', severity: 'warning', cells: [ids[0]!], message: '正文数字与表格不一致', span: { start: 0, end: 4 } }];
    setLocale(s.locale as 'zh' | 'en');
    for (const e of s.edits) {
      const cell = rep.cells[ids[e.pick % ids.length]!]!;
      const c = e.content(cell.value);
      cell.value = c.value;
      cell.raw = c.raw;
      if (c.unreadable) cell.unreadable = true;
      else delete cell.unreadable;
    }
    if (s.body) rep.body = s.body;
    else delete rep.body;
    const prior: CheckInput | undefined =
      s.prior === 'none' ? undefined : s.prior === 'same' ? basePrior : { ...basePrior, values: { ...basePrior.values, [ids[1]!]: 3 } };
    const values = valuesOf(rep);
    expect(values).toStrictEqual(valuesBefore(rep));
    const recent = recentEdits(memory.now.values, values, memory.now.recent);
    expect(recent).toStrictEqual(before.recentEdits(memory.before.values, values, memory.before.recent));
    memory.now = { values, recent };
    memory.before = { values, recent };
    const opts: CheckOptions = { recentlyEdited: recent, ...(prior ? { prior } : {}), ...(s.narrative === 'given' ? { narrative } : {}) };
    expect(check(rep, opts)).toStrictEqual(before.check(rep, opts));
    // The same report again, unchanged (a flush for another reason): still the same answer.
    if (s.edits.some((e) => e.recheck)) expect(check(rep, opts)).toStrictEqual(before.check(rep, opts));
  }
}

describe('the fast check pipeline gives exactly what the pipeline before it gave', () => {
  afterEach(() => setLocale('zh'));

  it.each(FIXTURES)('on random edits of $name, call after call', (fixture) => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 12 }), (steps) => sameAlong([fixture], steps)),
      { numRuns: 100 },
    );
  }, 120_000);

  it('on a page holding several reports of one format, typed in by turns', () => {
    const same = [FIXTURES[0]!, FIXTURES[0]!, FIXTURES[1]!];
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 20 }), (steps) => sameAlong(same, steps)),
      { numRuns: 100 },
    );
  }, 120_000);

  it('on the keystrokes the bench times (so its figures compare equal work)', () => {
    for (const scenario of SCENARIO_NAMES) {
      const keys = keystrokes(scenario, pageReport());
      const outs: Record<string, unknown[]> = { before: [], now: [] };
      for (let round = 0; round < 3; round++) for (const p of keys.pipes) keys.run(p, (out) => outs[p.name]!.push(out));
      expect(outs.now).toStrictEqual(outs.before);
      expect(outs.now!.length).toBe(3 * keys.length);
    }
  });

  it('can tell them apart when a result differs (the comparison is not blind)', () => {
    const rep = pageReport();
    rep.cells['apply.new.natural']!.value = 50;
    const now = check(rep, { recentlyEdited: ['apply.new.natural'] })!;
    const earlier = before.check(rep, { recentlyEdited: ['apply.new.natural'] })!;
    expect(now).toStrictEqual(earlier);
    expect(now.findings.some((f) => f.target === 'apply.new.natural' && f.expected === 41)).toBe(true);
    rep.cells['apply.new.natural']!.value = 51;
    expect(check(rep, { recentlyEdited: ['apply.new.natural'] })).not.toStrictEqual(earlier);
  });
});
