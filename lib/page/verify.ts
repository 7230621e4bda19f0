/**
 * Reading a write back: what the table around a written cell held before and after, so a write is
 * only called done when the target holds exactly the new value and nothing else moved.
 */

/** The cells around a write (every table cell, or every field of a form) and the text outside them. */
export interface Scene {
  cells: Element[];
  /** Each cell's text (a field's value), as read. */
  texts: string[];
  /** Each cell's markup (a field's value), to restore exactly what was there. */
  markup: string[];
  /** The text of the scope outside every cell (the article around the tables). */
  outside: string;
}

const FIELD = 'input, textarea';
const CELL = 'td, th';
/** The editors' own caret fillers (UEditor's fillChar, Slate's zero-width text): no part of a value. */
const FILLERS = /[\u200b\ufeff]/g;

export function isField(el: Element): el is HTMLInputElement | HTMLTextAreaElement {
  return el.tagName === 'INPUT' || el.tagName === 'TEXTAREA';
}

/** A cell's text as compared: whitespace and &nbsp; collapsed, the ends trimmed. */
export function normalText(s: string): string {
  return s.replace(/[\s\u00a0]+/g, ' ').trim();
}

function textOutsideCells(scope: Element): string {
  const doc = scope.ownerDocument;
  const walker = doc.createTreeWalker(scope, 4 /* NodeFilter.SHOW_TEXT */);
  let out = '';
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.parentElement?.closest(CELL) || !scope.contains(n.parentElement.closest(CELL))) out += n.nodeValue ?? '';
  }
  return normalText(out.replace(FILLERS, ''));
}

/** Read every cell of `scope` (fields when `fields`), as the write's before or after picture. */
export function readScene(scope: Element, fields = false): Scene {
  const cells = Array.from(scope.querySelectorAll(fields ? FIELD : CELL));
  const texts = cells.map((c) => (isField(c) ? c.value : (c.textContent ?? '')));
  return {
    cells,
    texts,
    markup: cells.map((c, i) => (isField(c) ? texts[i]! : c.innerHTML)),
    outside: fields ? '' : textOutsideCells(scope),
  };
}

/** How a write landed: only `ok` when the target holds `text` exactly and nothing else changed. */
export type Landing =
  | { ok: true }
  | { ok: false; reason: 'elsewhere' | 'not-as-written'; changed: number[] };

/**
 * Compare the picture after a write with the one before: the cell at `target` must read exactly `text`
 * (no filler left in it) and every other cell and the text outside the cells must read as before.
 */
export function landing(before: Scene, after: Scene, target: number, text: string): Landing {
  if (after.cells.length !== before.cells.length) return { ok: false, reason: 'elsewhere', changed: [] };
  const changed: number[] = [];
  before.texts.forEach((t, i) => {
    if (i !== target && normalText(t.replace(FILLERS, '')) !== normalText(after.texts[i]!.replace(FILLERS, ''))) changed.push(i);
  });
  if (changed.length || after.outside !== before.outside) return { ok: false, reason: 'elsewhere', changed };
  if (normalText(after.texts[target] ?? '') !== normalText(text)) return { ok: false, reason: 'not-as-written', changed: [target] };
  return { ok: true };
}

/** Whether two pictures read the same everywhere (cells and the text outside them). */
export function sameText(a: Scene, b: Scene): boolean {
  return (
    a.cells.length === b.cells.length &&
    a.outside === b.outside &&
    a.texts.every((t, i) => normalText(t.replace(FILLERS, '')) === normalText(b.texts[i]!.replace(FILLERS, '')))
  );
}
