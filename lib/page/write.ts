/**
 * Writing a value into a live cell the way a person would, so the editor records it itself
 * (its model, its undo stack, its change events). Never innerHTML, never a save.
 */
import { undoSnapshots } from './undo-step';

const INLINE_OK = new Set(['P', 'DIV', 'SPAN', 'FONT', 'B', 'STRONG', 'I', 'EM', 'U', 'CENTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

/** The element whose contents hold the cell's value: the td's innermost single wrapper (<p>, <span>…). */
export function innermostBlock(cell: Element): Element {
  let cur = cell;
  for (;;) {
    const kids = Array.from(cur.childNodes).filter(
      (n) => n.nodeType === 1 || (n.nodeType === 3 && !/^[ \t\r\n]*$/.test(n.textContent ?? '')),
    );
    const only = kids.length === 1 && kids[0]!.nodeType === 1 ? (kids[0] as Element) : null;
    if (!only || !INLINE_OK.has(only.tagName)) return cur;
    cur = only;
  }
}

/** The text of a cell as a writer compares it (without the &nbsp; placeholder). */
export function cellText(el: Element): string {
  if (isField(el)) return el.value.trim();
  return (el.textContent ?? '').replace(/[\s\u00a0]+/g, ' ').trim();
}

function isField(el: Element): el is HTMLInputElement | HTMLTextAreaElement {
  return el.tagName === 'INPUT' || el.tagName === 'TEXTAREA';
}

/** Password-manager style: focus, native setter, bubbling input + change (React/Vue/jQuery notice). */
function writeField(el: HTMLInputElement | HTMLTextAreaElement, text: string): boolean {
  const win = el.ownerDocument.defaultView;
  if (!win || el.disabled || el.readOnly) return false;
  el.focus();
  const proto = el.tagName === 'TEXTAREA' ? win.HTMLTextAreaElement.prototype : win.HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (setter) setter.call(el, text);
  else el.value = text;
  el.dispatchEvent(new win.Event('input', { bubbles: true }));
  el.dispatchEvent(new win.Event('change', { bubbles: true }));
  return el.value === text;
}

function editingHost(el: Element): HTMLElement | null {
  const doc = el.ownerDocument;
  if (doc.designMode === 'on') return doc.body;
  const host = el.closest('[contenteditable]');
  if (host && (host as HTMLElement).isContentEditable) {
    let top = host as HTMLElement;
    for (let p = top.parentElement; p && p.isContentEditable; p = p.parentElement) top = p;
    return top;
  }
  return (el as HTMLElement).isContentEditable ? doc.body : null;
}

const nextFrame = (win: Window) =>
  new Promise<void>((resolve) => {
    let done = false;
    const finish = () => {
      if (!done) {
        done = true;
        resolve();
      }
    };
    win.requestAnimationFrame(() => win.setTimeout(finish, 0));
    win.setTimeout(finish, 60); // rAF does not run in background tabs
  });

/**
 * Offer the edit to the editor's own model first, the way the browser announces typing: a cancelable
 * `beforeinput` with the target range. Model editors (CKEditor 5, wangEditor/Slate) handle it and cancel
 * it — they ignore execCommand, which fires no beforeinput. Returns true when the editor took it.
 */
function offerToModel(host: HTMLElement, range: Range, text: string): boolean {
  const win = host.ownerDocument.defaultView;
  if (!win || typeof win.StaticRange !== 'function') return false;
  const target = new win.StaticRange({
    startContainer: range.startContainer,
    startOffset: range.startOffset,
    endContainer: range.endContainer,
    endOffset: range.endOffset,
  });
  const ev = new win.InputEvent('beforeinput', {
    inputType: text === '' ? 'deleteContentBackward' : 'insertText',
    data: text === '' ? null : text,
    targetRanges: [target],
    bubbles: true,
    cancelable: true,
    composed: true,
  });
  host.dispatchEvent(ev);
  return ev.defaultPrevented;
}

/** Writes one at a time: each moves the editor's selection, so two at once would write into each other. */
let queue: Promise<unknown> = Promise.resolve();

export type CellWriter = (el: Element, text: string) => Promise<boolean>;

/**
 * Run `edit` (which writes through the writer it is given) as ONE step of the editor's own undo where
 * the page lets the undo hook in (lib/page/undo-step.ts): the editor owning `anchor` records a snapshot
 * before and after. Without the hook the writes still happen, recorded as the editor records typing.
 */
export function editAsOneStep<T>(anchor: Element, edit: (write: CellWriter) => Promise<T>): Promise<T> {
  const run = async () => {
    const host = isField(anchor) ? null : editingHost(anchor);
    const snapshot = host ? await undoSnapshots(host) : null;
    snapshot?.('before');
    try {
      return await edit(writeNow);
    } finally {
      snapshot?.('after');
    }
  };
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  return result;
}

/**
 * Put `text` into a cell as one undo step of its editor: an <input>/<textarea> by native setter and
 * events; a table cell by native editing (see writeNow). Returns false when the cell is not editable or
 * the browser refused the command.
 */
export function writeCell(el: Element, text: string): Promise<boolean> {
  return editAsOneStep(el, (write) => write(el, text));
}

/**
 * Put `text` into a cell now: an <input>/<textarea> by native setter and events; a table cell by
 * selecting the text of its innermost block in the editor's own document, offering the edit to the
 * editor's model (beforeinput) and otherwise running execCommand('insertText') — or 'delete' when
 * `text` is empty — so the <p> wrapper stays and the editor records it as typing (its undo, its
 * change events). Returns false when the cell is not editable or the browser refused the command.
 */
async function writeNow(el: Element, text: string): Promise<boolean> {
  if (isField(el)) return writeField(el, text);
  const doc = el.ownerDocument;
  const win = doc.defaultView;
  const host = editingHost(el);
  if (!win || !host) return false;
  win.focus();
  host.focus({ preventScroll: true });
  const block = innermostBlock(el);
  const range = doc.createRange();
  if ((block.textContent ?? '').length) range.selectNodeContents(block);
  else {
    range.setStart(block, 0);
    range.collapse(true);
  }
  const sel = doc.getSelection();
  if (!sel) return false;
  sel.removeAllRanges();
  sel.addRange(range);
  // Model editors sync their selection on selectionchange, which is async.
  await nextFrame(win);
  if (!block.isConnected) return false;
  if (text === '' && range.collapsed) return true;
  if (offerToModel(host, range, text)) return true;
  return text === '' ? doc.execCommand('delete', false) : doc.execCommand('insertText', false, text);
}
