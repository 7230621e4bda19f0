import { buildSheet } from '@/lib/sheet/model';
import { summarise } from '@/lib/batch/summary';
import { STATE_LABEL, STATE_ORDER, type BatchRow } from '@/lib/batch/types';
import { Sheet } from '../sheet/Sheet';

/** The printable summary: the counts and the list of reports, then one 审核单 per readable report. */
export function PrintView({ rows, at, back, print }: { rows: readonly BatchRow[]; at: Date; back(): void; print(): void }) {
  const s = summarise(rows);
  const ordered = STATE_ORDER.flatMap((k) => rows.filter((r) => r.state === k));
  return (
    <div class="batch-print">
      <main class="sheet batch-cover">
        <h1>政府信息公开工作年度报告批量审核汇总</h1>
        <p class="no-print">
          <button class="primary" onClick={print}>打印</button> <button onClick={back}>返回</button>{' '}
          <span class="muted">在打印窗口的「目标打印机」中选「另存为 PDF」即可保存为文件。</span>
        </p>
        <p>共 {s.total} 份：{STATE_ORDER.map((k) => `${STATE_LABEL[k]} ${s.byState[k]} 份`).join('，')}</p>
        <ol>
          {ordered.map((r) => (
            <li key={r.id}>
              {r.body ?? r.id}　{r.year ?? ''}　{STATE_LABEL[r.state]}：{r.reason}
            </li>
          ))}
        </ol>
      </main>
      {ordered
        .filter((r) => r.format)
        .map((r) => (
          <div key={r.id} class="sheet-break">
            <Sheet model={{ ...buildSheet({ input: { format: r.format!, year: r.year, values: r.values, ...(r.body ? { body: r.body } : {}), ...(r.raw ? { raw: r.raw } : {}) }, findings: r.findings, at }), body: r.body ?? r.id }} />
          </div>
        ))}
    </div>
  );
}
