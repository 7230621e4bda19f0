import { useEffect, useState } from 'preact/hooks';
import { linkCandidates, linkExplanation, linkQuestion, linkToSite, type LinkCandidate } from '@/lib/store';
import type { PopupApi } from './api';

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
    say(`此网站今后使用「${c.report.body}」${c.report.year} 年数据做跨年校验和预填。`);
    linked();
  };

  return (
    <section aria-label="使用上年数据" class="panel">
      {candidates.slice(0, 3).map((c) => (
        <div key={c.key} class="row">
          <span>{linkQuestion(c.report)}</span>
          <button class="primary" onClick={() => use(c)}>使用</button>
        </div>
      ))}
      <p class="small muted">{linkExplanation(site)}</p>
      <button class="link" onClick={() => setCandidates([])}>暂不使用</button>
    </section>
  );
}
