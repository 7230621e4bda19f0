import { isSiteEnabled, setSiteEnabled, siteDisabledKey } from '../store/site';
import { extKV, type ExtApi, type StorageChange } from './ext';

/**
 * The per-site switch as the content script sees it (the gate before the checker loads, the
 * checker after): read once, followed through storage changes, and set on the popup's command.
 */
export class SiteSwitch {
  enabled = true;
  /** Settles once the switch has been read (at once without storage or when the caller knew it). */
  ready: Promise<void> = Promise.resolve();

  constructor(
    private readonly api: ExtApi | null,
    readonly site: string,
    private readonly onChange: (enabled: boolean) => void,
  ) {}

  /** `known`: the switch as already read by the caller (skips the first storage read). */
  init(signal: AbortSignal, known?: boolean): void {
    const api = this.api;
    if (!api || known !== undefined) this.apply(known ?? true);
    if (!api) return;
    if (known === undefined)
      this.ready = isSiteEnabled(extKV(api), this.site).then((on) => {
        if (!signal.aborted) this.apply(on);
      });
    const key = siteDisabledKey(this.site);
    const onChanged = (changes: Record<string, StorageChange>, area: string) => {
      if (area === 'local' && key in changes) this.apply(changes[key]?.newValue !== true);
    };
    api.storage.onChanged.addListener(onChanged);
    signal.addEventListener('abort', () => api.storage.onChanged.removeListener(onChanged));
  }

  /** The popup's command: stored for the site, and applied now (storage.onChanged may come later). */
  async set(enabled: boolean): Promise<void> {
    if (this.api) await setSiteEnabled(extKV(this.api), this.site, enabled);
    this.apply(enabled);
  }

  private apply(on: boolean): void {
    this.enabled = on;
    this.onChange(on);
  }
}
