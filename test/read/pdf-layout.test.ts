/** The PDF page layout on hand-made text items and borders (points, y upwards, as pdf.js gives them). */
import { describe, expect, it } from 'vitest';
import { type Item, type Rule, pageText } from '@/lib/read/pdf-layout';

const item = (str: string, x: number, y: number, h = 10): Item => ({ str, x, y, w: str.length * h * (/^[\d.]+$/.test(str) ? 0.5 : 1), h });

describe('pageText', () => {
  it('two numbers close together are two cells, never one number', () => {
    // `1` ends at x=105, `50` starts 3 points later (0.3 of the font size)
    const text = pageText([item('（七）总计', 0, 100), item('1', 100, 100), item('50', 108, 100)]);
    expect(text).toBe('（七）总计 | 1 | 50');
  });

  it('digits of one number printed as two runs with no gap stay one number', () => {
    expect(pageText([item('行政许可', 0, 100), item('12', 80, 100), item('86', 90, 100)])).toBe('行政许可 | 1286');
  });

  it('a bordered row keeps its blank cells, in their columns', () => {
    // 4 columns: label 0–60, then 60–90, 90–120, 120–150; rows 80–100 and 100–120
    const xs = [0, 60, 90, 120, 150];
    const rules: Rule[] = [
      ...[80, 100, 120].map((y): Rule => ({ dir: 'h', at: y, a: 0, b: 150 })),
      ...xs.map((x): Rule => ({ dir: 'v', at: x, a: 80, b: 120 })),
    ];
    const items = [item('规章', 2, 104), item('13', 70, 104), item('524', 125, 104), item('其他', 2, 84), item('6', 100, 84)];
    expect(pageText(items, rules).split('\n')).toEqual(['| 规章 | 13 |  | 524 |', '| 其他 |  | 6 |  |']);
  });
});
