import { useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { plainError } from '@/lib/plain-error';
import { cellLabel } from '@/lib/formats';
import {
  ACCEPTED, fetchWithAccess, importFrom, parseAddress, refusal, saveCandidate,
  type Candidate, type ImportInput, type ImportTarget,
} from '@/lib/import';
import {
  blankingWarning, diffSummary, diffValues, needsSecondConfirmation, reportKey, undoChange, upgrade,
  type NewReport, type ReplaceDiff, type SavedReport, type UndoToken,
} from '@/lib/store';
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
  const [result, setResult] = useState<{ text: string; error?: boolean; undo?: UndoToken; undone?: boolean } | null>(null);
  const [showTable, setShowTable] = useState(false);
  const [armed, setArmed] = useState(false);
  const report: NewReport = { ...candidate.report, body: body.trim(), year: Number(year) };
  const why = refusal(report, target);
  const { format } = report;
  const errors = candidate.findings.filter((f) => f.severity === 'error');
  const warnings = candidate.findings.filter((f) => f.severity === 'warning');
  // A file that names no office: the clerk's own body is only a suggestion, never taken silently.
  const suggest = !candidate.report.body && target.body && !body.trim() ? target.body : null;

  // Replacing a year already saved shows what it changes, never done silently.
  const [existing, setExisting] = useState<SavedReport | null>(null);
  const key = why ? null : reportKey(target.site || report.site, report.body, report.year);
  useEffect(() => {
    setArmed(false);
    if (!key) return setExisting(null);
    void api.kv.get(key).then(
      (got) => {
        const up = got[key] === undefined ? null : upgrade(got[key]);
        setExisting(up?.ok ? up.report : null);
      },
      () => setExisting(null),
    );
  }, [key, result]);
  const diff = existing && (!result || result.undone || result.error) ? diffValues(existing.values, report.values) : null;
  const what = `「${report.body}」${report.year} 年的数据`;

  const save = async () => {
    if (diff && needsSecondConfirmation(diff) && !armed) return setArmed(true);
    const res = await saveCandidate(api.kv, report, target).catch((e: unknown) => ({ ok: false as const, message: t('error.withWhat', { what: t('import.notSaved'), why: plainError(e) }) }));
    setArmed(false);
    setResult(res.ok ? { text: `${res.message}。`, ...(res.replaced ? { undo: res.undo } : {}) } : { text: res.message, error: true });
  };
  const undo = async () => {
    if (!result?.undo) return;
    const res = await undoChange(api.kv, result.undo);
    setResult(res.ok ? { text: `已撤销替换，${result.undo.what}已恢复为替换前的版本。`, undone: true } : { text: res.message, error: true, undo: result.undo });
  };

  return (
    <article class="candidate" aria-label="读到的报告">
      <h3>读到的报告：{candidate.report.title ?? candidate.report.source}</h3>
      <p>
        <label>单位名称 <input value={body} placeholder="文件中没有写明，请填写" onInput={(e) => setBody(e.currentTarget.value)} /></label>{' '}
        <label>年度 <input value={year} size={5} inputMode="numeric" onInput={(e) => setYear(e.currentTarget.value)} /></label>{' '}
        <span class="muted">表格式样：{format} · 来源：{candidate.report.source}</span>
      </p>
      {suggest && (
        <p class="ask-body">
          这份文件没有写明是哪个单位的报告。如果是本单位「{suggest}」的，请点 <button onClick={() => setBody(suggest)}>是本单位：{suggest}</button>；否则请在上面填写单位名称。
        </p>
      )}
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
      {diff && existing && <DiffView diff={diff} format={format} what={what} savedAt={existing.savedAt} />}
      {diff && armed && <p role="alert" class="sev-error second-confirm">{blankingWarning(diff, what)}</p>}
      <button class="primary" disabled={!!why} onClick={save}>
        {!diff ? '保存为上年数据' : armed ? `确认替换（${diff.blanked.length} 个已填单元格将变为空白）` : `替换已保存的 ${report.year} 年数据`}
      </button>
      {armed && <> <button onClick={() => setArmed(false)}>取消</button></>}
      {result && (
        <p role={result.error ? 'alert' : 'status'} class={result.error ? 'error-text' : 'ok-text'}>
          {result.text} {result.undo && <button onClick={undo}>撤销</button>}
        </p>
      )}
    </article>
  );
}

const SHOWN = 30;

/** What the replace changes: counts, then the cells by kind (the first few of each). */
function DiffView({ diff, format, what, savedAt }: { diff: ReplaceDiff; format: NewReport['format']; what: string; savedAt: string }) {
  const kinds = [
    ['changed', '数值改变', diff.changed],
    ['blanked', '将变为空白', diff.blanked],
    ['added', '新增数值', diff.added],
  ] as const;
  const show = (v: number | null) => (v === null ? '空白' : String(v));
  return (
    <div class="replace-diff sev-warning" aria-label="替换将改变的内容">
      <p>已保存过{what}（保存于 {savedAt.slice(0, 16).replace('T', ' ')}），保存将替换它（原来的数据会留在历史版本中）。{diffSummary(diff)}</p>
      {kinds.filter(([, , list]) => list.length).map(([kind, title, list]) => (
        <details key={kind} open={kind === 'blanked'}>
          <summary>{title}（{list.length}）</summary>
          <ul class={`diff-${kind}`}>
            {list.slice(0, SHOWN).map((c) => (
              <li key={c.cell} data-cell={c.cell}>{cellLabel(format, c.cell)}：{show(c.from)} → {show(c.to)}</li>
            ))}
            {list.length > SHOWN && <li class="muted">…… 另有 {list.length - SHOWN} 个</li>}
          </ul>
        </details>
      ))}
    </div>
  );
}

/** A file with several reports (an export moved to a new computer): save every acceptable one at once. */
function SaveAll({ api, candidates, target }: { api: OptionsApi; candidates: Candidate[]; target: ImportTarget }) {
  const ok = candidates.filter((c) => !refusal(c.report, target));
  const [replacing, setReplacing] = useState<{ n: number; blanked: number }>({ n: 0, blanked: 0 });
  const [armed, setArmed] = useState(false);
  const [done, setDone] = useState<{ text: string; error?: boolean; undo: UndoToken[] } | null>(null);
  useEffect(() => {
    const keyed = ok.map((c) => ({ c, key: reportKey(target.site || c.report.site, c.report.body, c.report.year) }));
    void api.kv.get(keyed.map((k) => k.key)).then((got) => {
      let blanked = 0;
      for (const { c, key } of keyed) {
        const up = got[key] === undefined ? null : upgrade(got[key]);
        if (up?.ok && needsSecondConfirmation(diffValues(up.report.values, c.report.values))) blanked++;
      }
      setReplacing({ n: keyed.filter((k) => got[k.key] !== undefined).length, blanked });
    }, () => undefined);
  }, [candidates]);
  const saveAll = async () => {
    if (replacing.blanked && !armed) return setArmed(true);
    const undo: UndoToken[] = [];
    const failed: string[] = [];
    for (const c of ok) {
      const res = await saveCandidate(api.kv, c.report, target);
      if (res.ok) undo.push(res.undo);
      else failed.push(res.message);
    }
    setArmed(false);
    const text = `已保存 ${undo.length} 份报告${replacing.n ? `（其中 ${replacing.n} 份替换了原有数据）` : ''}`;
    setDone({ text: failed.length ? `${text}；${failed.length} 份没有保存：${[...new Set(failed)].join('；')}` : text, error: failed.length > 0, undo });
  };
  const undoAll = async () => {
    if (!done) return;
    const left: string[] = [];
    for (const t of [...done.undo].reverse()) {
      const res = await undoChange(api.kv, t);
      if (!res.ok) left.push(res.message);
    }
    setDone({ text: left.length ? left.join('；') : '已撤销，刚才保存的报告都已恢复为保存前的样子', error: left.length > 0, undo: [] });
  };
  return (
    <p class="save-all">
      文件中有 {candidates.length} 份报告{ok.length < candidates.length ? `，其中 ${candidates.length - ok.length} 份不能保存（见下）` : ''}。{' '}
      {done ? (
        <span role={done.error ? 'alert' : 'status'} class={done.error ? 'error-text' : 'ok-text'}>
          {done.text} {done.undo.length > 0 && <button onClick={undoAll}>撤销</button>}
        </span>
      ) : (
        <>
          {armed && <span role="alert" class="sev-error second-confirm">注意：其中 {replacing.blanked} 份替换会让多个已填的单元格变为空白。如确要替换，请再点一次；之后可点「撤销」恢复。 </span>}
          <button class="primary" disabled={!ok.length} onClick={saveAll}>
            {armed ? '确认全部保存' : `全部保存（${ok.length} 份${replacing.n ? `，将替换 ${replacing.n} 份已保存的数据` : ''}）`}
          </button>
        </>
      )}
    </p>
  );
}
