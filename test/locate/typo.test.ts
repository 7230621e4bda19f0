import { describe, expect, it } from 'vitest';
import { typoKind } from '@/lib/locate';
import { seeded, typo } from './generate';
import { HEAVY } from '../helpers/heavy';

describe('typoKind: one slip of the finger (Scholtus 2009)', HEAVY, () => {
  it('recognises the four slips of the paper’s example 4627', () => {
    expect(typoKind(4267, 4627)).toBe('swap');
    expect(typoKind(46287, 4627)).toBe('insert');
    expect(typoKind(467, 4627)).toBe('drop');
    expect(typoKind(4687, 4627)).toBe('replace');
  });
  it('reads typed values as numbers: leading zeros vanish', () => {
    expect(typoKind(5, 105)).toBe('drop'); // "05"
    expect(typoKind(5, 15)).toBe('drop');
    expect(typoKind(1, 10)).toBe('drop'); // "1" or "01"
    expect(typoKind(3, 0)).toBe('replace'); // a zero typed as another digit
    expect(typoKind(30, 0)).toBe('insert');
    expect(typoKind(12, 21)).toBe('swap');
  });
  it('rejects changes that are not one slip', () => {
    expect(typoKind(951, 0)).toBeNull();
    expect(typoKind(100, 7)).toBeNull();
    expect(typoKind(1234, 4321)).toBeNull();
    expect(typoKind(55, 19)).toBeNull();
    expect(typoKind(8, 8)).toBeNull();
  });
  it('recognises every slip the benchmark generator makes', () => {
    const r = seeded(1);
    for (let i = 0; i < 20000; i++) {
      const value = r() < 0.4 ? 0 : Math.floor(10 ** (r() * 5));
      const { typed, kind } = typo(r, value);
      expect(typed).not.toBe(value);
      expect(typoKind(typed, value), `${value} → ${typed} (${kind})`).not.toBeNull();
    }
  });
});
