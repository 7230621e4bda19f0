import { describe, expect, it } from 'vitest';
import { cellLabel, FORMATS } from '@/lib/formats';
import { labelOf } from '@/lib/page/badges';

describe('labelOf: a badge names its cell in the words of its own format', () => {
  it('gives what cellLabel gives for every cell of every format, asked once or again', () => {
    for (const f of Object.values(FORMATS))
      for (const c of f.cells) {
        expect(labelOf(f.id, c.id)).toBe(cellLabel(f.id, c.id));
        expect(labelOf(f.id, c.id)).toBe(cellLabel(f.id, c.id));
      }
  });

  it('keeps the same cell id of two formats apart (2021 and 2019 word 本年处理决定数量 differently)', () => {
    const id = 'active.license.decisions';
    expect(labelOf('gov2021', id)).toBe('表二·行政许可·本年处理决定数量');
    expect(labelOf('gov2019', id)).toBe('表二·行政许可·处理决定数量');
    expect(labelOf('gov2021', `${id}.cumulative`)).toBe(cellLabel('gov2021', `${id}.cumulative`));
  });
});
