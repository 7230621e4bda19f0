// The event protocol between the content script (lib/page/undo-step.ts) and the page-world hook
// (lib/page/undo-hook.ts), in one window. The real editors are exercised in test/e2e/undo-step.test.mjs.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installUndoHook, UNDO_EVENTS } from '@/lib/page/undo-hook';
import { undoSnapshots } from '@/lib/page/undo-step';

type Globals = { CKEDITOR?: unknown; UE?: unknown };
const g = window as unknown as Globals;

/** A CKEditor 4 inline instance on `root`, recording the events it is asked to fire. */
function ck4On(root: Element, fire: (name: string) => void = () => {}) {
  const fired: string[] = [];
  g.CKEDITOR = {
    instances: {
      content: {
        editable: () => ({ $: root }),
        fire: (name: string) => {
          fire(name);
          fired.push(name);
        },
      },
    },
  };
  return fired;
}

const editable = () => {
  document.body.innerHTML = '<div id="ed" contenteditable="true"><table><tr><td><p>5</p></td></tr></table></div><div id="other"></div>';
  return document.getElementById('ed')!;
};

const answersPing = () => !window.dispatchEvent(new CustomEvent(UNDO_EVENTS.ping, { cancelable: true }));

// As the content script loads it for a write (a second copy must stay idle); each write ends with `done`.
beforeEach(() => {
  installUndoHook(window);
  installUndoHook(window);
});

afterEach(() => {
  window.dispatchEvent(new CustomEvent(UNDO_EVENTS.done));
  delete g.CKEDITOR;
  delete g.UE;
});

describe('undo hook', () => {
  it('asks the editor owning the host for a snapshot once per phase, and says so by cancelling', async () => {
    const host = editable();
    const fired = ck4On(host);
    const snap = await undoSnapshots(host);
    expect(snap).not.toBeNull();
    expect(snap!('before')).toBe(true);
    expect(snap!('after')).toBe(true);
    expect(fired).toEqual(['saveSnapshot', 'saveSnapshot']);
  });

  it('leaves the page with the write: after the last phase nothing of it answers', async () => {
    const host = editable();
    const fired = ck4On(host);
    const snap = await undoSnapshots(host);
    expect(answersPing()).toBe(true);
    snap!('before');
    snap!('after');
    expect(answersPing()).toBe(false);
    expect(host.dispatchEvent(new CustomEvent(UNDO_EVENTS.before, { cancelable: true }))).toBe(true);
    expect(fired).toEqual(['saveSnapshot', 'saveSnapshot']);
  });

  it('does not answer for an element no known editor owns', () => {
    editable();
    ck4On(document.getElementById('ed')!);
    const other = document.getElementById('other')!;
    expect(other.dispatchEvent(new CustomEvent(UNDO_EVENTS.before, { cancelable: true }))).toBe(true);
  });

  it('keeps an editor error inside the page: not answered, nothing thrown at the writer', async () => {
    const host = editable();
    ck4On(host, () => {
      throw new Error('editor broke');
    });
    const snap = await undoSnapshots(host);
    expect(snap!('before')).toBe(false);
  });

  it('finds a UEditor instance by its body and asks it to save a scene', async () => {
    const host = editable();
    const fired: string[] = [];
    g.UE = { instants: { ueditorInstant0: { body: host, fireEvent: (name: string) => fired.push(name) } } };
    const snap = await undoSnapshots(host);
    expect([snap!('before'), snap!('after')]).toEqual([true, true]);
    expect(fired).toEqual(['saveScene', 'saveScene']);
  });
});
