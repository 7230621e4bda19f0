import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TypingHold, type CellRef } from '@/lib/page/hold';
import { happenedAt } from '@/lib/page/observe';
import type { Finding } from '@/lib/report';

const PAUSE = 800;
const T = 1_000_000;
const onCell = (id: string) => ({ rule: 'R', severity: 'error', cells: [id], message: '' }) as unknown as Finding;

describe('TypingHold', () => {
  let caret: CellRef | null;
  let hold: TypingHold;
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(T);
    caret = { doc: document, r: 0, id: 'c' };
    hold = new TypingHold(PAUSE, () => caret);
  });
  afterEach(() => vi.useRealTimers());

  it('holds a new problem on the cell being typed in for the pause after the keystroke, not after its event was handled', () => {
    hold.note(document, true, T - 300);
    expect(hold.held(document, 0, onCell('c'), T)).toBe(PAUSE - 300);
    expect(hold.held(document, 0, onCell('d'), T)).toBe(0);
  });

  it("does not restart the pause for the editor's own DOM change seen right after its input event", () => {
    hold.note(document, true, T - 300);
    vi.advanceTimersByTime(5);
    hold.note(document, false);
    expect(hold.held(document, 0, onCell('c'), T + 5)).toBe(PAUSE - 305);
  });

  it('starts the pause when a DOM change is seen when no input event tells the time (model editors)', () => {
    hold.note(document, false);
    expect(hold.held(document, 0, onCell('c'), T)).toBe(PAUSE);
  });

  it('starts the pause again for a DOM change seen later, or in another cell', () => {
    hold.note(document, true, T - 300);
    vi.advanceTimersByTime(60);
    hold.note(document, false);
    expect(hold.held(document, 0, onCell('c'), T + 60)).toBe(PAUSE);

    hold.note(document, true, T + 60);
    caret = { doc: document, r: 0, id: 'd' };
    vi.advanceTimersByTime(5);
    hold.note(document, false);
    expect(hold.held(document, 0, onCell('c'), T + 65)).toBe(0);
    expect(hold.held(document, 0, onCell('d'), T + 65)).toBe(PAUSE);
  });
});

describe('happenedAt', () => {
  const win = (now: number) => ({ performance: { now: () => now } }) as unknown as Window;

  it("dates an event by its timeStamp on its document's clock, on Date.now()'s clock", () => {
    vi.useFakeTimers();
    vi.setSystemTime(T);
    expect(happenedAt({ timeStamp: 4_970 }, win(5_000))).toBe(T - 30);
    vi.useRealTimers();
  });

  it('dates it now when its timeStamp is on another clock or not usable', () => {
    vi.useFakeTimers();
    vi.setSystemTime(T);
    expect(happenedAt({ timeStamp: T }, win(5_000))).toBe(T); // an epoch time stamp (old engines)
    expect(happenedAt({ timeStamp: 6_000 }, win(5_000))).toBe(T); // in the future
    expect(happenedAt({ timeStamp: 0 }, win(5_000))).toBe(T); // older than a second: not this keystroke's
    expect(happenedAt({ timeStamp: 4_970 }, null)).toBe(T);
    vi.useRealTimers();
  });
});
