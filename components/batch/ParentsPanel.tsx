import { useState } from 'preact/hooks';
import { parseParent } from '@/lib/batch/parent';
import type { ParentSpec } from '@/lib/batch/types';
import { sameBody } from '@/lib/batch/names';
import { t } from '@/lib/i18n';

const line = (p: ParentSpec) => `${p.parent}=${p.children.join('、')}`;

/** Parent = Σ children of 表三: an option the supervisor turns on, with the bodies making up each parent. */
export function ParentsPanel({ on, parents, proposals = [], set }: { on: boolean; parents: ParentSpec[]; proposals?: ParentSpec[]; set(on: boolean, parents: ParentSpec[]): void }) {
  const [text, setText] = useState(parents.map(line).join('\n'));
  const parsed = text.split(/\r?\n/).filter((l) => l.trim());
  const specs = parsed.map(parseParent);
  const bad = parsed.filter((_, i) => !specs[i]);
  const given = specs.filter((s): s is ParentSpec => !!s);
  const open = proposals.filter((p) => !given.some((g) => sameBody(g.parent, p.parent)));
  // adopting a proposal only adds it to the list: the comparison stays as the supervisor set it
  const adopt = (p: ParentSpec) => {
    const next = [...given, p];
    setText(next.map(line).join('\n'));
    set(on, next);
  };
  return (
    <section class="parents" aria-label="本级与所属单位合计">
      <label>
        <input type="checkbox" checked={on} onChange={(e) => set(e.currentTarget.checked, specs.filter((s): s is ParentSpec => !!s))} /> 核对「本级 = 所属单位合计」（表三）
      </label>
      <p class="muted">县（区）政府的报告通常只含本级办公室，所以默认不核对。打开后，请每行写一个本级单位及其所属单位，如「示例县人民政府=甲镇人民政府、乙镇人民政府」；差额列为核实性问题。</p>
      {open.length > 0 && (
        <div class="proposals" data-proposals>
          <p>{t('batch.parents.proposed')}</p>
          <ul>
            {open.map((p) => (
              <li key={p.parent}>
                {line(p)} <button onClick={() => adopt(p)}>{t('batch.parents.adopt')}</button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <textarea rows={3} cols={80} aria-label="本级与所属单位" value={text} onInput={(e) => setText(e.currentTarget.value)} />
      {bad.length > 0 && <p role="alert">这几行看不懂（应写成「本级单位=所属单位1、所属单位2」）：{bad.join('；')}</p>}
      <p>
        <button disabled={!on} onClick={() => set(on, specs.filter((s): s is ParentSpec => !!s))}>按这些单位重新核对</button>
      </p>
    </section>
  );
}
