/**
 * Runs in the page's own JavaScript world (entrypoints/page-hook.ts, injected by lib/page/undo-step.ts),
 * where the editors' objects live. It answers events the content script dispatches on the editor's
 * iframe element (or its editing host) and tells the editor owning that document to record its own undo
 * snapshot, so a write made between 'before' and 'after' is one step of the editor's own undo (Ctrl+Z).
 * It never touches the editor's document itself. An event it handled is cancelled: that is the answer.
 * It is loaded for one write and leaves with it (`done`), so a page sees nothing of it between writes.
 */

export const UNDO_EVENTS = {
  /** Cancelled when a hook is listening in this window. */
  ping: 'nianbao-undo-ping',
  before: 'nianbao-undo-before',
  after: 'nianbao-undo-after',
  /** The write is over: the hook removes its listeners (the next write loads it again). */
  done: 'nianbao-undo-done',
} as const;

export type UndoPhase = 'before' | 'after';
type Snapshot = (phase: UndoPhase) => void;

/* The few members of each editor the hook uses (KindEditor 4, CKEditor 4, TinyMCE 4–8, UEditor 1.4+). */
interface KindEditor {
  edit?: { doc?: Document };
  cmd?: { selection?: () => unknown };
  addBookmark?: (checkSize?: boolean) => unknown;
}
interface CKEditor4 {
  editable?: () => { $?: Element } | null;
  fire?: (name: string) => unknown;
}
interface TinyMCEEditor {
  getBody?: () => Element | null;
  undoManager?: { typing?: boolean; add?: () => unknown; beforeChange?: () => unknown };
}
interface UEditor {
  document?: Document;
  body?: Element;
  fireEvent?: (name: string) => unknown;
}
interface EditorGlobals {
  KindEditor?: { instances?: KindEditor[] };
  CKEDITOR?: { instances?: Record<string, CKEditor4> };
  tinymce?: { get?: () => TinyMCEEditor[] | unknown; editors?: TinyMCEEditor[] };
  UE?: { instants?: Record<string, UEditor> };
  baidu?: { editor?: { instants?: Record<string, UEditor> } };
}

const holds = (root: Element | null | undefined, el: Element) => !!root && (root === el || root.contains(el));

/** The snapshot call of the editor, defined in `w`, whose editable root is (or holds) `el`. */
function editorIn(w: EditorGlobals, el: Element): Snapshot | null {
  const doc = el.ownerDocument;
  for (const ed of w.KindEditor?.instances ?? []) {
    if (ed?.edit?.doc === doc && typeof ed.addBookmark === 'function') {
      return () => {
        ed.cmd?.selection?.(); // its cached range, from the document's current selection
        ed.addBookmark!(false); // false: record it even below minChangeSize (50 characters)
      };
    }
  }
  for (const ed of Object.values(w.CKEDITOR?.instances ?? {})) {
    if (holds(ed?.editable?.()?.$, el) && typeof ed.fire === 'function') return () => void ed.fire!('saveSnapshot');
  }
  const tiny = w.tinymce;
  const tinyAll = typeof tiny?.get === 'function' ? tiny.get() : tiny?.editors;
  for (const ed of Array.isArray(tinyAll) ? (tinyAll as TinyMCEEditor[]) : []) {
    const um = ed?.undoManager;
    if (holds(ed?.getBody?.(), el) && typeof um?.add === 'function') {
      // As undoManager.transact(), whose callback must be synchronous: end the typing level (and record
      // any change not recorded yet: add() is a no-op when nothing changed), keep the selection to
      // restore, then add a level after the change.
      return (phase) => {
        if (phase === 'before') {
          um.typing = false;
          um.add!();
          um.beforeChange?.();
        } else um.add!();
      };
    }
  }
  for (const ed of Object.values(w.UE?.instants ?? w.baidu?.editor?.instants ?? {})) {
    if ((ed?.document === doc || holds(ed?.body, el)) && typeof ed.fireEvent === 'function') {
      return () => void ed.fireEvent!('saveScene');
    }
  }
  return null;
}

/** The editable root an event was aimed at: an editor iframe's body, or the editing host itself. */
function editableOf(target: EventTarget | null): Element | null {
  const el = target as Element | null;
  if (!el || typeof el.tagName !== 'string') return null;
  if (el.tagName === 'IFRAME') {
    try {
      return (el as HTMLIFrameElement).contentDocument?.body ?? null;
    } catch {
      return null;
    }
  }
  return el;
}

/** The editor owning `el`, looked up in this window and then its same-origin ancestors. */
function snapshotFor(win: Window, el: Element): Snapshot | null {
  for (let w: Window | null = win; w; w = w === w.parent ? null : w.parent) {
    try {
      const found = editorIn(w as unknown as EditorGlobals, el);
      if (found) return found;
    } catch {
      return null; // a cross-origin ancestor: stop there
    }
  }
  return null;
}

/** Listen in `win` (once per window: a second copy sees the first answer the ping and stays idle) until `done`. */
export function installUndoHook(win: Window): void {
  const { CustomEvent } = win as Window & typeof globalThis;
  if (!win.dispatchEvent(new CustomEvent(UNDO_EVENTS.ping, { cancelable: true }))) return;
  const listeners: [string, (e: Event) => void][] = [[UNDO_EVENTS.ping, (e) => e.preventDefault()]];
  for (const phase of ['before', 'after'] as const) {
    listeners.push([
      UNDO_EVENTS[phase],
      (e) => {
        const el = editableOf(e.target);
        const snap = el && snapshotFor(win, el);
        if (!snap) return;
        try {
          snap(phase);
          e.preventDefault();
        } catch {
          /* the editor's undo stays as the editor left it; the write itself goes on */
        }
      },
    ]);
  }
  listeners.push([UNDO_EVENTS.done, () => listeners.forEach(([type, fn]) => win.removeEventListener(type, fn, true))]);
  for (const [type, fn] of listeners) win.addEventListener(type, fn, true);
}
