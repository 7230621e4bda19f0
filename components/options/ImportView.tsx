import { useEffect, useState } from 'preact/hooks';
import { cellLabel } from '@/lib/formats';
import {
  ACCEPTED, fetchWithAccess, importFrom, parseAddress, refusal, saveCandidate,
  type Candidate, type ImportInput, type ImportTarget,
} from '@/lib/import';
import { reportKey, type NewReport } from '@/lib/store';
import { OfficialTable } from '../shared/OfficialTable';
import type { OptionsApi } from './api';

type Status = { kind: 'idle' } | { kind: 'busy'; what: string } | { kind: 'error'; message: string } | { kind: 'done'; candidates: Candidate[] };

export function ImportView({ api, target }: { api: OptionsApi; target: ImportTarget }) {
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [address, setAddress] = useState('');
  const [pasted, setPasted] = useState('');
  const [keepHost, setKeepHost] = useState(false);

  const run = async (what: string, input: () => Promise<ImportInput | { error: string }>) => {
    setStatus({ kind: 'busy', what });
    const got = await input();
    if ('error' in got) return setStatus({ kind: 'error', message: got.error });
    await api.prepare?.().catch(() => undefined);
    const res = await importFrom(got, target, { pdf: api.pdf !== false });
    setStatus(res.ok ? { kind: 'done', candidates: res.candidates } : { kind: 'error', message: res.message });
  };

  const fromAddress = () =>
    run('正在读取网页…', async () => {
      const parsed = parseAddress(address);
      if (!parsed.ok) return { error: parsed.message };
      const perms = { request: api.requestHost, ...(api.removeHost ? { remove: api.removeHost } : {}) };
      const fetched = await fetchWithAccess(perms, parsed.url, api.fetch, keepHost);
      return fetched.ok ? { kind: 'page', page: fetched.page } : { error: fetched.message };
    });

  const fromFile = (file: File | undefined) =>
    file && run(`正在读取「${file.name}」…`, async () => ({ kind: 'file', name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }));

  const fromText = () => run('正在读取粘贴的文字…', async () => ({ kind: 'text', text: pasted }));

  const thisYear = target.year ? `${target.year} 年` : '本年';
  return (
    <>
      <h1>导入上年报告</h1>
      {target.body || target.year ? (
        <p>
          用于：{target.body ?? '本单位'} {thisYear}年报（导入的数据保存为{target.year ? ` ${target.year - 1} 年` : '上一年'}数据，用于跨年校验和预填）
        </p>
      ) : (
        <p>导入的报告按单位和年度保存，之后在编辑下一年年报时用于跨年校验和预填。</p>
      )}
      <section aria-label="从网址导入">
        <h2>上一年已发布的年报网址</h2>
        <label>
          网址 <input type="url" size={60} placeholder="https://www.example.gov.cn/…/2023年政府信息公开工作年度报告.html" value={address} onInput={(e) => setAddress(e.currentTarget.value)} />
        </label>{' '}
        <button onClick={fromAddress}>读取</button>
        <p class="muted">点「读取」时浏览器会询问是否允许访问该网站；只用于读取这一页，读完即收回许可。</p>
        <label>
          <input type="checkbox" checked={keepHost} onChange={(e) => setKeepHost(e.currentTarget.checked)} /> 保留对该网站的访问许可（以后从该网站导入时不再询问）
        </label>
      </section>
      <section aria-label="从文件导入">
        <h2>文件</h2>
        <label>
          选择文件（网页 .html、Word .docx、PDF、文本 .txt、本扩展导出的 JSON 或 CSV）{' '}
          <input type="file" accept={ACCEPTED} onChange={(e) => { void fromFile(e.currentTarget.files?.[0]); e.currentTarget.value = ''; }} />
        </label>
      </section>
      <section aria-label="粘贴文字导入">
        <h2>粘贴文字</h2>
        <label>
          从 PDF 或网页中复制年报全文（含统计表），粘贴到这里：
          <br />
          <textarea rows={6} cols={80} value={pasted} onInput={(e) => setPasted(e.currentTarget.value)} />
        </label>
        <br />
        <button onClick={fromText}>读取粘贴的文字</button>
      </section>
      <section aria-label="读取结果" aria-live="polite">
        {status.kind === 'busy' && <p class="muted">{status.what}</p>}
        {status.kind === 'error' && (
          <p role="alert">
            {status.message}
            <br />
            <span class="muted">没有保存任何数据。</span>
          </p>
        )}
        {status.kind === 'done' && status.candidates.length > 1 && <SaveAll api={api} candidates={status.candidates} target={target} />}
        {status.kind === 'done' && status.candidates.map((c, i) => <CandidateView key={`${i}-${c.report.source}`} api={api} candidate={c} target={target} />)}
      </section>
    </>
  );
}

function CandidateView({ api, candidate, target }: { api: OptionsApi; candidate: Candidate; target: ImportTarget }) {
  const [body, setBody] = useState(candidate.report.body);
  const [year, setYear] = useState(Number.isFinite(candidate.report.year) ? String(candidate.report.year) : '');
  const [result, setResult] = useState<{ text: string; error?: boolean } | null>(null);
  const [showTable, setShowTable] = useState(false);
  const report: NewReport = { ...candidate.report, body: body.trim(), year: Number(year) };
  const why = refusal(report, target);
  const { format } = report;
  const errors = candidate.findings.filter((f) => f.severity === 'error');
  const warnings = candidate.findings.filter((f) => f.severity === 'warning');

  // Replacing a year already saved is said on the button itself, never done silently.
  const [exists, setExists] = useState(false);
  const key = why ? null : reportKey(target.site || report.site, report.body, report.year);
  useEffect(() => {
    if (!key) return setExists(false);
    void api.kv.get(key).then((got) => setExists(got[key] !== undefined));
  }, [key, result]);

  const save = async () => {
    const res = await saveCandidate(api.kv, report, target);
    setResult(res.ok ? { text: `${res.message}。` } : { text: res.message, error: true });
  };

  return (
    <article class="candidate" aria-label="读到的报告">
      <h3>读到的报告：{candidate.report.title ?? candidate.report.source}</h3>
      <p>
        <label>单位名称 <input value={body} onInput={(e) => setBody(e.currentTarget.value)} /></label>{' '}
        <label>年度 <input value={year} size={5} inputMode="numeric" onInput={(e) => setYear(e.currentTarget.value)} /></label>{' '}
        <span class="muted">表格式样：{format} · 来源：{candidate.report.source}</span>
      </p>
      <p class="summary">
        读到 <b data-count="read">{candidate.read.length}</b> 个数值；空白 <b data-count="blank">{candidate.blank.length}</b> 格；缺少{' '}
        <b data-count="missing">{candidate.missing.length}</b> 格；上年数据中已有强制性问题 <b data-count="error">{errors.length}</b> 个、核实性问题{' '}
        <b data-count="warning">{warnings.length}</b> 个。
      </p>
      {candidate.problems.length > 0 && (
        <ul class="problems-read">
          {candidate.problems.map((p) => <li key={p}>{p}</li>)}
        </ul>
      )}
      {candidate.missing.length > 0 && (
        <details>
          <summary>缺少的单元格（{candidate.missing.length}）</summary>
          <ul class="missing">
            {candidate.missing.map((id) => <li key={id} data-cell={id}>{cellLabel(format, id)}</li>)}
          </ul>
        </details>
      )}
      {candidate.findings.length > 0 && (
        <details open>
          <summary>上年数据中已不成立的规则（{candidate.findings.length}）</summary>
          <ul class="findings">
            {candidate.findings.map((f, i) => (
              <li key={i} class={`sev-${f.severity}`} data-rule={f.rule}>
                {f.severity === 'error' ? '强制性' : '核实性'}：{f.message}
              </li>
            ))}
          </ul>
        </details>
      )}
      <p>
        <button onClick={() => setShowTable(!showTable)}>{showTable ? '收起读到的数值' : '查看读到的数值'}</button>
      </p>
      {showTable && <OfficialTable format={format} values={report.values} />}
      {why && <p role="alert" class="refusal">{why}</p>}
      {exists && !result && <p class="sev-warning">已保存过「{report.body}」{report.year} 年的数据，保存将替换它。</p>}
      <button class="primary" disabled={!!why} onClick={save}>{exists && !result ? `替换已保存的 ${report.year} 年数据` : '保存为上年数据'}</button>
      {result && <p role={result.error ? 'alert' : 'status'} class={result.error ? 'error-text' : 'ok-text'}>{result.text}</p>}
    </article>
  );
}

/** A file with several reports (an export moved to a new computer): save every acceptable one at once. */
function SaveAll({ api, candidates, target }: { api: OptionsApi; candidates: Candidate[]; target: ImportTarget }) {
  const ok = candidates.filter((c) => !refusal(c.report, target));
  const [replacing, setReplacing] = useState(0);
  const [done, setDone] = useState<string | null>(null);
  useEffect(() => {
    const keys = ok.map((c) => reportKey(target.site || c.report.site, c.report.body, c.report.year));
    void api.kv.get(keys).then((got) => setReplacing(Object.keys(got).length));
  }, [candidates]);
  const saveAll = async () => {
    let n = 0;
    for (const c of ok) if ((await saveCandidate(api.kv, c.report, target)).ok) n++;
    setDone(`已保存 ${n} 份报告${replacing ? `（其中 ${replacing} 份替换了原有数据）` : ''}`);
  };
  return (
    <p class="save-all">
      文件中有 {candidates.length} 份报告{ok.length < candidates.length ? `，其中 ${candidates.length - ok.length} 份不能保存（见下）` : ''}。{' '}
      {done ? (
        <span role="status" class="ok-text">{done}</span>
      ) : (
        <button class="primary" disabled={!ok.length} onClick={saveAll}>
          全部保存（{ok.length} 份{replacing ? `，将替换 ${replacing} 份已保存的数据` : ''}）
        </button>
      )}
    </p>
  );
}
