import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { LiveTables } from '@/lib/page/live';
import { CoverMemory, typingOnly } from '@/lib/page/cover-watch';
import { badgeBox, badgePosition, covered, placeInTop, probePoints } from '@/lib/page/place';
import { overlayRoot } from '@/components/overlay/overlay';
import { stubDeps, TABLE, td, typeIn } from './stub-reader';

/**
 * The hit tests behind "is this badge covered" are kept from one keystroke to the next, and every change that
 * can put something over a badge makes them be tested again. The page's geometry is given here (happy-dom lays
 * nothing out): cells a, b, c side by side, a fixed menu that may lie over cell c, and a hit test that sees it.
 */

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)));
const badge = () => overlayRoot(document.querySelector('nianbao-overlay'))!.querySelector<HTMLElement>('button[data-cell="c"]');

/** Where things are: cells 60 px wide from x = 100 + shift, the menu's box, and whether it is drawn. */
const geo = { shift: 0, menu: { left: 0, top: 0, right: 0, bottom: 0 }, menuDrawn: false, hits: 0 };


function stubGeometry() {
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
    const i = ['a', 'b', 'c'].indexOf(this.getAttribute('data-id') ?? '');
    const box = i >= 0 ? { left: 100 + geo.shift + 60 * i, top: 100, right: 160 + geo.shift + 60 * i, bottom: 120 } : this.id === 'menu' ? geo.menu : { left: 0, top: 0, right: 0, bottom: 0 };
    return { ...box, x: box.left, y: box.top, width: box.right - box.left, height: box.bottom - box.top, toJSON() {} } as DOMRect;
  });
  const at = (x: number, y: number) => {
    geo.hits++;
    const m = geo.menu;
    const under = cellsAt(x);
    return geo.menuDrawn && x >= m.left && x <= m.right && y >= m.top && y <= m.bottom ? [document.getElementById('menu')!, ...under] : under;
  };
  document.elementsFromPoint = at;
  document.elementFromPoint = (x: number, y: number) => at(x, y)[0] ?? null;
}

/** The cell (and its table) at x, or the body between them: what lies under the menu. */
function cellsAt(x: number): Element[] {
  const i = Math.floor((x - 100 - geo.shift) / 60);
  const cell = i >= 0 && i < 3 ? td('abc'[i]!) : null;
  return cell ? [cell, document.querySelector('table')!] : [document.body];
}

/** What a placement without any memory says of c's badge: its spot, and whether the menu covers it. */
type Seen = { visible: false } | { visible: true; left: number; top: number };

function fresh(): Seen {
  const p = placeInTop(td('c'), document)!;
  const pos = badgePosition(p);
  const hidden = pos.visible && covered(document.querySelector('table')!, document, probePoints(badgeBox(pos), p.clip), document.querySelector('nianbao-overlay'));
  return pos.visible && !hidden ? { visible: true, left: Math.round(pos.left), top: Math.round(pos.top) } : { visible: false };
}

/** The badge of cell c as drawn (where it is matters only while it is shown). */
function shown(): Seen {
  const b = badge()!;
  return b.hidden ? { visible: false } : { visible: true, left: parseFloat(b.style.left), top: parseFloat(b.style.top) };
}

describe('hit tests kept between keystrokes, tested again on every change that can cover a badge', () => {
  let live: LiveTables | null = null;

  beforeEach(async () => {
    Object.assign(geo, { shift: 0, menu: { left: 250, top: 80, right: 400, bottom: 140 }, menuDrawn: false, hits: 0 });
    document.querySelector('nianbao-overlay')?.remove();
    document.body.innerHTML = `<div id="menu" style="position:fixed;display:none">菜单</div><div contenteditable="true">${TABLE.replace('>3<', '>4<')}</div>`;
    stubGeometry();
    live = new LiveTables({ top: document, deps: stubDeps(), pauseMs: 0 });
    live.start();
    await wait(0);
    expect(shown().visible).toBe(true);
  });
  afterEach(() => {
    live?.stop();
    vi.restoreAllMocks();
  });

  it('a keystroke that moves no badge tests nothing again', async () => {
    const before = geo.hits;
    expect(before).toBeGreaterThan(0);
    typeIn('b', '5');
    await wait(0);
    expect(geo.hits).toBe(before);
    expect(shown()).toEqual(fresh());
  });

  it('a badge whose spot moved is tested again', async () => {
    geo.menu = { left: 350, top: 80, right: 500, bottom: 140 };
    geo.menuDrawn = true; // drawn beside the badge's spot, out of its way
    typeIn('b', '5');
    await wait(0);
    const hits = geo.hits;
    geo.shift = 100; // the table reflowed: c's corner is now under the menu
    typeIn('b', '6');
    await wait(0);
    expect(geo.hits).toBeGreaterThan(hits);
    expect(shown()).toEqual({ visible: false });
    expect(fresh()).toEqual({ visible: false });
  });

  it('a scroll anywhere tests again', async () => {
    geo.menuDrawn = true; // e.g. a sticky bar that a scroll brought over the badge
    document.dispatchEvent(new Event('scroll'));
    await frame();
    expect(shown().visible).toBe(false);
  });

  it('a resize of the window tests again', async () => {
    geo.menuDrawn = true;
    window.dispatchEvent(new Event('resize'));
    await frame();
    expect(shown().visible).toBe(false);
  });

  it('a menu shown in the top document hides the badge at once, and brings it back when closed', async () => {
    const menu = document.getElementById('menu')!;
    menu.style.display = 'block';
    geo.menuDrawn = true;
    await wait(0);
    await frame();
    expect(shown().visible).toBe(false);
    menu.style.display = 'none';
    geo.menuDrawn = false;
    await wait(0);
    await frame();
    expect(shown().visible).toBe(true);
  });

  it("a menu's fade-in finishing tests again", async () => {
    geo.menuDrawn = true;
    document.getElementById('menu')!.dispatchEvent(new Event('transitionend', { bubbles: true }));
    await frame();
    expect(shown().visible).toBe(false);
  });

  it('a jump to a cell (reveal) tests again', async () => {
    geo.menuDrawn = true;
    td('c').scrollIntoView = () => {};
    live!.reveal('c');
    await frame();
    expect(shown().visible).toBe(false);
  });

  it('after any sequence of keystrokes, reflows, scrolls and menus opening or closing, the badge is where and as a placement without memory puts it', async () => {
    const menu = document.getElementById('menu')!;
    const step = fc.oneof(
      fc.record({ kind: fc.constant('key' as const), b: fc.integer({ min: 4, max: 9 }), shift: fc.integer({ min: -2, max: 4 }).map((n) => n * 40) }),
      fc.record({ kind: fc.constant('menu' as const), open: fc.boolean(), left: fc.integer({ min: 150, max: 400 }) }),
      fc.record({ kind: fc.constant('scroll' as const), shift: fc.integer({ min: -2, max: 4 }).map((n) => n * 40) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        for (const s of steps) {
          if (s.kind === 'key') {
            geo.shift = s.shift;
            typeIn('b', String(s.b));
          } else if (s.kind === 'menu') {
            geo.menu = { left: s.left, top: 80, right: s.left + 120, bottom: 140 };
            geo.menuDrawn = s.open;
            menu.style.cssText = `position:fixed;left:${s.left}px;display:${s.open ? 'block' : 'none'}`;
          } else {
            geo.shift = s.shift;
            document.dispatchEvent(new Event('scroll'));
          }
          await wait(0);
          await frame();
          expect(shown()).toEqual(fresh());
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('the memory of hit-test answers', () => {
  const scope = document.createElement('table');
  const pts = [{ x: 1, y: 2 }, { x: 3, y: 4 }];
  const origin = { x: 10, y: 20, box: { left: 10, top: 20, right: 500, bottom: 400 } };

  it('answers only for the same scope at the same points with every frame at the same place', () => {
    const m = new CoverMemory();
    m.remember(scope, pts, [origin], true);
    expect(m.answer(scope, pts, [origin])).toBe(true);
    expect(m.answer(scope, [pts[0]!, { x: 3, y: 5 }], [origin])).toBeUndefined();
    expect(m.answer(scope, pts, [{ ...origin, y: 21 }])).toBeUndefined();
    expect(m.answer(scope, pts, [{ ...origin, box: { ...origin.box, bottom: 300 } }])).toBeUndefined();
    expect(m.answer(scope, pts, [])).toBeUndefined();
    expect(m.answer(document.createElement('table'), pts, [origin])).toBeUndefined();
  });

  it('keys answers by the numbers of the points, whether a list is frozen (a badge that stayed put) or changed in place', () => {
    const m = new CoverMemory();
    const kept = Object.freeze(pts.map((p) => Object.freeze({ ...p })));
    m.remember(scope, kept, [origin], true);
    expect(m.answer(scope, kept, [origin])).toBe(true);
    expect(m.answer(scope, Object.freeze(pts.map((p) => Object.freeze({ ...p }))), [origin])).toBe(true);
    expect(m.answer(scope, kept, [{ ...origin, x: 11 }])).toBeUndefined();
    const moving = pts.map((p) => ({ ...p }));
    m.remember(scope, moving, [origin], false);
    expect(m.answer(scope, moving, [origin])).toBe(false);
    moving[1]!.y = 9;
    expect(m.answer(scope, moving, [origin])).toBeUndefined();
  });

  it('forgets everything when told', () => {
    const m = new CoverMemory();
    m.remember(scope, pts, [], false);
    m.forget();
    expect(m.answer(scope, pts, [])).toBeUndefined();
  });
});

describe('typingOnly: a document whose every change is the text of editable content', () => {
  it('is an editor body in design mode or a contenteditable body, not an ordinary page', () => {
    const doc = document.implementation.createHTMLDocument('x');
    expect(typingOnly(doc)).toBe(false);
    doc.body.setAttribute('contenteditable', 'true');
    expect(typingOnly(doc)).toBe(true);
    const design = document.implementation.createHTMLDocument('y');
    design.designMode = 'on';
    expect(typingOnly(design)).toBe(true);
  });
});
