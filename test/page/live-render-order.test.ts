import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveTables, type LiveLayer } from '@/lib/page/live';
import { Overlay, overlayRoot } from '@/components/overlay/overlay';
import type { OverlayView } from '@/lib/page/view';
import { t } from '@/lib/i18n';
import { stubDeps, TABLE, td, typeIn } from './stub-reader';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const shadow = () => overlayRoot(document.querySelector('nianbao-overlay'));
/** Wait (at most 2 s, for a busy machine) until `ok` holds. */
async function until(ok: () => boolean): Promise<void> {
  for (let waited = 0; !ok() && waited < 2000; waited += 10) await wait(10);
}
/** The cell's badge is drawn (happy-dom lays nothing out, so it is placed hidden). */
const badgeShown = (cell: string) => () => !!shadow()?.querySelector(`button[data-cell="${cell}"]`);

/** The overlay's drawing calls: each changes the overlay's DOM (and so the top document's style and layout). */
const DRAWS = new Set(['setTables', 'update', 'place', 'updateRefs', 'placeRef', 'updateMarks', 'placeMark', 'offscreen', 'announce']);

/**
 * A log of layout reads (boxes, hit tests, computed styles) and overlay drawings, cut into the page's tasks:
 * an entry made with no earlier one in the same task starts a new task (a microtask ends it).
 */
function recorder() {
  const tasks: string[][] = [];
  let open = false;
  const log = (what: string) => {
    if (!open) {
      tasks.push([]);
      open = true;
      queueMicrotask(() => (open = false));
    }
    tasks.at(-1)!.push(what);
  };
  const spy = <T extends object>(proto: T, name: keyof T & string) => {
    const real = proto[name] as (...a: unknown[]) => unknown;
    if (typeof real !== 'function') return;
    vi.spyOn(proto, name as never).mockImplementation(function (this: unknown, ...a: unknown[]) {
      log(`read ${name}`);
      return real.apply(this, a);
    } as never);
  };
  spy(Element.prototype, 'getBoundingClientRect');
  spy(Element.prototype, 'getClientRects');
  spy(Range.prototype, 'getClientRects');
  spy(Document.prototype, 'elementsFromPoint');
  spy(Document.prototype, 'elementFromPoint');
  spy(window, 'getComputedStyle');
  const overlay = (doc: Document, onFix: (key: string, cell: string, value: number) => void): OverlayView => {
    const real = new Overlay(doc, onFix);
    return new Proxy(real, {
      get(target, prop, receiver) {
        const v = Reflect.get(target, prop, receiver);
        if (typeof v !== 'function' || !DRAWS.has(String(prop))) return typeof v === 'function' ? v.bind(target) : v;
        return (...a: unknown[]) => {
          log(`draw ${String(prop)}`);
          return v.apply(target, a);
        };
      },
    });
  };
  return { tasks, overlay };
}

/** The task's entries from its first drawing on that are layout reads (a read there makes the browser lay out again). */
const readsAfterDrawing = (task: string[]) => {
  const first = task.findIndex((e) => e.startsWith('draw'));
  return first < 0 ? [] : task.slice(first).filter((e) => e.startsWith('read'));
};

/** A layer that reads a box of the page while placing, and draws a mark: its drawing must wait like the badges'. */
const readingLayer = (): LiveLayer => ({
  render: (overlay) => {
    overlay.updateMarks([]);
    return Infinity;
  },
  place: (overlay) => {
    const r = td('c').getBoundingClientRect();
    overlay.placeMark('layer', [], { left: r.left, top: r.top, visible: false });
  },
  clear: () => {},
});

describe('LiveTables: one render pass reads the page first and draws after', () => {
  let live: LiveTables | null = null;
  beforeEach(() => {
    document.body.innerHTML = `<div contenteditable="true">${TABLE}</div>`;
    document.querySelector('nianbao-overlay')?.remove();
  });
  afterEach(() => {
    live?.stop();
    live = null;
    vi.restoreAllMocks();
  });

  it('draws nothing of a new badge after the typing pause before the last box, hit test or style of that pass is read', async () => {
    const rec = recorder();
    live = new LiveTables({ top: document, deps: { ...stubDeps(), overlay: rec.overlay }, pauseMs: 30 });
    live.start();
    live.addLayer(readingLayer());
    await wait(5);
    typeIn('a', '5');
    await wait(10);
    expect(shadow()?.querySelectorAll('button[data-cell]').length ?? 0).toBe(0); // held while typed
    rec.tasks.length = 0;
    await until(badgeShown('c'));
    await wait(10);
    const shown = rec.tasks.filter((task) => task.includes('draw update') && task.includes('draw announce'));
    expect(shown.length).toBe(1); // the pause timer's pass drew the new badge and announced it
    const pass = shown[0]!;
    expect(pass.filter((e) => e.startsWith('read')).length).toBeGreaterThan(0);
    expect(readsAfterDrawing(pass)).toEqual([]);
    // The drawings of a pass keep their order: what is shown, then where.
    const draws = pass.filter((e) => e.startsWith('draw'));
    expect(draws.indexOf('draw update')).toBeLessThan(draws.indexOf('draw updateMarks'));
    expect(draws.indexOf('draw updateMarks')).toBeLessThan(draws.indexOf('draw updateRefs'));
    expect(draws.indexOf('draw updateRefs')).toBeLessThan(draws.indexOf('draw place'));
    expect(draws.indexOf('draw place')).toBeLessThan(draws.indexOf('draw placeMark'));
    expect(draws.at(-1)).toBe('draw announce');
    for (const task of rec.tasks) expect(readsAfterDrawing(task)).toEqual([]);
  });

  it('reads before it draws on every pass: a check, a keystroke that keeps the badge, a scroll', async () => {
    const rec = recorder();
    live = new LiveTables({ top: document, deps: { ...stubDeps(), overlay: rec.overlay }, pauseMs: 0 });
    live.start();
    await wait(5);
    rec.tasks.length = 0;
    td('a').textContent = '5';
    await wait(5);
    typeIn('a', '6');
    await wait(5);
    window.dispatchEvent(new Event('scroll'));
    await wait(40);
    expect(rec.tasks.filter((task) => task.includes('draw place')).length).toBeGreaterThan(1);
    for (const task of rec.tasks) expect(readsAfterDrawing(task)).toEqual([]);
  });

  it('announces the new badges of a pass once, with the first one’s cell and message, and fills their tooltips', async () => {
    live = new LiveTables({ top: document, deps: stubDeps(), pauseMs: 30 });
    live.start();
    typeIn('a', '5');
    await until(badgeShown('c'));
    const badge = shadow()!.querySelector('button[data-cell="c"]')!;
    const label = badge.getAttribute('aria-label')!;
    expect(label).toContain(t('overlay.error'));
    const region = shadow()!.querySelector('[role="status"]')!;
    expect(region.textContent).toBe(t('page.announce', { label: 'c', more: '', message: 'a(5)+b(2)≠c(3)' }));
    expect(badge.nextElementSibling!.textContent).toContain('a(5)+b(2)≠本格(3)');
    expect(badge.nextElementSibling!.textContent).toContain(t('overlay.fix', { n: 7 }));
    typeIn('a', '6'); // still wrong: the badge stays, nothing new to announce
    await until(() => !!badge.nextElementSibling!.textContent!.includes('a(6)'));
    expect(region.textContent).toBe(t('page.announce', { label: 'c', more: '', message: 'a(5)+b(2)≠c(3)' }));
    expect(badge.nextElementSibling!.textContent).toContain('a(6)+b(2)≠本格(3)');
    expect(badge.nextElementSibling!.textContent).toContain(t('overlay.fix', { n: 8 }));
  });
});
