import fc from 'fast-check';
import { FORMATS, FORMAT_IDS, type FormatId } from '@/lib/formats';
import { importFrom } from '@/lib/import';
import { locate } from '@/lib/locate';
import { checkInput } from '@/lib/check';
import { checkNarrative } from '@/lib/narrative';
import { readHtml, readText } from '@/lib/read';
import type { CheckInput, Finding, Values } from '@/lib/report';
import { checkReport, inputOf } from '@/lib/rules';
import { parseCsv, parseJson, toCsv, toJson, type SavedReport } from '@/lib/store';
import { docx, pdfOfPages } from '../make-files.mjs';
import { consistent } from '../rules/gen';
import { checkFindings, checkReportShape, cleanText, inCatalogue } from './invariants';

/** The one pipeline's findings (rules, narrative, localisation). */
const localised = (input: CheckInput, prior?: CheckInput): Finding[] => checkInput(input, prior ? { prior } : {}).findings;

/**
 * One fuzz target: an arbitrary input and what running it on that input broke (empty: nothing).
 * `budgetMs`: one input taking longer than this counts as a hang.
 */
export interface Target<T> {
  name: string;
  arb: fc.Arbitrary<T>;
  run: (x: T, tally: Tally) => Promise<string[]> | string[];
  budgetMs: number;
  /** Share of the runs this target gets (slow readers fewer). */
  weight: number;
  /** Loads what the target loads lazily, so that the first input is not charged with it. */
  warmUp?: () => Promise<unknown>;
}

export interface Tally {
  suggestions: number;
  /** Cell ids outside the catalogue kept by the JSON/CSV import (issue 13 item 8, store's part). */
  importUnknownIds: number;
}

// ---- pieces of report-like text ----

const LABELS = [
  ...new Set(
    FORMAT_IDS.filter((f) => f !== 'local').flatMap((f) =>
      FORMATS[f].sections.flatMap((s) => [s.title, ...s.rows.map((r) => r.label), ...s.cols.map((c) => c.label), ...(s.groups ?? []).map((g) => g.label)]),
    ),
  ),
];

const numberText = fc.oneof(
  fc.nat({ max: 5000 }).map(String),
  fc.integer({ min: -999, max: -1 }).map(String),
  fc.constantFrom('0', '/', '—', '-', '无', '不适用', '', '　', '约20', '12.5', '0.125', '1,234', '+12', '－8', '１２', '1e308', '9'.repeat(40), 'NaN', 'Infinity', '&nbsp;'),
  fc.double({ noNaN: false }).map(String),
  fc.nat({ max: 2000 }).map((n) => ' '.repeat(n)),
);

const words = fc.oneof(fc.constantFrom(...LABELS), fc.string({ maxLength: 12 }), fc.constantFrom('合计', '总计', '其中：', '（一）', '1.', '件', '万元'));
const cellText = fc.oneof({ weight: 3, arbitrary: numberText }, { weight: 2, arbitrary: words });
const rowOf = fc.tuple(words, fc.array(cellText, { maxLength: 9 }));
const title = fc.tuple(fc.constantFrom('', '上海市人民政府办公厅', '某某县某某镇人民政府', '<script>x</script>'), fc.integer({ min: 1990, max: 2200 })).map(
  ([b, y]) => `${b}${y}年政府信息公开工作年度报告`,
);

const esc = (s: string) => s.replace(/&(?!nbsp;)/g, '&amp;').replace(/</g, '&lt;');

export const htmlDoc = fc
  .tuple(title, fc.array(fc.array(rowOf, { maxLength: 40 }), { minLength: 1, maxLength: 3 }), fc.boolean(), fc.string({ maxLength: 200 }))
  .map(([t, tables, spans, tail]) => {
    const table = (rows: [string, string[]][]) =>
      `<table>${rows.map(([l, cs], i) => `<tr><td${spans && i % 3 === 0 ? ' rowspan="2"' : ''}>${esc(l)}</td>${cs.map((c, k) => `<td${spans && k === 1 ? ' colspan="2"' : ''}>${esc(c)}</td>`).join('')}</tr>`).join('')}</table>`;
    return `<html><head><title>${esc(t)}</title></head><body><h1>${esc(t)}</h1>${tables.map(table).join('<p>表</p>')}<p>${esc(tail)}</p></body></html>`;
  });

export const textDoc = fc
  .tuple(title, fc.array(rowOf, { maxLength: 60 }), fc.constantFrom('|', ' ', '\t', '  '), fc.string({ maxLength: 300 }))
  .map(([t, rows, sep, tail]) => [t, ...rows.map(([l, cs]) => (sep === '|' ? `| ${[l, ...cs].join(' | ')} |` : [l, ...cs].join(sep))), tail].join('\n'));

// ---- values for the rule engine ----

const value = fc.oneof(
  { weight: 6, arbitrary: fc.nat({ max: 3000 }) },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.integer({ min: -50, max: -1 }) },
  { weight: 1, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(0.1, 0.2, 0.3, 1.0000000000000002, 1e15, 1e300, 1.7e308, Number.MAX_SAFE_INTEGER, 2 ** 53 + 2, 0.125) },
);

const format = fc.constantFrom('gov2021' as const, 'gov2019' as const, 'gov2014' as const);

/** A consistent report and its prior year, then random cells overwritten (also in the prior). */
export const checkInputs = fc
  .tuple(format, fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.array(fc.tuple(fc.nat(), value), { maxLength: 6 }), fc.array(fc.tuple(fc.nat(), value), { maxLength: 2 }), fc.constantFrom('with', 'without', 'other-format'))
  .map(([f, seed, edits, priorEdits, priorMode]) => {
    const { input, prior } = consistent(f, seed);
    const ids = Object.keys(input.values);
    for (const [k, v] of edits) input.values[ids[k % ids.length]!] = v;
    const pids = Object.keys(prior.values);
    for (const [k, v] of priorEdits) prior.values[pids[k % pids.length]!] = v;
    const other = priorMode === 'other-format' ? consistent(f === 'gov2021' ? 'gov2019' : 'gov2021', seed).prior : undefined;
    return { input, prior: priorMode === 'with' ? prior : other };
  });

/**
 * Longest whitespace run in narrative text. The narrative reader is still quadratic in runs of
 * spaces (issue 13 item 4): the short run inside `npm test` keeps them short, `npm run fuzz` long.
 */
const WS = Number(process.env.FUZZ_WS) || 200;

const narrativeText = fc
  .array(
    fc.oneof(
      fc.tuple(fc.constantFrom('本年新收政府信息公开申请', '上年结转', '主动公开规章', '行政规范性文件', '收取费用', '行政复议', '行政诉讼', '同比增长', '办结率', '共'), fc.oneof(fc.nat({ max: 99999 }).map(String), fc.constantFrom('一百二十', '三十五', '0.5', '１２', '9'.repeat(30))), fc.constantFrom('件', '元', '万元', '%', '个', '')).map((p) => p.join('')),
      fc.nat({ max: WS }).map((n) => '\u00a0'.repeat(n)),
      fc.nat({ max: WS }).map((n) => ' '.repeat(n)),
      fc.string({ maxLength: 30 }),
      fc.constantFrom('。', '，', '；', '\n'),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

// ---- files ----

const docxTable = fc.array(rowOf, { maxLength: 30 }).map(
  (rows) =>
    `<w:p><w:r><w:t>2023年政府信息公开工作年度报告</w:t></w:r></w:p><w:tbl>${rows
      .map(([l, cs]) => `<w:tr>${[l, ...cs].map((c) => `<w:tc><w:p><w:r><w:t>${esc(c).replace(/&nbsp;/g, ' ')}</w:t></w:r></w:p></w:tc>`).join('')}</w:tr>`)
      .join('')}</w:tbl>`,
);

/** Damage to a file's bytes: flipped bytes at random places, or cut short. */
const damage = fc.tuple(fc.array(fc.tuple(fc.nat(), fc.nat({ max: 255 })), { maxLength: 8 }), fc.option(fc.nat(), { nil: undefined }));
function damaged(bytes: Uint8Array, [flips, cut]: [[number, number][], number | undefined]): Uint8Array {
  const out = bytes.slice(0, cut === undefined ? bytes.length : Math.max(1, cut % (bytes.length + 1)));
  for (const [at, b] of flips) out[at % out.length] = b;
  return out;
}

const pdfBytes = fc.tuple(fc.integer({ min: 1, max: 4 }), damage).map(([pages, d]) => damaged(pdfOfPages(pages), d));
const docxBytes = fc.tuple(docxTable, damage).map(([xml, d]) => damaged(docx(xml), d));

const savedReports = checkInputs.map(({ input }): SavedReport[] => [
  { version: 2, site: 'a.gov.cn', body: '某某局', year: 2023, format: input.format, values: input.values, source: 'x', savedAt: '2024-01-01T00:00:00.000Z' } as unknown as SavedReport,
]);
const exchangeText = fc.tuple(savedReports, fc.constantFrom('json', 'csv'), fc.array(fc.tuple(fc.nat(), fc.string({ maxLength: 6 })), { maxLength: 5 }), fc.boolean()).map(([reports, kind, edits, cellJunk]) => {
  let text = kind === 'json' ? toJson(reports) : toCsv(reports);
  if (cellJunk) text = kind === 'json' ? text.replace('"apply.new.natural"', '"=HYPERLINK(1)"') : text.replace(/apply\.new\.natural/, 'no.such.cell');
  for (const [at, s] of edits) {
    const i = at % (text.length + 1);
    text = text.slice(0, i) + s + text.slice(i + s.length);
  }
  return { kind, text };
});

// ---- the targets ----

const target = { site: '', body: null, year: 2024 } as const;

function readerChecks(reports: ReturnType<typeof readHtml>, tally: Tally): string[] {
  const broken: string[] = [];
  for (const r of reports) {
    broken.push(...checkReportShape(r));
    const input = inputOf(r);
    if (input) broken.push(...checkFindings(input, undefined, checkReport(input)).broken);
  }
  void tally;
  return broken;
}

async function importChecks(res: Awaited<ReturnType<typeof importFrom>>, tally: Tally, countUnknown = false): Promise<string[]> {
  if (!res.ok) return cleanText('import message', res.message);
  const broken: string[] = [];
  for (const c of res.candidates) {
    const unknown = Object.keys(c.report.values).filter((id) => !inCatalogue(c.report.format, id));
    if (countUnknown) tally.importUnknownIds += unknown.length;
    else broken.push(...unknown.map((id) => `imported cell ${id} outside the catalogue`));
    const input: CheckInput = { format: c.report.format, year: c.report.year, values: c.report.values };
    const r = checkFindings(input, undefined, localised(input));
    tally.suggestions += r.suggestions;
    broken.push(...r.broken);
  }
  return broken;
}

export const TARGETS: Target<any>[] = [
  { name: 'HTML reader', arb: htmlDoc, budgetMs: 3000, weight: 2, run: (html: string, t) => readerChecks(readHtml(html, 'fuzz.html'), t) },
  { name: 'text reader', arb: textDoc, budgetMs: 3000, weight: 2, run: (text: string, t) => readerChecks(readText(text, 'fuzz.txt'), t) },
  {
    name: 'rule engine',
    arb: checkInputs,
    budgetMs: 1000,
    weight: 3,
    run: ({ input, prior }: { input: CheckInput; prior?: CheckInput }, t) => {
      const r = checkFindings(input, prior, checkReport(input, prior));
      t.suggestions += r.suggestions;
      return r.broken;
    },
  },
  {
    name: 'locator',
    arb: checkInputs,
    budgetMs: 1000,
    weight: 3,
    run: ({ input, prior }: { input: CheckInput; prior?: CheckInput }, t) => {
      const loc = locate(input, prior ? { prior } : {});
      const broken = 'message' in loc ? cleanText('locate', loc.message) : [];
      const r = checkFindings(input, prior, localised(input, prior));
      t.suggestions += r.suggestions;
      return [...broken, ...r.broken];
    },
  },
  {
    name: 'narrative checker',
    arb: fc.tuple(narrativeText, checkInputs),
    budgetMs: 2000,
    weight: 2,
    run: ([text, { input }]: [string, { input: CheckInput }]) => {
      const fs = checkNarrative(text, input);
      return checkFindings(input, undefined, fs).broken;
    },
  },
  { name: '.docx bytes', arb: docxBytes, budgetMs: 5000, weight: 1, warmUp: () => import('@/lib/read/docx').then((m) => m.docxToHtml(docx('<w:p/>'))), run: async (bytes: Uint8Array, t) => importChecks(await importFrom({ kind: 'file', name: 'fuzz.docx', bytes }, target), t) },
  { name: 'PDF bytes', arb: pdfBytes, budgetMs: 5000, weight: 1, warmUp: () => import('@/lib/read/pdf').then((m) => m.pdfToText(pdfOfPages(1))), run: async (bytes: Uint8Array, t) => importChecks(await importFrom({ kind: 'file', name: 'fuzz.pdf', bytes }, target), t) },
  {
    name: 'JSON/CSV import',
    arb: exchangeText,
    budgetMs: 2000,
    weight: 2,
    run: async ({ kind, text }: { kind: string; text: string }, t) => {
      const parsed = kind === 'json' ? parseJson(text) : parseCsv(text);
      const broken = parsed.problems.flatMap((p) => cleanText('import problem', p));
      for (const r of parsed.reports) t.importUnknownIds += Object.keys(r.values).filter((id) => !inCatalogue(r.format, id)).length;
      const bytes = new TextEncoder().encode(text);
      return [...broken, ...(await importChecks(await importFrom({ kind: 'file', name: `fuzz.${kind}`, bytes }, target), t, true))];
    },
  },
];

export type { Values };
