import { afterEach, describe, expect, it } from 'vitest';
import { LiveTables } from '@/lib/page/live';
import { mapNarrative } from '@/lib/read/dom';
import type { CheckInput, Finding } from '@/lib/report';
import { stubDeps } from './stub-reader';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The narrative check's stand-in: when it ran, and with which value of cell c. */
function narrativeStub() {
  const runs: { at: number; c: number | null | undefined }[] = [];
  const check = (_text: string, input: CheckInput): Finding[] => {
    runs.push({ at: performance.now(), c: input.values.c });
    return [];
  };
  return { runs, check };
}

describe('LiveTables: the narrative check after typing in the table', () => {
  let live: LiveTables | null = null;
  afterEach(() => live?.stop());

  it('waits 120 ms after the last change to the table, however many came before, and runs once', async () => {
    document.body.innerHTML = '<div contenteditable="true"><p>本年共收到申请3件。</p><table><tr><td data-id="a">1</td><td data-id="b">2</td><td data-id="c">3</td></tr></table></div>';
    const n = narrativeStub();
    live = new LiveTables({ top: document, deps: { ...stubDeps(undefined, n.check), mapNarrative }, pauseMs: 60 });
    live.start();
    await wait(0);
    expect(n.runs.map((r) => r.c)).toEqual([3]);
    const c = document.querySelector('[data-id="c"]')!;
    let last = 0;
    for (const v of ['4', '5', '6', '7']) {
      c.textContent = v;
      last = performance.now();
      await wait(0);
      await wait(50);
    }
    await wait(300);
    expect(n.runs.map((r) => r.c)).toEqual([3, 7]);
    // Never before the pause after the last change (a busy machine only makes it later).
    expect(n.runs[1]!.at - last).toBeGreaterThanOrEqual(118);
  });

  it('stops waiting with the tracker', async () => {
    document.body.innerHTML = '<div contenteditable="true"><p>本年共收到申请3件。</p><table><tr><td data-id="a">1</td><td data-id="b">2</td><td data-id="c">3</td></tr></table></div>';
    const n = narrativeStub();
    live = new LiveTables({ top: document, deps: { ...stubDeps(undefined, n.check), mapNarrative }, pauseMs: 60 });
    live.start();
    await wait(0);
    document.querySelector('[data-id="c"]')!.textContent = '4';
    await wait(0);
    live.stop();
    await wait(200);
    expect(n.runs.map((r) => r.c)).toEqual([3]);
  });
});
