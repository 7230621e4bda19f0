import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveTables } from '@/lib/page/live';
import { initNarrativeMarks } from '@/lib/page/features/narrative-marks';
import type { PageContext } from '@/lib/page/features/context';
import { mapNarrative } from '@/lib/read/dom';
import type { CheckInput, Finding } from '@/lib/report';
import { overlayRoot } from '@/components/overlay/overlay';
import { stubDeps, TABLE, typeInto } from './stub-reader';

/**
 * A new sentence mark is drawn 800 ms after the last keystroke. Its hit tests (is a toolbar or dialog drawn over
 * its lines or its badge?) cost a millisecond or more each on a slow PC: they are made while typing has paused
 * and the page is idle, so that drawing the mark at the pause only draws it.
 */

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const PAUSE = 700;
const geo = { hits: 0, menuDrawn: false };
const LINE = { left: 100, top: 50, right: 300, bottom: 70 };
const MENU = { left: 90, top: 40, right: 400, bottom: 200 };

function stubGeometry() {
  const rect = (b: { left: number; top: number; right: number; bottom: number }) =>
    ({ ...b, x: b.left, y: b.top, width: b.right - b.left, height: b.bottom - b.top, toJSON() {} }) as DOMRect;
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
    const i = ['a', 'b', 'c'].indexOf(this.getAttribute('data-id') ?? '');
    return rect(i >= 0 ? { left: 100 + 60 * i, top: 300, right: 160 + 60 * i, bottom: 320 } : this.id === 'menu' ? MENU : { left: 0, top: 0, right: 0, bottom: 0 });
  });
  vi.spyOn(Range.prototype, 'getClientRects').mockImplementation(() => [rect(LINE)] as unknown as DOMRectList);
  const at = (x: number, y: number) => {
    geo.hits++;
    const p = document.getElementById('n')!;
    const inMenu = geo.menuDrawn && x >= MENU.left && x <= MENU.right && y >= MENU.top && y <= MENU.bottom;
    return inMenu ? [document.getElementById('menu')!, p] : [p];
  };
  document.elementsFromPoint = at;
  document.elementFromPoint = (x: number, y: number) => at(x, y)[0] ?? null;
}

/** 「共N件」 must equal cell c (a stand-in for the narrative check). */
function narrativeCheck(text: string, input: CheckInput): Finding[] {
  const out: Finding[] = [];
  for (const m of text.matchAll(/[^。\n]*共[^。\n\d]*(\d+)件[^。\n]*/g)) {
    if (Number(m[1]) === input.values.c) continue;
    out.push({ rule: 'P-TEXT', severity: 'warning', cells: ['c'], message: `共${m[1]}件与 c 不一致`, span: { start: m.index, end: m.index + m[0].length } });
  }
  return out;
}

const mark = () => overlayRoot(document.querySelector('nianbao-overlay'))?.querySelector<HTMLElement>('button[data-kind="sentence"][data-cell]');
const lineBoxes = () => [...(overlayRoot(document.querySelector('nianbao-overlay'))?.querySelectorAll<HTMLElement>('.m') ?? [])].filter((m) => !m.hidden).length;

describe('a held sentence mark is prepared while typing pauses', () => {
  let live: LiveTables | null = null;

  beforeEach(async () => {
    Object.assign(geo, { hits: 0, menuDrawn: false });
    document.querySelector('nianbao-overlay')?.remove();
    document.body.innerHTML = `<div id="menu" style="position:fixed;display:none">菜单</div><div contenteditable="true"><p id="n">本年共收到申请3件。</p>${TABLE}</div>`;
    stubGeometry();
    live = new LiveTables({ top: document, deps: { ...stubDeps(undefined, narrativeCheck), mapNarrative }, pauseMs: PAUSE });
    live.start();
    initNarrativeMarks({ live } as unknown as PageContext, new AbortController().signal);
    await wait(0);
  });
  afterEach(() => {
    live?.stop();
    vi.restoreAllMocks();
  });

  it('tests for cover before the pause, and draws the mark at the pause without a hit test', async () => {
    typeInto(document.getElementById('n')!, '本年共收到申请5件。');
    await wait(PAUSE - 150);
    expect(mark()?.hidden ?? true).toBe(true); // still held
    const prepared = geo.hits;
    expect(prepared).toBeGreaterThan(0);
    await vi.waitFor(() => expect(mark()?.hidden).toBe(false), { timeout: 1000, interval: 10 });
    expect(geo.hits).toBe(prepared);
    expect(lineBoxes()).toBe(1);
  });

  it('draws at the pause what a placement tested then would: a menu opened after the preparing hides the mark', async () => {
    typeInto(document.getElementById('n')!, '本年共收到申请5件。');
    await wait(PAUSE - 150);
    expect(geo.hits).toBeGreaterThan(0);
    const before = geo.hits;
    document.getElementById('menu')!.style.display = 'block'; // the page changes: what was tested is forgotten
    geo.menuDrawn = true;
    await vi.waitFor(() => expect(geo.hits).toBeGreaterThan(before), { timeout: 1000, interval: 10 });
    await wait(200);
    expect(mark()?.hidden).toBe(true);
    expect(lineBoxes()).toBe(0);
    document.getElementById('menu')!.style.display = 'none';
    geo.menuDrawn = false;
    await vi.waitFor(() => expect(mark()?.hidden).toBe(false), { timeout: 1000, interval: 10 });
    expect(lineBoxes()).toBe(1);
  });

  it('typing again puts the preparing off: no hit test while the clerk types', async () => {
    const p = document.getElementById('n')!;
    for (const n of [5, 6, 7, 8, 9]) {
      typeInto(p, `本年共收到申请${n}件。`);
      await wait(100);
    }
    expect(geo.hits).toBe(0);
  });
});
