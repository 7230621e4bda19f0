import { useState } from 'preact/hooks';
import { coverage, parseBodies } from '@/lib/batch/coverage';
import type { BatchRow } from '@/lib/batch/types';
import { t } from '@/lib/i18n';
import { part, withParts } from '../shared/with-parts';

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
    <section class="coverage" aria-label={t('batch.coverage')}>
      <h2>{t('batch.coverageTitle')}</h2>
      <details open={!bodies.length}>
        <summary>{t('batch.bodyListCount', { n: bodies.length })}</summary>
        <p class="muted">{t('batch.bodyListHint')}</p>
        <textarea rows={6} cols={60} aria-label={t('batch.bodyList')} value={text} onInput={(e) => setText(e.currentTarget.value)} />
        <p>
          <button onClick={() => setBodies(parseBodies(text))}>{t('batch.useList')}</button>{' '}
          <label>
            {t('batch.importList')} <input type="file" accept=".txt,.csv" data-input="bodies" onChange={async (e) => {
              const f = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (!f) return;
              const got = new TextDecoder().decode(await f.arrayBuffer());
              setText(parseBodies(got).join('\n'));
              setBodies(parseBodies(got));
            }} />
          </label>
        </p>
      </details>
      {cov && (
        <>
          <p>
            {withParts(t('batch.coverageCount', { year: cov.year ?? '', n: bodies.length, covered: part('covered'), missing: part('missing') }), {
              covered: <b data-count="covered">{cov.covered.length}</b>,
              missing: <b data-count="missing">{cov.missing.length}</b>,
            })}
          </p>
          {cov.missing.length > 0 && (
            <ul class="missing">
              {cov.missing.map((name) => (
                <li key={name} data-body={name}>
                  {name}
                  {cov.unlisted.length > 0 && (
                    <>
                      {' '}
                      <select aria-label={t('batch.pickFor', { name })} value="" onChange={(e) => e.currentTarget.value && setManual({ ...manual, [name]: e.currentTarget.value })}>
                        <option value="">{t('batch.pickPrompt')}</option>
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
              {t('batch.picked')}{cov.covered.filter((c) => c.manual).map((c) => (
                <span key={c.name}>{c.name} → {c.rows.join(t('common.enumSeparator'))} <button class="link" onClick={() => { const m = { ...manual }; delete m[c.name]; setManual(m); }}>{t('common.cancel')}</button>　</span>
              ))}
            </p>
          )}
          {cov.unlisted.length > 0 && <p class="muted unlisted">{t('batch.unlisted', { n: cov.unlisted.length, list: cov.unlisted.map((id) => byId.get(id)?.body ?? id).join(t('common.enumSeparator')) })}</p>}
        </>
      )}
    </section>
  );
}
