import { checkInput } from '../check';
import { FORMATS } from '../formats';
import { t } from '../i18n';
import { labelOf } from '../rules/labels';
import { inputOf } from '../rules/input';
import type { CheckInput, Finding, Report } from '../report';
import { nameScore } from './names';
import { parentFindings } from './parent';
import type { BatchInput, BatchOptions, BatchRow, Counts, PriorTable, Problem, State } from './types';

interface Readable {
  id: string;
  file: string;
  report: Report;
  input: CheckInput;
}

/**
 * Audits a batch of read files: every report through the one check pipeline, with last year's
 * report of the same body (among the inputs or `opts.prior`) for the cross-year rules, and the
 * parent = Σ children comparison when asked. A file that cannot be read becomes a grey row with its
 * reason; nothing stops the batch. Rows come in input order.
 */
export function auditBatch(inputs: readonly BatchInput[], opts: BatchOptions = {}): BatchRow[] {
  const rows: BatchRow[] = [];
  const readable: Readable[] = [];
  for (const file of inputs) {
    if ('error' in file) {
      rows.push(greyRow(file.name, file.name, null, file.error));
      continue;
    }
    if (!file.reports.length) rows.push(greyRow(file.name, file.name, null, t('batch.reason.noTable')));
    file.reports.forEach((report, k) => {
      const id = k ? `${file.name}#${k + 1}` : file.name;
      const input = inputOf(report);
      if (!input) {
        rows.push(greyRow(id, file.name, report, report.problems.map((p) => p.message).join(t('common.listSeparator')) || t('batch.reason.noTable')));
        return;
      }
      readable.push({ id, file: file.name, report, input });
      rows.push(greyRow(id, file.name, report, ''));
    });
  }
  const saved = readableOf(opts.prior ?? []);
  const earlier = [...readable, ...saved];
  const byId = new Map(rows.map((r, i) => [r.id, i]));
  const extra = new Map<string, { findings: Finding[]; children: string[] }>();
  for (const p of opts.parents ?? []) {
    const found = parentFindings(p, readable);
    if (found) extra.set(found.parent, found);
  }
  for (const r of readable) {
    const prior = priorOf(r, earlier);
    const result = safeCheck(r.input, prior?.input);
    const more = extra.get(r.id);
    const findings = more ? [...result.findings, ...more.findings] : result.findings;
    const row = checkedRow(r, findings, result.suggestion);
    if (prior) row.prior = prior.id;
    if (prior && saved.includes(prior)) row.priorTable = priorTableOf(prior);
    if (more) row.children = more.children;
    rows[byId.get(r.id)!] = row;
  }
  return rows;
}

function priorTableOf(p: Readable): PriorTable {
  const t: PriorTable = { id: p.id, year: p.input.year, format: p.input.format, values: p.input.values };
  if (p.input.raw) t.raw = p.input.raw;
  return t;
}

function readableOf(inputs: readonly BatchInput[]): Readable[] {
  const out: Readable[] = [];
  for (const f of inputs) {
    if ('error' in f) continue;
    f.reports.forEach((report, k) => {
      const input = inputOf(report);
      if (input) out.push({ id: k ? `${f.name}#${k + 1}` : f.name, file: f.name, report, input });
    });
  }
  return out;
}

/** Last year's report of the same body: the closest name among the reports of year − 1. */
function priorOf(r: Readable, all: readonly Readable[]): Readable | undefined {
  const { year, body } = r.input;
  if (year === null || !body) return undefined;
  let best: Readable | undefined;
  let score = 0;
  for (const o of all) {
    if (o.input.year !== year - 1 || !o.input.body) continue;
    const s = nameScore(body, o.input.body);
    if (s > score) {
      best = o;
      score = s;
    }
  }
  return best;
}

function safeCheck(input: CheckInput, prior?: CheckInput) {
  try {
    return checkInput(input, prior ? { prior } : {});
  } catch (e) {
    const failed: Finding = { rule: 'CHECK-FAILED', severity: 'info', cells: [], message: t('batch.checkFailed', { error: (e as Error).message }) };
    return { findings: [failed], suggestion: null };
  }
}

export function countsOf(findings: readonly Finding[]): Counts {
  const c: Counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

/** The state of a read report: red on any 强制性 problem, yellow on any 核实性 one, else green. */
export function stateOf(c: Counts): { state: State; reason: string } {
  if (c.error) return { state: 'red', reason: c.warning ? t('batch.reason.redYellow', { n: c.error, m: c.warning }) : t('batch.reason.red', { n: c.error }) };
  if (c.warning) return { state: 'yellow', reason: t('batch.reason.yellow', { n: c.warning }) };
  return { state: 'green', reason: t('batch.reason.green') };
}

function checkedRow(r: Readable, findings: Finding[], suggestion: BatchRow['suggestion']): BatchRow {
  const counts = countsOf(findings);
  const { state, reason } = stateOf(counts);
  const problems: Problem[] = findings.map((f) => {
    const cell = f.target ?? f.cells[0];
    const p: Problem = { severity: f.severity, rule: f.rule, where: cell ? labelOf(r.input.format, cell) : t('batch.whole'), message: f.message, cells: f.cells };
    if (f.target) p.target = f.target;
    if (f.expected !== undefined) p.expected = f.expected;
    return p;
  });
  const row: BatchRow = {
    id: r.id,
    file: r.file,
    body: r.input.body ?? null,
    year: r.input.year,
    format: r.input.format,
    formatName: FORMATS[r.input.format].name,
    state,
    reason,
    counts,
    problems,
    findings,
    suggestion,
    values: r.input.values,
    readNotes: r.report.problems.map((p) => p.message),
  };
  if (r.input.raw) row.raw = r.input.raw;
  return row;
}

function greyRow(id: string, file: string, report: Report | null, reason: string): BatchRow {
  return {
    id,
    file,
    body: report?.body ?? null,
    year: report?.year ?? null,
    format: null,
    formatName: t('batch.formatUnknown'),
    state: 'grey',
    reason,
    counts: { error: 0, warning: 0, info: 0 },
    problems: [],
    findings: [],
    suggestion: null,
    values: {},
    readNotes: report ? report.problems.map((p) => p.message) : [],
  };
}
