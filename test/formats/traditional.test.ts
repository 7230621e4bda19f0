import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { toSimplified, traditionalSpellings } from '@/lib/formats/traditional';

/** The plain definition: each code point replaced by its simplified one when the pairs know it. */
function reference(text: string): string {
  const simplified = new Map<string, string>();
  for (const w of ['门', '开', '复', '统', '计', '项', '湾', '台']) for (const t of traditionalSpellings(w)) if (t !== w) simplified.set(t, w);
  let out = '';
  for (const ch of text) out += simplified.get(ch) ?? ch;
  return out;
}

describe('toSimplified', () => {
  it('replaces each traditional character the pairs know by its simplified one, and nothing else', () => {
    expect(toSimplified('政府資訊公開工作年度報告')).toBe('政府资讯公开工作年度报告');
    expect(toSimplified('行政復議、行政訴訟，複核；臺灣')).toBe('行政复议、行政诉讼，复核；台湾');
    expect(toSimplified('本年度收到申请50件。')).toBe('本年度收到申请50件。');
    expect(toSimplified('')).toBe('');
  });

  it('leaves characters outside the Basic Multilingual Plane, surrogate halves and regex-like text whole', () => {
    expect(toSimplified('𠀀門\ud800[^]$.*開')).toBe('𠀀门\ud800[^]$.*开');
  });

  it('gives the same text as replacing code point by code point, for any mix of text and traditional characters', () => {
    const letters = [...'門開復複統計項灣臺门开复统计项湾台政府信息公开年度报告 ，。1２\n𠀀a[]'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...letters), { maxLength: 60 }), (cs) => {
        const text = cs.join('');
        expect(toSimplified(text)).toBe(reference(text));
      }),
    );
  });

  it('answers the same when called again on text with and without traditional characters (no state kept between calls)', () => {
    expect(toSimplified('開開')).toBe('开开');
    expect(toSimplified('開')).toBe('开');
    expect(toSimplified('x開')).toBe('x开');
  });
});
