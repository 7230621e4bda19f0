import type { Answer, Job, Reply } from './protocol';

/** How long one file may take before its worker is stopped and the file reported as not read. */
export const JOB_TIMEOUT_MS = 60_000;

export const TIMED_OUT = '读取超时（超过 60 秒），已跳过这份文件：它可能过大或已损坏';
export const CRASHED = '读取时出错，这份文件没有读完（可能过大或已损坏）';
export const CANCELLED = '已取消';

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
    for (const p of this.queue.splice(0)) p.reject(new Error(CANCELLED));
    for (const s of this.slots.splice(0)) {
      s.worker.terminate();
      if (s.busy) {
        clearTimeout(s.busy.timer);
        s.busy.reject(new Error(CANCELLED));
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
      const timer = setTimeout(() => this.fail(slot!, TIMED_OUT), this.timeoutMs);
      slot.busy = { ...p, n, timer };
      slot.worker.postMessage({ n, job: p.job }, p.transfer);
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
      this.fail(slot, CRASHED);
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
