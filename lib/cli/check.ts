import { check, type CheckResult, type Suggestion } from '../check';
import { inputOf } from '../rules/input';
import type { CheckInput, Finding, Report } from '../report';
import { valuesOf } from '../report';
import { parseArgs, USAGE } from './args';
import { expandInputs, readInput } from './files';
import { summarise } from './summary';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  /** A progress line that overwrites itself, given only when stderr is a terminal. */
  progress?: (s: string) => void;
}

function resultOf(r: Report, prior?: CheckInput): Pick<CheckResult, 'findings' | 'suggestion'> {
  try {
    return check(r, prior ? { prior } : {}) ?? { findings: [], suggestion: null };
  } catch (e) {
    const failed: Finding = { rule: 'CHECK-FAILED', severity: 'info', cells: [], message: `检查时出错，结果可能不完整：${(e as Error).message}` };
    return { findings: [failed], suggestion: null };
  }
}

/** Why a report counts as "cannot be read" (no statistics table at all), or null. */
function unreadableReason(r: Report): string | null {
  if (r.format) return null;
  return r.problems.map((p) => p.message).join('；') || '没有找到年报统计表';
}

/** `check` command: returns the exit status (0 no error finding, 1 an error finding, 2 an input could not be read). */
export async function runCheck(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv);
  if ('error' in args) {
    io.err(`${args.error}\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    io.out(USAGE);
    return 0;
  }
  if (args.batch) return (await import('./batch')).runBatch(args, io);
  let failed = false;
  let prior: CheckInput | undefined;
  if (args.prior) {
    const p = await readInput(args.prior);
    const r = 'reports' in p ? p.reports.find((x) => x.format) : undefined;
    if (!r) {
      io.err(`上年报告 ${args.prior} 无法读取：${'error' in p ? p.error : (p.reports[0] && unreadableReason(p.reports[0])) || '没有找到年报统计表'}`);
      failed = true;
    } else prior = inputOf(r) ?? undefined;
  }
  const json: {
    source: string;
    year: number | null;
    format: string | null;
    values: Record<string, number | null>;
    findings: Finding[];
    suggestion: Suggestion | null;
  }[] = [];
  let error = false;
  const texts: string[] = [];
  for (const item of await expandInputs(args.inputs)) {
    const input = typeof item === 'string' ? await readInput(item) : item;
    if ('error' in input) {
      io.err(`${input.path}：${input.error}`);
      failed = true;
      continue;
    }
    for (const r of input.reports) {
      const why = unreadableReason(r);
      if (why) {
        io.err(`${input.path}：无法读取——${why}`);
        failed = true;
        continue;
      }
      const { findings, suggestion } = resultOf(r, prior);
      if (findings.some((f) => f.severity === 'error')) error = true;
      if (args.json) {
        json.push({ source: r.source, year: r.year, format: r.format, values: valuesOf(r), findings, suggestion });
        for (const p of r.problems) io.err(`${r.source}：${p.message}`);
      } else texts.push(summarise(r, findings));
    }
  }
  if (args.json) io.out(JSON.stringify({ reports: json }, null, 2));
  else if (texts.length) io.out(texts.join('\n\n'));
  return failed ? 2 : error ? 1 : 0;
}
