/**
 * The content script's side of the undo hook (lib/page/undo-hook.ts): loads it into the page that owns an
 * editor — the parent page of an editor's iframe, or the page holding a contenteditable editor — and asks
 * it for the editor's own undo snapshots around a write. The <script> goes into that page's <head> (never
 * into an editor's document) for one write only: the <script> is removed once loaded, the hook's listeners
 * once the write is done (MV3 Chrome loads it from its per-session address, wxt.config.ts). Where the
 * page's CSP or anything else stops it, there is no hook and writes go on without the extra undo step.
 */
import { UNDO_EVENTS, type UndoPhase } from './undo-hook';

export const HOOK_FILE = '/page-hook.js';

/** Set a snapshot in the editor's undo for this phase; false when no hook or no known editor answered. */
export type UndoSnapshot = (phase: UndoPhase) => boolean;

const loads = new WeakMap<Document, Promise<boolean>>();

function hookUrl(): string | null {
  const g = globalThis as { chrome?: { runtime?: { getURL?: (p: string) => string } }; browser?: typeof g.chrome };
  const runtime = g.chrome?.runtime ?? g.browser?.runtime;
  try {
    return runtime?.getURL ? runtime.getURL(HOOK_FILE) : null;
  } catch {
    return null; // the extension was reloaded under this page
  }
}

function answers(win: Window, type: string, target: EventTarget): boolean {
  const { CustomEvent } = win as Window & typeof globalThis; // the event belongs to the editor's page
  return !target.dispatchEvent(new CustomEvent(type, { cancelable: true }));
}

/** Where the hook listens for this editing host: the editor's iframe element in its parent page, or the host. */
function bridgeOf(host: HTMLElement): { owner: Document; target: Element } | null {
  const doc = host.ownerDocument;
  let frame: Element | null = null;
  try {
    frame = doc.defaultView?.frameElement ?? null;
  } catch {
    frame = null;
  }
  const wholeDoc = host === doc.body || host === doc.documentElement;
  if (wholeDoc && frame) return { owner: frame.ownerDocument, target: frame };
  return { owner: doc, target: host };
}

/** Load the hook into `owner` once (again after document.open() dropped it); resolves whether it answers. */
function ensureHook(owner: Document): Promise<boolean> {
  const win = owner.defaultView;
  if (!win) return Promise.resolve(false);
  if (answers(win, UNDO_EVENTS.ping, win)) return Promise.resolve(true);
  const pending = loads.get(owner);
  if (pending) {
    return pending.then((ok) => {
      if (!ok || answers(win, UNDO_EVENTS.ping, win)) return ok;
      loads.delete(owner); // loaded before, then document.open() erased its listeners
      return ensureHook(owner);
    });
  }
  const src = hookUrl();
  const parent = owner.head ?? owner.documentElement;
  if (!src || !parent) return Promise.resolve(false);
  const loaded = new Promise<boolean>((resolve) => {
    const script = owner.createElement('script');
    const done = () => {
      script.remove();
      resolve(answers(win, UNDO_EVENTS.ping, win));
    };
    script.addEventListener('load', done);
    script.addEventListener('error', done);
    win.setTimeout(done, 2000); // a blocked load may fire neither
    script.src = src;
    parent.appendChild(script);
  });
  loads.set(owner, loaded);
  return loaded;
}

/**
 * The snapshot call for the editor owning `host` (its editing host: an iframe's body or a contenteditable
 * root), or null when the hook cannot be loaded there.
 */
export async function undoSnapshots(host: HTMLElement): Promise<UndoSnapshot | null> {
  const bridge = bridgeOf(host);
  const win = bridge?.owner.defaultView;
  if (!bridge || !win || !(await ensureHook(bridge.owner))) return null;
  return (phase) => {
    const ok = bridge.target.isConnected && answers(win, UNDO_EVENTS[phase], bridge.target);
    if (phase === 'after') answers(win, UNDO_EVENTS.done, win);
    return ok;
  };
}
