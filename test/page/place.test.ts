import { describe, expect, test } from 'vitest';
import { badgeBox, badgePosition, offscreenSide, overlaps, probePoints, refPosition, Spots, tipPlacement, TIP_MAX_WIDTH, visiblePart, type Box, type Placement } from '@/lib/page/place';

const VIEW: Box = { left: 0, top: 0, right: 1280, bottom: 720 };
const cell = (left: number, top: number, w = 60, h = 29): Box => ({ left, top, right: left + w, bottom: top + h });

/** The tooltip's box for a placement, given its drawn size. */
function tipBox(t: ReturnType<typeof tipPlacement>, w: number, h: number): Box {
  const left = t.alignRight ? t.left - w : t.left;
  const top = t.alignBottom ? t.top - h : t.top;
  return { left, top, right: left + w, bottom: top + h };
}

describe('tipPlacement: the tooltip never covers its cell nor its badge', () => {
  test('opens beside the cell, on the right of its badge, when a full-width tooltip fits there', () => {
    const c = cell(100, 300);
    const b = badgeBox(badgePosition({ rect: c, clip: VIEW }));
    const t = tipPlacement(c, b, VIEW);
    expect(t).toMatchObject({ left: b.right, top: b.top, alignRight: false, alignBottom: false });
    expect(overlaps(tipBox(t, TIP_MAX_WIDTH, 284), c)).toBe(false);
  });

  test('near the right edge it opens below the cell, right-aligned with the badge, with a hover path up to it', () => {
    const c = cell(1100, 300);
    const b = badgeBox(badgePosition({ rect: c, clip: VIEW }));
    const t = tipPlacement(c, b, VIEW);
    expect(t).toMatchObject({ left: b.right, top: c.bottom + 2, alignRight: true, alignBottom: false });
    expect(t.bridge.height).toBe(c.bottom + 2 - b.bottom);
    const box = tipBox(t, TIP_MAX_WIDTH, 284);
    expect(overlaps(box, c) || overlaps(box, b)).toBe(false);
    expect(box.right).toBeLessThanOrEqual(VIEW.right);
  });

  test('near the bottom edge it flips above the cell and its badge', () => {
    const c = cell(1100, 650);
    const b = badgeBox(badgePosition({ rect: c, clip: VIEW }));
    const t = tipPlacement(c, b, VIEW);
    expect(t).toMatchObject({ top: b.top, alignBottom: true });
    const box = tipBox(t, TIP_MAX_WIDTH, 284);
    expect(overlaps(box, c) || overlaps(box, b)).toBe(false);
  });

  test('beside the cell near the bottom edge it grows upwards from the badge', () => {
    const c = cell(100, 690);
    const b = badgeBox(badgePosition({ rect: c, clip: VIEW }));
    const t = tipPlacement(c, b, VIEW);
    expect(t).toMatchObject({ left: b.right, top: b.bottom, alignRight: false, alignBottom: true });
  });

  test('a cell near the left edge of a narrow window gets a tooltip from the window edge, below it, as wide as fits', () => {
    const view = { left: 0, top: 0, right: 300, bottom: 720 };
    const c = cell(10, 100, 200);
    const b = badgeBox(badgePosition({ rect: c, clip: view }));
    const t = tipPlacement(c, b, view);
    expect(t).toMatchObject({ left: 4, alignRight: false, top: c.bottom + 2, maxWidth: 292 });
    expect(t.bridge.inset).toBe(b.left - 4);
  });

  test('for every cell on a grid of the window, the tooltip box (full size) misses the cell and the badge', () => {
    for (let x = 0; x <= 1220; x += 61)
      for (let y = 10; y <= 690; y += 37) {
        const c = cell(x, y);
        const b = badgeBox(badgePosition({ rect: c, clip: VIEW }));
        const box = tipBox(tipPlacement(c, b, VIEW), TIP_MAX_WIDTH, 284);
        expect(overlaps(box, c), `cell at ${x},${y}`).toBe(false);
        expect(overlaps(box, b), `badge at ${x},${y}`).toBe(false);
      }
  });
});

describe('refPosition: last year\'s figure never covers a cell', () => {
  const c = cell(200, 300, 40, 29);
  test('is hidden unless its cell holds the caret', () => {
    expect(refPosition({ rect: c, clip: VIEW }, false).visible).toBe(false);
    expect(refPosition(null, true).visible).toBe(false);
  });
  test('stands above the focused cell, right-aligned with it, outside it', () => {
    expect(refPosition({ rect: c, clip: VIEW }, true)).toEqual({ left: c.right, top: c.top - 1, visible: true, below: false });
  });
  test('hangs below the cell when the space above it is out of view', () => {
    expect(refPosition({ rect: c, clip: { ...VIEW, top: 290 } }, true)).toEqual({ left: c.right, top: c.bottom + 1, visible: true, below: true });
  });
});

describe('offscreenSide: which way a problem out of view lies', () => {
  const clip = { left: 0, top: 100, right: 800, bottom: 600 };
  test('above the visible area, below it, or covered in its upper or lower half', () => {
    expect(offscreenSide(cell(10, 40), clip)).toBe('above');
    expect(offscreenSide(cell(10, 620), clip)).toBe('below');
    expect(offscreenSide(cell(10, 105), clip)).toBe('above');
    expect(offscreenSide(cell(10, 500), clip)).toBe('below');
  });
});

describe('probePoints: where a covering element is looked for', () => {
  test('the badge\'s corners and centre, moved inside the visible area', () => {
    const pts = probePoints({ left: 100, top: 50, right: 114, bottom: 64 }, { left: 0, top: 60, right: 110, bottom: 600 });
    expect(pts).toEqual([
      { x: 101, y: 61 },
      { x: 109, y: 61 },
      { x: 107, y: 61 },
      { x: 101, y: 63 },
      { x: 109, y: 63 },
    ]);
  });
});

describe('Spots: the spot of a badge is worked out again only when its cell, clip or the viewport moved', () => {
  const fresh = (p: Placement, view: Box) => {
    const pos = { ...badgePosition(p, view), cell: visiblePart(p.rect, p.clip) };
    return { pos, points: probePoints(badgeBox(pos), p.clip) };
  };
  const clip: Box = { left: 100, top: 50, right: 700, bottom: 450 };

  test('gives the very same spot while nothing moved, and what a fresh computation gives once something did', () => {
    const spots = new Spots();
    const p = { rect: cell(200, 100), clip };
    const first = spots.spot('k', p, VIEW);
    expect(first).toEqual(fresh(p, VIEW));
    spots.done();
    expect(spots.spot('k', { rect: { ...p.rect }, clip: { ...clip } }, { ...VIEW })).toBe(first);
    spots.done();
    for (const moved of [
      { rect: cell(200, 101), clip },
      { rect: cell(200, 101), clip: { ...clip, bottom: 120 } },
    ]) {
      const s = spots.spot('k', moved, VIEW);
      expect(s).not.toBe(first);
      expect(s).toEqual(fresh(moved, VIEW));
      spots.done();
    }
    const narrow = { ...VIEW, right: 500 };
    const p2 = { rect: cell(200, 101), clip: { ...clip, bottom: 120 } };
    expect(spots.spot('k', p2, narrow)).toEqual(fresh(p2, narrow)); // the tooltip opens elsewhere in a narrower window
  });

  test('a placing the caller changes afterwards does not change the spot kept; a badge not placed in a pass is forgotten', () => {
    const spots = new Spots();
    const p = { rect: cell(200, 100), clip: { ...clip } };
    const first = spots.spot('k', p, VIEW);
    p.rect.left = 150;
    p.clip.top = 0;
    spots.done();
    const again = spots.spot('k', p, VIEW);
    expect(again).not.toBe(first);
    expect(again).toEqual(fresh(p, VIEW));
    spots.done();
    spots.done(); // a pass without badge k
    expect(spots.spot('k', p, VIEW)).not.toBe(again);
  });
});

