import type { SheetItem, SheetModel } from '@/lib/sheet/model';
import { OfficialTable } from '../shared/OfficialTable';

/** The printable 审核单: one A4 page (print rules in sheet.css). */
export function Sheet({ model: m, onPrint }: { model: SheetModel; onPrint?: () => void }) {
  return (
    <main class="sheet">
      <header>
        <h1>{m.title}</h1>
        <dl class="facts">
          <div><dt>单位</dt><dd data-fact="body">{m.body}</dd></div>
          <div><dt>年度</dt><dd data-fact="year">{m.year ? `${m.year}年` : '未识别'}</dd></div>
          <div><dt>表式</dt><dd>{m.formatName}</dd></div>
          {m.savedAt && <div><dt>数据保存于</dt><dd>{m.savedAt}</dd></div>}
          <div><dt>审核时间</dt><dd data-fact="time">{m.madeAt}</dd></div>
        </dl>
        <p class={m.ok ? 'state ok' : 'state bad'} data-state>
          审核结论：<strong>{m.state}</strong>
          {`；核实性问题 ${m.warnings.length} 个`}
          {m.confirmed.length ? `，已核实 ${m.confirmed.length} 个` : ''}
          {m.hints ? `；另有提示 ${m.hints} 条，不影响报送` : ''}
        </p>
        {onPrint && (
          <p class="no-print">
            <button class="primary" onClick={onPrint}>打印审核单</button>{' '}
            <span class="muted">在打印窗口的「目标打印机」中选「另存为 PDF」即可保存为文件。</span>{' '}
            <a href="help.html" target="_blank" rel="noopener">什么是强制性、核实性问题？</a>
          </p>
        )}
      </header>
      <Items title="强制性问题（必须改正后才能报送）" kind="error" items={m.errors} />
      <Items title="核实性问题（请核实；确属实的须写明核实说明）" kind="warning" items={m.warnings} />
      <Items title="已核实的问题及核实说明" kind="confirmed" items={m.confirmed} />
      <section class="tables" aria-label="统计表">
        <h2>统计表（按填报内容）</h2>
        <p class="legend muted">
          <span class="key mark-error">红框</span>强制性问题所在格　<span class="key mark-warning">黄框</span>核实性问题所在格
          {m.confirmed.length ? <>　<span class="key mark-confirmed">虚线框</span>已核实</> : null}
        </p>
        <OfficialTable format={m.format} values={m.values} marks={m.marks} raw={m.raw} />
      </section>
      <footer>
        <span>填报人：________________</span>
        <span>审核人：________________</span>
        <span>本审核单由年报助手按表内数值自动生成。</span>
      </footer>
    </main>
  );
}

function Items({ title, kind, items }: { title: string; kind: 'error' | 'warning' | 'confirmed'; items: SheetItem[] }) {
  if (!items.length) return null;
  return (
    <section class={`items ${kind}`} aria-label={title}>
      <h2>{title}（{items.length} 个）</h2>
      <ol>
        {items.map((it, i) => (
          <li key={i}>
            <span class="where">{it.where}</span>：{it.message}
            {it.note && <div class="note">核实说明：{it.note}</div>}
          </li>
        ))}
      </ol>
    </section>
  );
}
