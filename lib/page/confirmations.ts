import { asConfirmations, confirmWarning, sameWarning, type Confirmation } from '../check/confirmed';
import type { Finding, Report } from '../report';
import { valuesOf } from '../report';
import { confirmationsKey, reportKey } from '../store/keys';
import type { KV } from '../store/kv';

/**
 * The page's 核实说明: one list per report (body and year), owned here and kept in storage as the
 * clerk confirms, so they survive a reload. A report never confirmed on this page starts from the
 * confirmations saved with the year's data (a saved or imported record).
 */
export class PageConfirmations {
  private readonly lists = new Map<string, Confirmation[]>();
  private readonly pending = new Map<string, Promise<void>>();

  constructor(
    private readonly kv: KV | null,
    private readonly site: string,
    /** A list arrived from storage or changed: check again. */
    private readonly changed: () => void,
  ) {}

  /** The report's confirmations known now (read from storage in the background the first time). */
  of(r: Pick<Report, 'body' | 'year'>): Confirmation[] {
    const key = keyOf(r);
    if (!key) return [];
    const list = this.lists.get(key);
    if (list) return list;
    void this.load(r);
    return [];
  }

  /** Confirm these warnings of `r` with one note; false when none can be (强制性, or an empty note). */
  async confirm(r: Report, findings: readonly Finding[], note: string): Promise<boolean> {
    const key = keyOf(r);
    if (!key) return false;
    const values = valuesOf(r);
    const made = findings.map((f) => confirmWarning(f, note, values, new Date())).filter((c): c is Confirmation => c !== null);
    if (!made.length) return false;
    await this.load(r);
    const list = (this.lists.get(key) ?? []).filter((c) => !made.some((m) => sameWarning(c, m)));
    await this.put(r, [...list, ...made]);
    return true;
  }

  /** 撤销核实: the warning counts again. */
  async unconfirm(r: Report, warning: Pick<Confirmation, 'rule' | 'cells'>): Promise<boolean> {
    const key = keyOf(r);
    if (!key) return false;
    await this.load(r);
    const list = this.lists.get(key) ?? [];
    const rest = list.filter((c) => !sameWarning(c, warning));
    if (rest.length === list.length) return false;
    await this.put(r, rest);
    return true;
  }

  private async put(r: Pick<Report, 'body' | 'year'>, list: Confirmation[]): Promise<void> {
    this.lists.set(keyOf(r)!, list);
    this.changed();
    await this.kv?.set({ [confirmationsKey(this.site, r.body ?? '', r.year!)]: list });
  }

  private load(r: Pick<Report, 'body' | 'year'>): Promise<void> {
    const key = keyOf(r);
    if (!key || this.lists.has(key)) return Promise.resolve();
    let p = this.pending.get(key);
    if (!p) {
      p = this.read(key, r);
      this.pending.set(key, p);
    }
    return p;
  }

  private async read(key: string, r: Pick<Report, 'body' | 'year'>): Promise<void> {
    if (!this.kv) return void this.lists.set(key, []);
    const own = confirmationsKey(this.site, r.body ?? '', r.year!);
    const saved = r.body ? reportKey(this.site, r.body, r.year!) : null;
    const got = await this.kv.get(saved ? [own, saved] : [own]).catch(() => ({}) as Record<string, unknown>);
    this.pending.delete(key);
    if (this.lists.has(key)) return;
    const record = saved ? (got[saved] as { confirmations?: unknown } | undefined) : undefined;
    const list = own in got ? asConfirmations(got[own]) : asConfirmations(record?.confirmations);
    this.lists.set(key, list);
    if (list.length) this.changed();
  }
}

const keyOf = (r: Pick<Report, 'body' | 'year'>) => (r.year ? `${r.body ?? ''}|${r.year}` : null);
