import type { BatchRow, PriorTable, Problem } from '@/lib/batch/types';
import type { Marks } from '../shared/OfficialTable';
import { OfficialTable } from '../shared/OfficialTable';

const SEVERITY = { error: '强制性', warning: '核实性', info: '提示' } as const;

/** The cell each problem points at, with the worst mark: what the table highlights. */
export function marksOf(problems: readonly Problem[]): Marks {
  const marks: Record<string, 'error' | 'warning'> = {};
  for (const p of problems) {
    if (p.severity === 'info') continue;
    const cell = p.target ?? p.cells[0];
    if (cell && marks[cell] !== 'error') marks[cell] = p.severity;
  }
  return marks;
}

/** One report opened: its problems in the form's words, the official tables with the cells marked, last year beside. */
export function Detail({ row, prior, children, source, close }: { row: BatchRow; prior?: PriorTable | undefined; children: BatchRow[]; source?: string | undefined; close(): void }) {
  const listed = row.problems.filter((p) => p.severity !== 'info');
  const hints = row.problems.filter((p) => p.severity === 'info');
  return (
    <section class="detail" aria-label={`${row.body ?? row.id} 的审核详情`} data-detail={row.id}>
      <h2>
        {row.body ?? '（未读出单位名称）'} {row.year ? `${row.year} 年` : ''} <button onClick={close}>关闭</button>
      </h2>
      <p>
        <span class={`state-${row.state}`}><span class="dot" aria-hidden="true" />{row.reason}</span>　表式：{row.formatName}　来源：
        {source ? <a href={source} target="_blank" rel="noopener noreferrer">{source}</a> : <span>文件「{row.file}」</span>}
      </p>
      {row.readNotes.length > 0 && (
        <ul class="read-notes muted">
          {row.readNotes.map((n, i) => <li key={i}>读取时：{n}</li>)}
        </ul>
      )}
      {row.suggestion && <p class="suggestion" role="note">定位建议：{row.suggestion.message}</p>}
      {listed.length > 0 && (
        <ol class="problems">
          {listed.map((p, i) => (
            <li key={i} class={`sev-${p.severity}`} data-rule={p.rule} data-cell={p.target ?? p.cells[0] ?? ''}>
              {SEVERITY[p.severity]}：<b>{p.where}</b>：{p.message}
              {p.expected !== undefined && p.target ? `（建议值：${p.expected}）` : ''}
            </li>
          ))}
        </ol>
      )}
      {hints.length > 0 && (
        <details>
          <summary>提示（{hints.length} 条，不影响报送）</summary>
          <ul>{hints.map((p, i) => <li key={i}>{p.where}：{p.message}</li>)}</ul>
        </details>
      )}
      {children.length > 0 && <p class="muted">所属单位合计核对使用了：{children.map((c) => c.body ?? c.id).join('、')}</p>}
      {row.format && (
        <div class={prior?.format ? 'years two' : 'years'}>
          <div>
            <h3>本年（{row.year ?? '年度未知'}）读到的统计表</h3>
            <OfficialTable format={row.format} values={row.values} marks={marksOf(row.problems)} {...(row.raw ? { raw: row.raw } : {})} />
          </div>
          {prior?.format && (
            <div class="prior" aria-label="上年报告">
              <h3>上年（{prior.year}）：{prior.id}</h3>
              <OfficialTable format={prior.format} values={prior.values} {...(prior.raw ? { raw: prior.raw } : {})} />
            </div>
          )}
        </div>
      )}
    </section>
  );
}
