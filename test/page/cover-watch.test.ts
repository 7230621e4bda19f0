import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DocWatcher, type DocHandlers } from '@/lib/page/observe';
import { observersMadeBy } from '../helpers/observers';

/** The top document's watcher as the live page runs it: one observer for edits and for what may cover a badge. */
function watchCover(doc: Document, cover: () => void, own: (n: Node) => boolean, mutated: () => void = () => {}): () => void {
  const h: DocHandlers = { mutated, input() {}, focus() {}, frameLoaded() {}, layout() {}, cover };
  const w = new DocWatcher(h, own, doc);
  w.attach(doc);
  return () => w.stop();
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('the top document\'s observer, watching what may cover a badge', () => {
  let calls = 0;
  let stop: () => void = () => {};
  let host: HTMLElement;

  beforeEach(() => {
    document.body.innerHTML = '<div id="menu" style="display:none">字体</div><div id="ed" contenteditable="true"><p>正文</p></div>';
    host = document.createElement('nianbao-overlay');
    document.documentElement.append(host);
    calls = 0;
    stop = watchCover(document, () => calls++, (n) => n === host);
  });
  afterEach(() => {
    stop();
    host.remove();
  });

  it('reports a dialog added to the page', async () => {
    document.body.append(Object.assign(document.createElement('div'), { className: 'dialog' }));
    await tick();
    expect(calls).toBe(1);
  });

  it('reports a menu shown by a style, class or hidden change', async () => {
    const menu = document.getElementById('menu')!;
    menu.style.display = 'block';
    await tick();
    menu.className = 'open';
    await tick();
    menu.hidden = true;
    await tick();
    expect(calls).toBe(3);
  });

  it('ignores an attribute set back to its value in the same task (CKEditor 5 re-applies its balloon classes on every keystroke)', async () => {
    const menu = document.getElementById('menu')!;
    menu.className = 'ck-balloon-panel ck-balloon-panel_visible';
    menu.style.display = 'none'; // as the browser writes it back
    await tick();
    calls = 0;
    menu.classList.remove('ck-balloon-panel_visible');
    menu.classList.add('ck-balloon-panel_visible');
    menu.style.display = 'block';
    menu.style.display = 'none';
    await tick();
    expect(calls).toBe(0);
    menu.classList.remove('ck-balloon-panel_visible');
    menu.classList.add('ck-balloon-panel_arrow_n');
    await tick();
    expect(calls).toBe(1);
    menu.removeAttribute('hidden');
    menu.hidden = true;
    await tick();
    expect(calls).toBe(2);
  });

  it('reports a fade-in finishing (transitionend, animationend)', () => {
    document.getElementById('menu')!.dispatchEvent(new Event('transitionend', { bubbles: true }));
    document.getElementById('menu')!.dispatchEvent(new Event('animationend', { bubbles: true }));
    expect(calls).toBe(2);
  });

  it('ignores typing in editable content, other attributes and the overlay host', async () => {
    const ed = document.getElementById('ed')!;
    ed.querySelector('p')!.append(' 更多');
    ed.querySelector('p')!.setAttribute('style', 'word-break: break-all');
    document.getElementById('menu')!.setAttribute('data-x', '1');
    host.setAttribute('style', 'top:0');
    host.remove();
    document.documentElement.append(host);
    await tick();
    expect(calls).toBe(0);
  });

  it('is the document\'s one MutationObserver, and attribute changes alone are not edits', async () => {
    stop();
    let edits = 0;
    expect(observersMadeBy(() => (stop = watchCover(document, () => calls++, (n) => n === host, () => edits++)))).toBe(1);
    document.getElementById('menu')!.style.display = 'block';
    await tick();
    expect([calls, edits]).toEqual([1, 0]);
    document.getElementById('ed')!.querySelector('p')!.append(' 更多');
    await tick();
    expect([calls, edits]).toEqual([1, 1]);
  });

  it('watches nothing once stopped', async () => {
    stop();
    document.body.append(document.createElement('div'));
    document.getElementById('menu')!.dispatchEvent(new Event('transitionend', { bubbles: true }));
    await tick();
    expect(calls).toBe(0);
  });
});
