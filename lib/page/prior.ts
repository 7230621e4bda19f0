import type { BackgroundRequest } from '../messages';
import { inputOf } from '../rules/input';
import type { CheckInput, Report } from '../report';
import { FORMAT_IDS } from '../formats/types';
import { REPORT_PREFIX } from '../store/keys';
import { sendMessage, type ExtApi, type StorageChange } from './ext';

/**
 * Last year's saved data for the page's reports, asked of the background once per body and year,
 * then cached; forgotten when saved reports change.
 */
export class PriorCache {
  private readonly known = new Map<string, CheckInput | null>();
  private readonly pending = new Map<string, Promise<CheckInput | null>>();

  constructor(
    private readonly api: ExtApi | null,
    private readonly site: string,
    /** New prior data arrived (re-check). */
    private readonly arrived: () => void,
  ) {}

  init(signal: AbortSignal): void {
    const api = this.api;
    if (!api) return;
    const onChanged = (changes: Record<string, StorageChange>, area: string) => {
      if (area !== 'local' || !Object.keys(changes).some((k) => k.startsWith(REPORT_PREFIX))) return;
      this.known.clear();
      this.arrived();
    };
    api.storage.onChanged.addListener(onChanged);
    signal.addEventListener('abort', () => api.storage.onChanged.removeListener(onChanged));
  }

  /** What is known now (asking for it in the background when not yet asked). */
  for(r: Report): CheckInput | undefined {
    const key = keyOf(r.body ?? null, r.year);
    if (!key || !r.format) return undefined;
    if (this.known.has(key)) return this.known.get(key) ?? undefined;
    void this.load(r.body ?? null, r.year);
    return undefined;
  }

  /** Last year's data for this body and this report's year. */
  load(body: string | null, year: number | null): Promise<CheckInput | null> {
    const key = keyOf(body, year);
    const api = this.api;
    if (!key || !api || !year) return Promise.resolve(null);
    if (this.known.has(key)) return Promise.resolve(this.known.get(key) ?? null);
    let p = this.pending.get(key);
    if (!p) {
      const req: BackgroundRequest = { type: 'prior', site: this.site, body, year };
      p = sendMessage(api, req)
        .then(asCheckInput)
        .then((prior) => {
          this.known.set(key, prior);
          this.pending.delete(key);
          if (prior) this.arrived();
          return prior;
        });
      this.pending.set(key, p);
    }
    return p;
  }
}

const keyOf = (body: string | null, year: number | null) => (year ? `${body ?? ''}|${year}` : null);

/** The background's answer to 'prior', checked plainly (it was validated by the store's schema there). */
function asCheckInput(x: unknown): CheckInput | null {
  if (!x || typeof x !== 'object') return null;
  const o = x as Record<string, unknown>;
  if (!(FORMAT_IDS as readonly unknown[]).includes(o.format)) return null;
  if (!o.values || typeof o.values !== 'object') return null;
  return inputOf({
    format: o.format as CheckInput['format'],
    year: typeof o.year === 'number' ? o.year : null,
    values: o.values as CheckInput['values'],
    body: typeof o.body === 'string' ? o.body : null,
  });
}
