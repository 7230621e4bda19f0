/**
 * Writing a value into a live cell the way a person would, so the editor records it itself
 * (its model, its undo stack, its change events). Never innerHTML, never a save.
 */
import { undoSnapshots } from './undo-step';
import { isField, landing, normalText, readScene, sameText, type Scene } from './verify';

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

/** What a cell's innermost block holds as text (&nbsp; kept, the editors' caret fillers dropped): what to write back. */
export function blockText(cell: Element): string {
  return (innermostBlock(cell).textContent ?? '').replace(/[\u200b\ufeff]/g, '');
}

/** The text of a cell as a writer compares it (without the &nbsp; placeholder). */
export function cellText(el: Element): string {
  if (isField(el)) return el.value.trim();
  return normalText(el.textContent ?? '');
}

/** Password-manager style: focus, native setter, bubbling input + change (React/Vue/jQuery notice). */
function writeField(el: HTMLInputElement | HTMLTextAreaElement, text: string): Step {
  const win = el.ownerDocument.defaultView;
  if (!win || el.disabled || el.readOnly) return { refused: 'not-editable' };
  el.focus();
  const proto = el.tagName === 'TEXTAREA' ? win.HTMLTextAreaElement.prototype : win.HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (setter) setter.call(el, text);
  else el.value = text;
  el.dispatchEvent(new win.Event('input', { bubbles: true }));
  el.dispatchEvent(new win.Event('change', { bubbles: true }));
  return { by: 'field' };
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

/** The document's next selectionchange (listeners added before this one, the editors', have run), or `ms`. */
const selectionChange = (doc: Document, win: Window, ms: number) =>
  new Promise<void>((resolve) => {
    const done = () => {
      doc.removeEventListener('selectionchange', done);
      win.clearTimeout(timer);
      resolve();
    };
    doc.addEventListener('selectionchange', done);
    const timer = win.setTimeout(done, ms);
  });

/**
 * Select `range` and wait until the editor has taken it up: model editors sync their selection on the
 * selectionchange it causes, which is async (Firefox may fire it only after a frame or more under load).
 * An editor that puts its own old selection back meanwhile (CKEditor 5 renders its selection 50 ms after a
 * focus) is given the range again. Returns whether the range is the selection now.
 */
async function selectFor(doc: Document, win: Window, sel: Selection, range: Range): Promise<boolean> {
  for (let tries = 0; tries < 3; tries++) {
    const already = sel.rangeCount === 1 && sameRange(sel.getRangeAt(0), range);
    if (!already) {
      sel.removeAllRanges();
      sel.addRange(range);
    }
    // the browser itself put the caret elsewhere (a blank cell that cannot hold one): no use asking again
    const held = sel.rangeCount === 1 && sameRange(sel.getRangeAt(0), range);
    await Promise.all([already ? null : selectionChange(doc, win, 250), nextFrame(win)]);
    if (sel.rangeCount && sameRange(sel.getRangeAt(0), range)) return true;
    if (!held) return false;
  }
  return false;
}

/** Longer than the model editors' selectionchange throttle (wangEditor: 100 ms). */
const selectionSynced = (win: Window) => new Promise<void>((resolve) => win.setTimeout(resolve, 160));

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

/** How one cell write ended. Only `written` was read back and found exactly as intended. */
export type WriteResult =
  | { status: 'written' }
  /** Nothing was changed: the cell is not editable, no longer on the page, or the browser refused. */
  | { status: 'not-written'; reason: 'not-editable' | 'gone' | 'refused' }
  /**
   * The write changed something else (another cell, text outside the table) or left the cell holding
   * something other than the value: it was taken back. `restored` is false when the page could not be
   * brought back to read exactly as before.
   */
  | { status: 'reverted'; reason: 'elsewhere' | 'not-as-written'; restored: boolean };

/** How the edit went in: by a field's setter, by the editor's model (beforeinput) or by execCommand. */
type Step = { by: 'field' | 'model' | 'native'; placeholder?: Text } | { refused: 'not-editable' | 'gone' | 'refused' };

/** Writes one at a time: each moves the editor's selection, so two at once would write into each other. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Writes a cell; `markup` (the cell's innerHTML from before an earlier write) asks for the cell's blank
 * markup back exactly once its text is restored, where the page's DOM is the editor's content.
 */
export type CellWriter = (el: Element, text: string, markup?: string) => Promise<WriteResult>;

/**
 * Run `edit` (which writes through the writer it is given) as ONE step of the editor's own undo where
 * the page lets the undo hook in (lib/page/undo-step.ts): the editor owning `anchor` records a snapshot
 * before and after. Without the hook the writes still happen, recorded as the editor records typing.
 * Every write is read back (see writeVerified).
 */
export function editAsOneStep<T>(anchor: Element, edit: (write: CellWriter) => Promise<T>): Promise<T> {
  const run = async () => {
    const host = isField(anchor) ? null : editingHost(anchor);
    const snapshot = host ? await undoSnapshots(host) : null;
    snapshot?.('before');
    try {
      return await edit(writeVerified);
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
 * events; a table cell by native editing (see insert). Read back, and taken back when it went wrong.
 */
export function writeCell(el: Element, text: string, markup?: string): Promise<WriteResult> {
  return editAsOneStep(el, (write) => write(el, text, markup));
}

/**
 * Where a write is checked: the whole editable document of a table cell — across the non-editable
 * islands of widget editors (CKEditor 5's table is contenteditable=false around editable cells) —
 * or the form (else the page) of a field.
 */
function scopeOf(el: Element): Element | null {
  if (isField(el)) return el.closest('form') ?? el.ownerDocument.body;
  const host = editingHost(el);
  if (!host || host === el.ownerDocument.body) return host;
  let top: Element = host;
  for (let p = host.parentElement; p; p = p.parentElement) if ((p as HTMLElement).isContentEditable) top = p;
  return top;
}

/**
 * Write, then read the scope back: the target must hold exactly `text` and nothing else may have changed
 * (lib/page/verify.ts). Otherwise the write is taken back — the browser's own undo for an execCommand
 * step, else by writing back what each changed cell held — and reported, never counted as written.
 */
async function writeVerified(el: Element, text: string, markup?: string): Promise<WriteResult> {
  const scope = scopeOf(el);
  if (!scope) return { status: 'not-written', reason: 'not-editable' };
  const fields = isField(el);
  const before = readScene(scope, fields);
  const target = before.cells.indexOf(fields ? el : (el.closest('td, th') ?? el));
  if (target < 0) return { status: 'not-written', reason: 'gone' };
  const step = await insert(el, text);
  // A model editor renders its change into the DOM after handling the event.
  if ('by' in step && step.by === 'model') await nextFrame(scope.ownerDocument.defaultView!);
  const after = readScene(scope, fields);
  const landed = landing(before, after, target, text);
  if (landed.ok) {
    if (markup !== undefined && 'by' in step && step.by === 'native') restoreMarkup(after.cells[target]!, markup);
    return { status: 'written' };
  }
  if ('refused' in step && sameText(before, after)) return { status: 'not-written', reason: step.refused };
  const restored = await takeBack(scope, fields, before, step);
  return { status: 'reverted', reason: landed.reason, restored };
}

/** Bring the scope back to read as `before`: the browser's undo for our one execCommand step, else cell by cell. */
async function takeBack(scope: Element, fields: boolean, before: Scene, step: Step): Promise<boolean> {
  const doc = scope.ownerDocument;
  if ('by' in step && step.by === 'native') {
    doc.execCommand('undo', false);
    if (step.placeholder?.isConnected && !normalText(step.placeholder.data.replace(/\u200b/g, ''))) step.placeholder.remove();
  }
  let now = readScene(scope, fields);
  if (sameText(before, now) && now.cells.length === before.cells.length) {
    now.cells.forEach((c, i) => fields || c.innerHTML === before.markup[i] || restoreMarkup(c, before.markup[i]!));
    return true;
  }
  if (now.cells.length !== before.cells.length) return false;
  for (let i = 0; i < before.cells.length; i++) {
    const cell = now.cells[i]!;
    if (normalText(now.texts[i]!) === normalText(before.texts[i]!)) continue;
    const s = await insert(cell, normalText(before.texts[i]!));
    if ('by' in s && s.by === 'native') restoreMarkup(cell, before.markup[i]!);
    if ('by' in s && s.by === 'model') await nextFrame(doc.defaultView!);
  }
  now = readScene(scope, fields);
  return sameText(before, now);
}

/**
 * Give a cell back the exact blank markup it had (`<p><span></span></p>`, `<br>`, …) once its text reads
 * as that markup's: the browser's own deletion leaves its own placeholder shape instead. Only where the
 * DOM is the editor's content (execCommand editors), never in a model editor's view.
 */
function restoreMarkup(cell: Element, markup: string): void {
  if (cell.innerHTML === markup) return;
  const doc = cell.ownerDocument;
  const frag = doc.createRange().createContextualFragment(markup);
  if (normalText(frag.textContent ?? '') !== normalText(cell.textContent ?? '')) return;
  cell.replaceChildren(frag);
}

const CARET_HOLDERS = new Set(['BR', 'IMG', 'INPUT', 'TEXTAREA', 'TABLE']);

/**
 * Where a blank cell's value goes: the deepest element of its single-child chain (<p><span lang>
 * <o:p></o:p></span></p> → the <o:p>), so the text takes the cell's paragraph and styles.
 */
function deepestOf(block: Element): Element {
  let cur = block;
  for (;;) {
    const kids = Array.from(cur.children);
    const only = kids.length === 1 ? kids[0]! : null;
    if (!only || CARET_HOLDERS.has(only.tagName)) return cur;
    cur = only;
  }
}

/**
 * The selection a write replaces: the text of the cell's innermost block; in a blank cell, a caret —
 * inside a zero-width placeholder (the way UEditor's fillChar holds a caret) when the cell's innermost
 * element is empty inline markup with no height, where a bare caret would be moved by the browser to the
 * next cell that can hold one (the wrong cell).
 */
function targetRange(el: Element): { range: Range; placeholder?: Text } {
  const doc = el.ownerDocument;
  const block = innermostBlock(el);
  const range = doc.createRange();
  if (normalText(block.textContent ?? '') || /\u00a0/.test(block.textContent ?? '')) {
    range.selectNodeContents(block);
    return { range };
  }
  const deep = deepestOf(block);
  const canHoldCaret = deep.tagName === 'TD' || deep.tagName === 'TH' || deep.querySelector('br');
  if (canHoldCaret) {
    range.setStart(deep, 0);
    range.collapse(true);
    return { range };
  }
  const placeholder = doc.createTextNode('\u200b');
  deep.append(placeholder);
  range.selectNodeContents(placeholder);
  return { range, placeholder };
}

/**
 * Put `text` into a cell now: an <input>/<textarea> by native setter and events; a table cell by
 * selecting the text of its innermost block in the editor's own document (see targetRange), offering
 * the edit to the editor's model (beforeinput) and otherwise running execCommand('insertText') — or
 * 'delete' when `text` is empty — so the <p> wrapper stays and the editor records it as typing (its
 * undo, its change events). Not read back here: see writeVerified.
 */
async function insert(el: Element, text: string): Promise<Step> {
  if (isField(el)) return writeField(el, text);
  const doc = el.ownerDocument;
  const win = doc.defaultView;
  const host = editingHost(el);
  if (!win || !host) return { refused: 'not-editable' };
  win.focus();
  host.focus({ preventScroll: true });
  const block = innermostBlock(el);
  const modelRange = doc.createRange();
  if ((block.textContent ?? '').length) modelRange.selectNodeContents(block);
  else {
    modelRange.setStart(block, 0);
    modelRange.collapse(true);
  }
  const sel = doc.getSelection();
  if (!sel) return { refused: 'refused' };
  await selectFor(doc, win, sel, modelRange);
  // A deletion carries no range they trust (wangEditor/Slate ignore a delete's target ranges and delete
  // their own selection, synced from selectionchange through a 100 ms throttle): let that sync land.
  if (text === '' && !modelRange.collapsed) await selectionSynced(win);
  if (!block.isConnected) return { refused: 'gone' };
  if (text === '' && modelRange.collapsed) return { by: 'native' };
  if (offerToModel(host, sel.rangeCount ? sel.getRangeAt(0) : modelRange, text)) return { by: 'model' };
  // The editor's model did not take it: the DOM is the content. A blank cell gets a caret it can hold
  // (unless the page moved the selection meanwhile: then the write is read back and taken back).
  let placeholder: Text | undefined;
  const blank = !normalText(block.textContent ?? '') && !/\u00a0/.test(block.textContent ?? '');
  if (blank && text === '') return { by: 'native' };
  if (blank && sel.rangeCount && sameRange(sel.getRangeAt(0), modelRange)) {
    const t = targetRange(el);
    placeholder = t.placeholder;
    sel.removeAllRanges();
    sel.addRange(t.range);
  }
  const done = text === '' ? doc.execCommand('delete', false) : doc.execCommand('insertText', false, text);
  if (!done) {
    placeholder?.remove();
    return { refused: 'refused' };
  }
  return { by: 'native', placeholder };
}

function sameRange(a: Range, b: Range): boolean {
  return a.startContainer === b.startContainer && a.startOffset === b.startOffset && a.endContainer === b.endContainer && a.endOffset === b.endOffset;
}
