import { useEffect, useState } from 'preact/hooks';
import { linkCandidates, linkExplanation, linkQuestion, linkToSite, type LinkCandidate } from '@/lib/store';
import type { PopupApi } from './api';
import { t } from '@/lib/i18n';

/**
 * Last year's data saved without a site (imported in the options page) is used on this site only
 * after the clerk says so here, once. Asked only when the page has no last year for this site.
 */
export function LinkPrompt({ api, site, body, year, linked, say }: {
  api: PopupApi;
  site: string;
  body: string | null;
  year: number;
  linked: () => void;
  say: (text: string, error?: boolean) => void;
}) {
  const [candidates, setCandidates] = useState<LinkCandidate[]>([]);
  useEffect(() => {
    linkCandidates(api.kv, site, body, year).then(setCandidates, () => setCandidates([]));
  }, [site, body, year]);
  if (!candidates.length) return null;

  const use = async (c: LinkCandidate) => {
    const res = await linkToSite(api.kv, site, c.key);
    if (!res.ok) return say(res.message, true);
    setCandidates([]);
    say(t('link.used', { body: c.report.body, year: c.report.year }));
    linked();
  };

  return (
    <section aria-label={t('link.label')} class="panel">
      {candidates.slice(0, 3).map((c) => (
        <div key={c.key} class="row">
          <span>{linkQuestion(c.report)}</span>
          <button class="primary" onClick={() => use(c)}>{t('link.use')}</button>
        </div>
      ))}
      <p class="small muted">{linkExplanation(site)}</p>
      <button class="link" onClick={() => setCandidates([])}>{t('link.notNow')}</button>
    </section>
  );
}
