import { currentLocale, t } from '@/lib/i18n';
import type { Answer, Job, Reply, Request } from './protocol';

/** How long one file may take before its worker is stopped and the file reported as not read. */
export const JOB_TIMEOUT_MS = 60_000;

/** A job stopped by cancel(): told apart by its class, never by its text. */
export class Cancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'Cancelled';
  }
}

export const isCancelled = (e: unknown): boolean => e instanceof Cancelled;

interface Pending {
  job: Job;
  transfer: Transferable[];
  resolve(a: Answer): void;
  reject(e: Error): void;
}

interface Slot {
  worker: Worker;
  busy: (Pending & { n: number; timer: ReturnType<typeof setTimeout> }) | null;
}

/**
 * A few reading workers shared by the jobs of a page, each job to the first free worker. A worker
 * that crashes or overruns its time loses only its job (rejected with a plain reason) and is
 * replaced; cancel() stops every worker and rejects what is queued or running.
 */
export class ReaderPool {
  private slots: Slot[] = [];
  private queue: Pending[] = [];
  private n = 0;

  constructor(private readonly make: () => Worker, private readonly size = defaultSize(), private readonly timeoutMs = JOB_TIMEOUT_MS) {}

  run(job: Job, transfer: Transferable[] = []): Promise<Answer> {
    return new Promise((resolve, reject) => {
      this.queue.push({ job, transfer, resolve, reject });
      this.pump();
    });
  }

  cancel(): void {
    for (const p of this.queue.splice(0)) p.reject(new Cancelled());
    for (const s of this.slots.splice(0)) {
      s.worker.terminate();
      if (s.busy) {
        clearTimeout(s.busy.timer);
        s.busy.reject(new Cancelled());
      }
    }
  }

  private pump(): void {
    while (this.queue.length) {
      let slot = this.slots.find((s) => !s.busy);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      if (!slot) return;
      const p = this.queue.shift()!;
      const n = ++this.n;
      const timer = setTimeout(() => this.fail(slot!, t('batch.read.timedOut', { s: Math.round(this.timeoutMs / 1000) })), this.timeoutMs);
      slot.busy = { ...p, n, timer };
      const request: Request = { n, job: p.job, locale: currentLocale() };
      slot.worker.postMessage(request, p.transfer);
    }
  }

  private spawn(): Slot {
    const slot: Slot = { worker: this.make(), busy: null };
    slot.worker.onmessage = (e: MessageEvent<Reply>) => {
      const busy = slot.busy;
      if (!busy || busy.n !== e.data.n) return;
      clearTimeout(busy.timer);
      slot.busy = null;
      if (e.data.ok) busy.resolve(e.data.answer);
      else busy.reject(new Error(e.data.message));
      this.pump();
    };
    // An uncaught error or a worker killed for memory: its job fails, a fresh worker takes the next.
    slot.worker.onerror = (e) => {
      e.preventDefault();
      this.fail(slot, t('batch.read.crashed'));
    };
    this.slots.push(slot);
    return slot;
  }

  private fail(slot: Slot, message: string): void {
    slot.worker.terminate();
    this.slots = this.slots.filter((s) => s !== slot);
    if (slot.busy) {
      clearTimeout(slot.busy.timer);
      slot.busy.reject(new Error(message));
    }
    this.pump();
  }
}

/** One worker per core, at most two: more would take the time the page and the browser need. */
export function defaultSize(): number {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
  return Math.max(1, Math.min(2, cores));
}
