import { describe, expect, it } from 'vitest';
import { CANCELLED, CRASHED, ReaderPool, TIMED_OUT } from '@/components/batch/pool';
import type { Job, Request } from '@/components/batch/protocol';

/** A stand-in Worker: answers a job named 'ok…' at once, crashes on 'crash', never answers 'hang'. */
class FakeWorker {
  static made = 0;
  static live = 0;
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  terminated = false;
  constructor() {
    FakeWorker.made++;
    FakeWorker.live++;
  }
  postMessage({ n, job }: Request) {
    const name = (job as Extract<Job, { op: 'batch-file' }>).name;
    setTimeout(() => {
      if (this.terminated) return;
      if (name === 'crash') this.onerror?.({ preventDefault() {} } as ErrorEvent);
      else if (name !== 'hang') this.onmessage?.({ data: { n, ok: true, answer: { op: 'batch-file', inputs: [name], rows: [] } } } as MessageEvent);
    }, 5);
  }
  terminate() {
    if (!this.terminated) FakeWorker.live--;
    this.terminated = true;
  }
}

const job = (name: string): Job => ({ op: 'batch-file', name, bytes: new Uint8Array(), pdf: true });
const pool = (timeout = 1000) => new ReaderPool(() => new FakeWorker() as unknown as Worker, 2, timeout);

describe('the reading workers of a page', () => {
  it('answer every job, two workers at most', async () => {
    FakeWorker.made = 0;
    const p = pool();
    const got = await Promise.all(['ok1', 'ok2', 'ok3', 'ok4', 'ok5'].map((n) => p.run(job(n))));
    expect(got.map((a) => (a.op === 'batch-file' ? a.inputs[0] : null))).toEqual(['ok1', 'ok2', 'ok3', 'ok4', 'ok5']);
    expect(FakeWorker.made).toBe(2);
  });

  it('a worker that crashes loses only its file, with a plain reason; a fresh worker goes on', async () => {
    const p = pool();
    const got = await Promise.allSettled([p.run(job('ok1')), p.run(job('crash')), p.run(job('ok2'))]);
    expect(got.map((g) => g.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((got[1] as PromiseRejectedResult).reason.message).toBe(CRASHED);
  });

  it('a file that takes too long is given up with its reason, and the next is read', async () => {
    const p = pool(50);
    const got = await Promise.allSettled([p.run(job('hang')), p.run(job('ok1'))]);
    expect((got[0] as PromiseRejectedResult).reason.message).toBe(TIMED_OUT);
    expect(got[1]!.status).toBe('fulfilled');
  });

  it('cancel stops every worker and rejects what is queued or running', async () => {
    FakeWorker.live = 0;
    const p = pool();
    const all = Promise.allSettled(['hang', 'hang', 'ok1'].map((n) => p.run(job(n))));
    p.cancel();
    expect((await all).map((g) => g.status === 'rejected' && g.reason.message)).toEqual([CANCELLED, CANCELLED, CANCELLED]);
    expect(FakeWorker.live).toBe(0);
  });
});
