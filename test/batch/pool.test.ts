import { describe, expect, it } from 'vitest';
import { Cancelled, ReaderPool, isCancelled } from '@/components/batch/pool';
import { setLocale } from '@/lib/i18n';
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
  static locales: string[] = [];
  postMessage({ n, job, locale }: Request) {
    FakeWorker.locales.push(locale);
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
    expect((got[1] as PromiseRejectedResult).reason.message).toBe('读取时出错，这份文件没有读完（可能过大或已损坏）');
  });

  it('a file that takes too long is given up with its reason, and the next is read', async () => {
    const p = pool(50);
    const got = await Promise.allSettled([p.run(job('hang')), p.run(job('ok1'))]);
    expect((got[0] as PromiseRejectedResult).reason.message).toBe('读取超时（超过 0 秒），已跳过这份文件：它可能过大或已损坏');
    expect(got[1]!.status).toBe('fulfilled');
  });

  it('cancel stops every worker and rejects what is queued or running', async () => {
    FakeWorker.live = 0;
    const p = pool();
    const all = Promise.allSettled(['hang', 'hang', 'ok1'].map((n) => p.run(job(n))));
    p.cancel();
    const reasons = (await all).map((g) => (g.status === 'rejected' ? (g.reason as unknown) : null));
    expect(reasons.map(isCancelled)).toEqual([true, true, true]);
    expect(reasons.every((r) => r instanceof Cancelled)).toBe(true);
    expect(FakeWorker.live).toBe(0);
  });

  it('a failure that is not a cancel is never taken for one, whatever its text', () => {
    expect(isCancelled(new Error('cancelled'))).toBe(false);
    expect(isCancelled(new Error('已取消'))).toBe(false);
  });

  it('each job carries the page\'s 界面语言 to its worker, and the pool\'s own reasons follow it', async () => {
    FakeWorker.locales = [];
    setLocale('en');
    try {
      const p = pool();
      const got = await Promise.allSettled([p.run(job('ok1')), p.run(job('crash'))]);
      expect(FakeWorker.locales).toEqual(['en', 'en']);
      expect((got[1] as PromiseRejectedResult).reason.message).toMatch(/^Reading failed/);
    } finally {
      setLocale('zh');
    }
  });
});
