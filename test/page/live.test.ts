import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LiveTables } from '@/lib/page/live';
import { badgePosition } from '@/lib/page/place';
import { stubDeps, TABLE, td, typeIn } from './stub-reader';
import { observersMadeBy } from '../helpers/observers';
import { overlayRoot } from '@/components/overlay/overlay';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const badges = () =>
  [...(overlayRoot(document.querySelector('nianbao-overlay'))?.querySelectorAll('button[data-cell]') ?? [])].map((b) =>
    b.getAttribute('data-cell'),
  );


describe('LiveTables', () => {
  let live: LiveTables | null = null;
  beforeEach(() => {
    document.body.innerHTML = '';
    document.querySelector('nianbao-overlay')?.remove();
  });
  afterEach(() => live?.stop());

  it('does nothing visible on a page without report tables, and never reads it', async () => {
    document.body.innerHTML = '<table><tr><td>1</td></tr></table>'.repeat(50);
    const deps = stubDeps();
    live = new LiveTables({ top: document, deps });
    live.start();
    document.body.append(document.createElement('div'));
    await wait(5);
    expect(document.querySelector('nianbao-overlay')).toBeNull();
    expect(deps.calls.read).toBe(0);
    expect(deps.calls.may).toBeGreaterThan(0);
  });

  it('watches the top document with one MutationObserver (edits and what may cover a badge alike)', () => {
    document.body.innerHTML = `<div contenteditable="true">${TABLE}</div>`;
    const made = observersMadeBy(() => {
      live = new LiveTables({ top: document, deps: stubDeps() });
      live.start();
    });
    expect(made).toBe(1);
  });

  it('reads a document that holds a report again on each edit without pre-filtering it first, and forgets the report when its table goes', async () => {
    document.body.innerHTML = `<div contenteditable="true">${TABLE}</div>`;
    const deps = stubDeps();
    live = new LiveTables({ top: document, deps, pauseMs: 0 });
    live.start();
    await wait(5);
    const may = deps.calls.may;
    const reads = deps.calls.read;
    typeIn('a', '5');
    await wait(5);
    expect(deps.calls.read).toBeGreaterThan(reads);
    expect(deps.calls.may).toBe(may);
    expect(badges()).toEqual(['c']);
    document.querySelector('table')!.remove();
    await wait(5);
    expect(badges()).toEqual([]);
    expect(document.querySelector('nianbao-overlay')?.getAttribute('data-tables')).toBe('0');
  });

  it('finds a table pasted in later and counts it on the host', async () => {
    live = new LiveTables({ top: document, deps: stubDeps(), quietMs: 10 });
    live.start();
    document.body.innerHTML = `<div contenteditable="true">${TABLE}</div>`;
    await wait(30);
    expect(document.querySelector('nianbao-overlay')?.getAttribute('data-tables')).toBe('1');
    expect(badges()).toEqual([]);
  });

  it('shows a change made by page script at once, and clears it as soon as it balances', async () => {
    document.body.innerHTML = `<div contenteditable="true">${TABLE}</div>`;
    live = new LiveTables({ top: document, deps: stubDeps() });
    live.start();
    td('a').textContent = '5';
    await wait(0);
    expect(badges()).toEqual(['c']);
    td('c').textContent = '7';
    await wait(0);
    expect(badges()).toEqual([]);
  });

  it('holds a hard finding while its cell is typed in, shows it after the pause, clears it at once', async () => {
    document.body.innerHTML = `<div contenteditable="true">${TABLE}</div>`;
    live = new LiveTables({ top: document, deps: stubDeps(), pauseMs: 60 });
    live.start();
    typeIn('a', '5');
    await wait(10);
    expect(badges()).toEqual([]); // being typed: not yet
    await wait(90);
    expect(badges()).toEqual(['c']); // after the pause
    typeIn('a', '1');
    await wait(0);
    expect(badges()).toEqual([]); // balanced again: no delay
  });

  it('keeps a badge already on screen while the cell is edited again (no flicker), clears it when balanced', async () => {
    document.body.innerHTML = `<div contenteditable="true">${TABLE}</div>`;
    live = new LiveTables({ top: document, deps: stubDeps(), pauseMs: 40 });
    live.start();
    typeIn('a', '5');
    await wait(70);
    expect(badges()).toEqual(['c']);
    typeIn('a', '4'); // still wrong
    await wait(0);
    expect(badges()).toEqual(['c']);
    typeIn('a', '1');
    await wait(0);
    expect(badges()).toEqual([]);
  });

  it('shows the held finding as soon as the caret leaves the cell', async () => {
    document.body.innerHTML = `<div contenteditable="true">${TABLE}</div>`;
    live = new LiveTables({ top: document, deps: stubDeps(), pauseMs: 10_000 });
    live.start();
    typeIn('a', '5');
    await wait(5);
    expect(badges()).toEqual([]);
    const sel = document.getSelection()!;
    sel.removeAllRanges();
    const r = document.createRange();
    r.selectNodeContents(td('b'));
    sel.addRange(r);
    document.dispatchEvent(new Event('selectionchange'));
    await wait(0);
    expect(badges()).toEqual(['c']);
  });

  it('re-reads after content is replaced (setContent) and keeps checking the new table', async () => {
    document.body.innerHTML = `<div id="ed" contenteditable="true">${TABLE}</div>`;
    live = new LiveTables({ top: document, deps: stubDeps() });
    live.start();
    document.getElementById('ed')!.innerHTML = TABLE.replace('>3<', '>4<');
    await wait(0);
    expect(badges()).toEqual(['c']);
    expect(live.cell('c')!.el.isConnected).toBe(true);
  });

  it('tracks <input> grids through input events', async () => {
    document.body.innerHTML =
      '<form><input data-id="a" value="1"><input data-id="b" value="2"><input data-id="c" value="3"></form>';
    live = new LiveTables({ top: document, deps: stubDeps(), pauseMs: 20 });
    live.start();
    const a = td('a') as HTMLInputElement;
    a.focus();
    a.value = '9';
    a.dispatchEvent(new Event('input', { bubbles: true }));
    await wait(5);
    expect(badges()).toEqual([]);
    a.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    a.blur();
    document.dispatchEvent(new Event('selectionchange'));
    await wait(40);
    expect(badges()).toEqual(['c']);
  });

  it('hands the one-click correction 改为 N to the writer with the live cell', async () => {
    document.body.innerHTML = `<div contenteditable="true">${TABLE.replace('>3<', '>4<')}</div>`;
    const asked: [string | null, number][] = [];
    live = new LiveTables({ top: document, deps: stubDeps(), fix: (c, v) => asked.push([c.el.getAttribute('data-id'), v]) });
    live.start();
    const fix = overlayRoot(document.querySelector('nianbao-overlay'))!.querySelector('.t button') as HTMLButtonElement;
    expect(fix.textContent).toBe('改为 3');
    fix.click(); // a page script's click: ignored
    expect(asked).toEqual([]);
    const trusted = new MouseEvent('click', { bubbles: true });
    Object.defineProperty(trusted, 'isTrusted', { value: true }); // as the browser marks the clerk's own click
    fix.dispatchEvent(trusted);
    expect(asked).toEqual([['c', 3]]);
  });

  it('stops completely when aborted', async () => {
    document.body.innerHTML = `<div contenteditable="true">${TABLE.replace('>3<', '>4<')}</div>`;
    live = new LiveTables({ top: document, deps: stubDeps() });
    live.start();
    expect(badges()).toEqual(['c']);
    live.stop();
    expect(document.querySelector('nianbao-overlay')).toBeNull();
    td('c').textContent = '3';
    await wait(0);
    expect(document.querySelector('nianbao-overlay')).toBeNull();
  });
});

describe('badgePosition', () => {
  it('straddles the top-right corner of the cell (5 px inside it, up and right) and hides when that corner is clipped', () => {
    const rect = { left: 100, top: 50, right: 160, bottom: 70 };
    expect(badgePosition({ rect, clip: { left: 0, top: 0, right: 800, bottom: 600 } })).toEqual({ left: 155, top: 41, visible: true });
    expect(badgePosition({ rect, clip: { left: 0, top: 60, right: 800, bottom: 600 } }).visible).toBe(false);
    expect(badgePosition({ rect, clip: { left: 0, top: 0, right: 150, bottom: 600 } }).visible).toBe(false);
  });
});
