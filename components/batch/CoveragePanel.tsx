import { useState } from 'preact/hooks';
import { coverage, parseBodies } from '@/lib/batch/coverage';
import type { BatchRow } from '@/lib/batch/types';

/** Who has no report this year: the supervised bodies pasted or imported, matched tolerantly, the rest by hand. */
export function CoveragePanel({ rows, bodies, manual, setBodies, setManual }: {
  rows: readonly BatchRow[];
  bodies: string[];
  manual: Record<string, string>;
  setBodies(b: string[]): void;
  setManual(m: Record<string, string>): void;
}) {
  const [text, setText] = useState(bodies.join('\n'));
  const cov = bodies.length ? coverage(bodies, rows, { manual }) : null;
  const byId = new Map(rows.map((r) => [r.id, r]));
  return (
    <section class="coverage" aria-label="报送情况">
      <h2>报送情况（谁还没有报告）</h2>
      <details open={!bodies.length}>
        <summary>所辖单位名单（{bodies.length} 个）</summary>
        <p class="muted">每行一个单位名称，或导入 .txt / .csv 名单（取「单位」「名称」列）。全称、简称、「人民政府/政府」、结尾的「办公室」都能对上。</p>
        <textarea rows={6} cols={60} aria-label="所辖单位名单" value={text} onInput={(e) => setText(e.currentTarget.value)} />
        <p>
          <button onClick={() => setBodies(parseBodies(text))}>使用这份名单</button>{' '}
          <label>
            导入名单文件 <input type="file" accept=".txt,.csv" data-input="bodies" onChange={async (e) => {
              const f = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (!f) return;
              const t = new TextDecoder().decode(await f.arrayBuffer());
              setText(parseBodies(t).join('\n'));
              setBodies(parseBodies(t));
            }} />
          </label>
        </p>
      </details>
      {cov && (
        <>
          <p>
            {cov.year ?? ''}年度：名单 {bodies.length} 个单位，已有报告 <b data-count="covered">{cov.covered.length}</b> 个，
            没有报告 <b data-count="missing">{cov.missing.length}</b> 个。
          </p>
          {cov.missing.length > 0 && (
            <ul class="missing">
              {cov.missing.map((name) => (
                <li key={name} data-body={name}>
                  {name}
                  {cov.unlisted.length > 0 && (
                    <>
                      {' '}
                      <select aria-label={`为「${name}」手动指定报告`} value="" onChange={(e) => e.currentTarget.value && setManual({ ...manual, [name]: e.currentTarget.value })}>
                        <option value="">其实有报告？手动指定…</option>
                        {cov.unlisted.map((id) => <option key={id} value={id}>{byId.get(id)?.body ?? id}（{id}）</option>)}
                      </select>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
          {cov.covered.some((c) => c.manual) && (
            <p class="muted">
              手动指定：{cov.covered.filter((c) => c.manual).map((c) => (
                <span key={c.name}>{c.name} → {c.rows.join('、')} <button class="link" onClick={() => { const m = { ...manual }; delete m[c.name]; setManual(m); }}>取消</button>　</span>
              ))}
            </p>
          )}
          {cov.unlisted.length > 0 && <p class="muted unlisted">不在名单上的报告 {cov.unlisted.length} 份：{cov.unlisted.map((id) => byId.get(id)?.body ?? id).join('、')}</p>}
        </>
      )}
    </section>
  );
}
