/** Node-only: `check --batch`: audits many reports at once, as the 批量审核 page does. */
import { readFile as readBytes, writeFile } from 'node:fs/promises';
import { auditBatch } from '../batch/audit';
import { coverage, parseBodies, type Coverage } from '../batch/coverage';
import { summarise } from '../batch/summary';
import { problemHead, problemRows, resultHead, resultRows, toCsv } from '../batch/table';
import { STATE_ORDER, stateLabel, type BatchInput, type BatchRow, type ParentSpec } from '../batch/types';
import { batchXlsx } from '../batch/xlsx';
import { parseParent } from '../batch/parent';
import { uniqueNames } from '../batch/files';
import type { CheckArgs } from './args';
import type { Io } from './check';
import { expandInputs } from './files';
import { readAll } from './pool';

/** Files and folders → the batch's inputs, in order; what cannot be opened is an input with its reason. */
async function inputsOf(paths: readonly string[], progress?: (done: number, total: number) => void): Promise<BatchInput[]> {
  const items = await expandInputs(paths);
  const files = items.filter((i): i is string => typeof i === 'string');
  const read = await readAll(files, progress);
  const byPath = new Map(files.map((f, i) => [f, read[i]!]));
  return uniqueNames(items.flatMap((i) => (typeof i === 'string' ? byPath.get(i)! : [{ name: i.path, error: i.error }])));
}

export { parseParent } from '../batch/parent';

const MARK = { red: '红', yellow: '黄', green: '绿', grey: '灰' } as const;

function lines(rows: readonly BatchRow[], cov: Coverage | null): string[] {
  const out = rows.map((r) =>
    r.state === 'grey'
      ? `[灰] ${r.id}：无法读取——${r.reason}`
      : `[${MARK[r.state]}] ${r.body ?? '（未读出单位）'}　${r.year ?? '年度未知'}　${r.formatName}　强制性 ${r.counts.error}　核实性 ${r.counts.warning}${r.prior ? `　上年：${r.prior}` : ''}　${r.id}`,
  );
  const s = summarise(rows);
  out.push('', `共 ${s.total} 份：${STATE_ORDER.map((k) => `${stateLabel(k)} ${s.byState[k]}`).join('，')}`);
  if (s.common.length) out.push('最常见的问题：', ...s.common.slice(0, 5).map((c) => `  ${c.title}（${c.severity === 'error' ? '强制性' : '核实性'}）：${c.reports} 份报告`));
  if (cov) {
    out.push(`${cov.year ?? ''}年度名单 ${cov.covered.length + cov.missing.length} 个单位，${cov.missing.length ? `没有报告的 ${cov.missing.length} 个：${cov.missing.join('、')}` : '都有报告'}`);
    if (cov.unlisted.length) out.push(`不在名单上的报告 ${cov.unlisted.length} 份：${cov.unlisted.join('、')}`);
  }
  return out;
}

/** Exit status: 2 a file could not be read, 1 a 强制性 problem, 0 otherwise. */
export async function runBatch(args: CheckArgs, io: Io & { progress?: (s: string) => void }): Promise<number> {
  const parents: ParentSpec[] = [];
  for (const p of args.parents) {
    const spec = parseParent(p);
    if (!spec) {
      io.err(`--parent 的写法是「本级单位=所属单位1,所属单位2」：${p}`);
      return 2;
    }
    parents.push(spec);
  }
  let bodies: string[] | null = null;
  if (args.bodies) {
    try {
      bodies = parseBodies(new TextDecoder().decode(await readBytes(args.bodies)));
    } catch {
      io.err(`单位名单 ${args.bodies} 无法打开`);
      return 2;
    }
  }
  const progress = io.progress && ((done: number, total: number) => io.progress!(`已审核 ${done} / ${total}`));
  const prior = args.prior ? await inputsOf([args.prior]) : [];
  const inputs = await inputsOf(args.inputs, progress);
  io.progress?.('');
  const rows = auditBatch(inputs, { prior, parents });
  const cov = bodies ? coverage(bodies, rows) : null;
  if (args.json) io.out(JSON.stringify({ rows, summary: summarise(rows), coverage: cov }, null, 2));
  else io.out(lines(rows, cov).join('\n'));
  try {
    if (args.xlsx) await writeFile(args.xlsx, new Uint8Array(await (await batchXlsx(rows)).arrayBuffer()));
    if (args.csv) {
      await writeFile(args.csv, toCsv(resultHead(), resultRows(rows)));
      await writeFile(args.csv.replace(/(\.csv)?$/i, '-问题清单.csv'), toCsv(problemHead(), problemRows(rows)));
    }
  } catch (e) {
    io.err(`导出文件无法保存：${(e as Error).message}`);
    return 2;
  }
  return rows.some((r) => r.state === 'grey') ? 2 : rows.some((r) => r.state === 'red') ? 1 : 0;
}
