import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LiveTables } from '@/lib/page/live';
import { initNarrativeMarks } from '@/lib/page/features/narrative-marks';
import type { PageContext } from '@/lib/page/features/context';
import { mapNarrative } from '@/lib/read/dom';
import type { CheckInput, Finding } from '@/lib/report';
import { stubDeps, TABLE, typeInto } from './stub-reader';
import { overlayRoot } from '@/components/overlay/overlay';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const shadow = () => overlayRoot(document.querySelector('nianbao-overlay'));
const cellBadges = () => [...(shadow()?.querySelectorAll('button[data-cell]:not([data-kind])') ?? [])].map((b) => b.getAttribute('data-cell'));
const marks = () =>
  [...(shadow()?.querySelectorAll('button[data-kind="sentence"][data-cell]') ?? [])].map((b) => ({
    cell: b.getAttribute('data-cell'),
    severity: b.getAttribute('data-severity'),
    tip: b.nextElementSibling?.textContent ?? '',
  }));

/**
 * A stand-in for the narrative check over the stub's cells: 「共N件」 in a sentence must equal cell c.
 * Counts its calls; the real check runs in the real-browser tests.
 */
function narrativeStub() {
  const calls = { n: 0 };
  const check = (text: string, input: CheckInput): Finding[] => {
    calls.n++;
    const out: Finding[] = [];
    for (const m of text.matchAll(/[^。\n]*共[^。\n\d]*(\d+)件[^。\n]*/g)) {
      const c = input.values.c;
      if (typeof c !== 'number' || Number(m[1]) === c) continue;
      out.push({ rule: 'P-TEXT', severity: 'warning', cells: ['c'], message: `正文“${m[0]}”中共${m[1]}件，与表格 c=${c} 不一致`, span: { start: m.index, end: m.index + m[0].length } });
    }
    return out;
  };
  return { calls, check };
}


describe('LiveTables: the narrative', () => {
  let live: LiveTables | null = null;
  beforeEach(() => {
    document.body.innerHTML = '';
    document.querySelector('nianbao-overlay')?.remove();
  });
  afterEach(() => live?.stop());

  function start(text: string) {
    document.body.innerHTML = `<div contenteditable="true"><p id="n">${text}</p>${TABLE}</div>`;
    const n = narrativeStub();
    live = new LiveTables({ top: document, deps: { ...stubDeps(undefined, n.check), mapNarrative }, pauseMs: 60 });
    const features = new AbortController();
    live.start();
    initNarrativeMarks({ live } as unknown as PageContext, features.signal);
    return { n, p: document.getElementById('n')!, features };
  }

  it('marks a disagreeing sentence in the overlay and badges its cell, nothing in the page', async () => {
    start('本年共收到申请4件。其他。');
    const page = document.body.innerHTML;
    await wait(0);
    expect(cellBadges()).toEqual(['c']);
    expect(marks()).toEqual([{ cell: 'c', severity: 'warning', tip: expect.stringContaining('正文“本年共收到申请4件”中共4件，与表格 c=3 不一致') as unknown as string }]);
    const findings = live!.reports()[0]!.findings;
    expect(findings.map((f) => [f.rule, f.span])).toEqual([['P-TEXT', { start: 0, end: 9 }]]);
    expect(document.body.innerHTML).toBe(page);
  });

  it('the narrative-marks feature takes its marks off when it stops; the cell badges stay', async () => {
    const { features } = start('本年共收到申请4件。其他。');
    await wait(0);
    expect(marks()).toHaveLength(1);
    features.abort();
    expect(marks()).toEqual([]);
    live!.recheck();
    await wait(0);
    expect(marks()).toEqual([]);
    expect(cellBadges()).toEqual(['c']);
  });

  it('runs the narrative check again only when the narrative changed, or after a pause when the values changed', async () => {
    const { n, p } = start('本年共收到申请3件。');
    await wait(0);
    expect(n.calls.n).toBe(1);
    p.append(document.createElement('span')); // a change that alters neither text nor values
    await wait(0);
    expect(live!.reports(false).length).toBe(1);
    expect(n.calls.n).toBe(1);
    document.querySelector('[data-id="c"]')!.textContent = '4'; // only the values changed: checked once typing pauses
    await wait(0);
    expect(cellBadges()).toEqual(['c']); // the table's own rule at once (a+b≠c)
    expect(n.calls.n).toBe(1);
    await wait(200);
    expect(n.calls.n).toBe(2);
    expect(marks().map((m) => m.tip.includes('与表格 c=4 不一致'))).toEqual([true]);
    p.append('另有说明。'); // text changed
    await wait(0);
    expect(n.calls.n).toBe(3);
  });

  it('holds a new mark while the narrative is typed in, and clears it at once when the figure agrees', async () => {
    const { p } = start('本年共收到申请3件。');
    await wait(0);
    expect(marks()).toEqual([]);
    typeInto(p, '本年共收到申请5件。');
    await wait(10);
    expect(marks()).toEqual([]); // typing: not yet
    expect(cellBadges()).toEqual([]);
    await wait(90);
    expect(marks().map((m) => m.cell)).toEqual(['c']);
    expect(cellBadges()).toEqual(['c']);
    typeInto(p, '本年共收到申请3件。');
    await wait(0);
    expect(marks()).toEqual([]);
    expect(cellBadges()).toEqual([]);
  });

  it('keeps a mark on screen while the figure is retyped (no flicker), and stops with the tracker', async () => {
    const { p } = start('本年共收到申请5件。');
    await wait(0);
    expect(marks().length).toBe(1);
    typeInto(p, '说明在前。本年共收到申请6件。'); // offsets move, still the first sentence about c
    await wait(0);
    expect(marks().map((m) => m.tip.includes('共6件'))).toEqual([true]);
    live!.stop();
    live = null;
    expect(document.querySelector('nianbao-overlay')).toBeNull();
  });
});
