import { describe, expect, it } from 'vitest';
import { frameChain, reachedFromTop } from '@/lib/page/frames';
import { covered, placeInTop, Reads } from '@/lib/page/place';

/** Minimal stand-ins for a window/document/iframe tree (happy-dom does not load iframe documents). */
type Rect = { left: number; top: number; right: number; bottom: number };
function fakeDoc(view: { innerWidth: number; innerHeight: number; frameElement: unknown }) {
  const doc = { defaultView: { ...view, getComputedStyle: () => ({ paddingLeft: '0', paddingTop: '0', paddingRight: '0', paddingBottom: '0' }) } };
  return doc as unknown as Document;
}
function fakeEl(doc: Document, rect: Rect, box?: { clientLeft: number; clientTop: number; clientWidth: number; clientHeight: number }) {
  return { isConnected: true, ownerDocument: doc, getBoundingClientRect: () => rect, ...box } as unknown as Element;
}

describe('reachedFromTop', () => {
  it('is false in the top frame and under a cross-origin parent, true under same-origin parents', () => {
    const top = { document: { documentElement: {} } } as unknown as Window & { top: Window; parent: Window };
    Object.assign(top, { top, parent: top });
    expect(reachedFromTop(top)).toBe(false);
    const mid = { top, parent: top, document: { documentElement: {} } } as unknown as Window;
    const leaf = { top, parent: mid, document: {} } as unknown as Window;
    expect(reachedFromTop(leaf)).toBe(true);
    const crossParent = {
      top,
      parent: top,
      get document(): Document {
        throw new DOMException('Blocked a frame', 'SecurityError');
      },
    } as unknown as Window;
    expect(reachedFromTop({ top, parent: crossParent } as unknown as Window)).toBe(false);
  });
});

describe('placeInTop', () => {
  // top viewport 1000×800; an editor iframe at (100, 50) with a 2px border, 400×300 inside; a cell in it.
  const topDoc = fakeDoc({ innerWidth: 1000, innerHeight: 800, frameElement: null });
  const iframe = fakeEl(topDoc, { left: 100, top: 50, right: 504, bottom: 354 }, { clientLeft: 2, clientTop: 2, clientWidth: 400, clientHeight: 300 });
  const inner = fakeDoc({ innerWidth: 400, innerHeight: 300, frameElement: iframe });

  it('adds the content-box offset of every enclosing frame', () => {
    const cell = fakeEl(inner, { left: 10, top: 20, right: 60, bottom: 40 });
    expect(frameChain(inner, topDoc)).toEqual([iframe]);
    const p = placeInTop(cell, topDoc)!;
    expect(p.rect).toEqual({ left: 112, top: 72, right: 162, bottom: 92 });
    expect(p.clip).toEqual({ left: 102, top: 52, right: 502, bottom: 352 });
  });

  it('goes through two levels of frames (TRS WCM / eWebEditor)', () => {
    const outerFrame = fakeEl(inner, { left: 5, top: 5, right: 205, bottom: 105 }, { clientLeft: 0, clientTop: 0, clientWidth: 200, clientHeight: 100 });
    const deepest = fakeDoc({ innerWidth: 200, innerHeight: 100, frameElement: outerFrame });
    const cell = fakeEl(deepest, { left: 1, top: 1, right: 11, bottom: 11 });
    const p = placeInTop(cell, topDoc)!;
    expect(p.rect).toEqual({ left: 108, top: 58, right: 118, bottom: 68 });
    expect(p.clip).toEqual({ left: 107, top: 57, right: 307, bottom: 157 });
  });

  it('gives up on elements it cannot follow to the top', () => {
    const orphan = fakeDoc({ innerWidth: 10, innerHeight: 10, frameElement: null });
    expect(placeInTop(fakeEl(orphan, { left: 0, top: 0, right: 1, bottom: 1 }), topDoc)).toBeNull();
  });

  it('reads each frame, document and viewport once per placing pass, and again in the next pass (after the frame moved)', () => {
    let frameReads = 0;
    let viewReads = 0;
    let chainReads = 0;
    let at = 100;
    const counted = <T extends object>(o: T, name: string, value: () => unknown, count: () => void) =>
      Object.defineProperty(o, name, { get: () => (count(), value()) });
    const top = fakeDoc({ innerWidth: 1000, innerHeight: 800, frameElement: null });
    counted(top.defaultView!, 'innerWidth', () => 1000, () => viewReads++);
    const frame = fakeEl(top, { left: 0, top: 0, right: 0, bottom: 0 }, { clientLeft: 2, clientTop: 2, clientWidth: 400, clientHeight: 300 });
    (frame as unknown as { getBoundingClientRect: () => Rect }).getBoundingClientRect = () => (frameReads++, { left: at, top: 50, right: at + 404, bottom: 354 });
    const doc = fakeDoc({ innerWidth: 400, innerHeight: 300, frameElement: null });
    counted(doc.defaultView!, 'frameElement', () => frame, () => chainReads++);
    const cells = [10, 70, 130].map((left) => fakeEl(doc, { left, top: 20, right: left + 50, bottom: 40 }));

    const pass = new Reads();
    const placed = cells.map((c) => placeInTop(c, top, pass)!);
    expect(placed.map((p) => p.rect.left)).toEqual([112, 172, 232]);
    expect(covered(cells[0]!, top, [], null, pass)).toBe(false);
    expect([frameReads, viewReads, chainReads]).toEqual([1, 1, 1]);
    // Each placing has its own clip: changing one changes no other.
    placed[0]!.clip.left = -1;
    expect(placed[1]!.clip.left).toBe(102);

    at = 300; // the frame moved: the next pass reads it again and places the cells there
    const next = new Reads();
    expect(cells.map((c) => placeInTop(c, top, next)!.rect.left)).toEqual([312, 372, 432]);
    expect(placeInTop(cells[0]!, top, next)!.clip).toEqual({ left: 302, top: 52, right: 702, bottom: 352 });
    expect([frameReads, viewReads, chainReads]).toEqual([2, 2, 2]);
  });
});

