import { describe, expect, it } from 'vitest';
import { parseValue } from '@/lib/read';

describe('cell values', () => {
  it.each([
    ['0', 0], ['1,234', 1234], ['1，234', 1234], ['１２３', 123], [' 42 ', 42], ['\u00a07\u00a0', 7],
    ['12件', 12], ['3条', 3], ['22（其中修订16件）', 22],
  ])('count %j → %j', (raw, v) => expect(parseValue(raw, 'count')).toEqual({ value: v }));
  it.each([['-417', -417], ['+12', 12], ['－8', -8], ['0', 0]])('signed %j → %j', (raw, v) =>
    expect(parseValue(raw, 'signed')).toEqual({ value: v }),
  );
  it.each([['1.5', 1.5], ['0.35万元', 0.35], ['251000元', 25.1], ['２.５', 2.5]])('amount %j → %j', (raw, v) =>
    expect(parseValue(raw, 'amount')).toEqual({ value: v }),
  );
  it.each(['', ' ', '\u00a0', '/', '／', '-', '—', '——', '无', '不适用', '無'])('placeholder %j → null', (raw) =>
    expect(parseValue(raw)).toEqual({ value: null }),
  );
  it.each(['约20', '若干', '二十', '251000元'])('not a count %j → unreadable', (raw) =>
    expect(parseValue(raw, 'count')).toEqual({ value: null, unreadable: true }),
  );
});
