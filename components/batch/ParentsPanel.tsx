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
    <section class="parents" aria-label={t('batch.parents')}>
      <label>
        <input type="checkbox" checked={on} onChange={(e) => set(e.currentTarget.checked, specs.filter((s): s is ParentSpec => !!s))} /> {t('batch.parentsCheck')}
      </label>
      <p class="muted">{t('batch.parentsHint')}</p>
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
      <textarea rows={3} cols={80} aria-label={t('batch.parentsList')} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      {bad.length > 0 && <p role="alert">{t('batch.parentsBad', { lines: bad.join(t('common.listSeparator')) })}</p>}
      <p>
        <button disabled={!on} onClick={() => set(on, specs.filter((s): s is ParentSpec => !!s))}>{t('batch.parentsRecheck')}</button>
      </p>
    </section>
  );
}
