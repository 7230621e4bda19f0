/**
 * The one owner of the decision "since this document was last read in full, only the text of cells its
 * reports were read from changed, and text outside every table" (no cell, row or table added, removed, spanned
 * or re-labelled), from what the document watcher sees: mutation records and input events. When it cannot
 * tell, the answer is "read it all again". Text outside the tables is the narrative and, before a report's
 * first table, its heading: the reader reads nothing else there (lib/read/dom.ts).
 */

/** Attributes that change how the reader sees a table or a document (lib/read/grid.ts, dom.ts). */
export const STRUCTURE_ATTRIBUTES = ['rowspan', 'colspan', 'type', 'contenteditable'];

/** Elements whose arrival or removal inside a cell changes the table's shape or where its values are read. */
const STRUCTURE_TAGS = ['TABLE', 'TR', 'TD', 'TH', 'INPUT', 'TEXTAREA', 'SELECT', 'IFRAME', 'FRAME'];
const CONTROLS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

interface Since {
  /** Cells whose text may have changed. */
  cells: Set<Element>;
  /** Elements outside every table whose text may have changed. */
  outside: Set<Element>;
  unsure: boolean;
  /** Cells that are form controls: a page script may set their value without an event. */
  controls: Element[];
  /** The document as an editing surface (its title is then not the report's heading). */
  designMode: string;
}

function addsStructure(nodes: NodeList): boolean {
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i]!;
    if (n.nodeType !== 1) continue;
    const el = n as Element;
    if (STRUCTURE_TAGS.includes(el.tagName.toUpperCase())) return true;
    for (const tag of STRUCTURE_TAGS) if (el.getElementsByTagName(tag).length) return true;
  }
  return false;
}

export interface Changes {
  cells: Element[];
  outside: Element[];
}

export class ValueEdits {
  private readonly docs = new Map<Document, Since>();

  constructor(
    /** The elements the reports of a document were last read from. */
    private readonly known: (doc: Document) => ReadonlyMap<Node, unknown> | undefined,
  ) {}

  /** The document was just read in full: changes count from now. */
  read(doc: Document): void {
    const controls: Element[] = [];
    for (const n of this.known(doc)?.keys() ?? []) if (n.nodeType === 1 && CONTROLS.has((n as Element).tagName.toUpperCase())) controls.push(n as Element);
    this.docs.set(doc, { cells: new Set(), outside: new Set(), unsure: false, controls, designMode: doc.designMode });
  }

  /** The next read of `doc` reads it all. */
  unsure(doc: Document): void {
    const s = this.docs.get(doc);
    if (s) s.unsure = true;
  }

  forget(doc?: Document): void {
    if (doc) this.docs.delete(doc);
    else this.docs.clear();
  }

  /** What the document's MutationObserver saw (the records that are the page's). */
  mutated(doc: Document, records: readonly MutationRecord[]): void {
    const s = this.docs.get(doc);
    if (!s || s.unsure) return;
    const known = this.known(doc);
    if (!known?.size) return void (s.unsure = true);
    for (const r of records) {
      if (r.type === 'attributes') {
        const el = r.target as Element;
        const name = r.attributeName;
        if (!name || !STRUCTURE_ATTRIBUTES.includes(name) || el.getAttribute(name) === r.oldValue) continue;
        // an editing host matters only outside tables (the narrative's root, the document as editing surface)
        if (name === 'contenteditable' && el.closest('table')) continue;
        return void (s.unsure = true);
      }
      const cell = cellOf(r.target, doc, known);
      // A node no longer in the document: whatever removed it (or an ancestor) left a record of its own.
      if (cell === undefined) continue;
      if (r.type === 'childList' && (addsStructure(r.addedNodes) || addsStructure(r.removedNodes))) return void (s.unsure = true);
      if (cell) {
        s.cells.add(cell);
        continue;
      }
      // outside every known cell: only text outside every table (a label cell's text is the table's shape)
      const el = r.target.nodeType === 1 ? (r.target as Element) : r.target.parentElement;
      if (!el || el.closest('table')) return void (s.unsure = true);
      s.outside.add(el);
    }
  }

  /** An input or change event: a form control outside every report cell may change a table's reading. */
  input(doc: Document, target: EventTarget | null): void {
    const s = this.docs.get(doc);
    if (!s || s.unsure) return;
    const el = target as Element | null;
    if (!el || el.nodeType !== 1 || !CONTROLS.has(el.tagName.toUpperCase())) return; // an editing host: its DOM changes come as records
    if (!this.known(doc)?.has(el) && el.closest('table')) s.unsure = true;
  }

  /**
   * What of `doc` may have changed since it was last read (forgotten once taken): the known cells whose text
   * may have, and the elements outside every table whose text may have; null when something else may have
   * changed: then it must be read in full (and `read` called).
   */
  take(doc: Document): Changes | null {
    const s = this.docs.get(doc);
    if (!s || s.unsure || doc.designMode !== s.designMode) return null;
    const out = { cells: [...s.cells, ...s.controls], outside: [...s.outside] };
    s.cells = new Set();
    s.outside = new Set();
    return out;
  }
}

/** The known cell holding `node`; null when it is in `doc` outside every known cell; undefined when it is no longer in `doc`. */
function cellOf(node: Node, doc: Document, known: ReadonlyMap<Node, unknown>): Element | null | undefined {
  for (let n: Node | null = node; n; n = n.parentNode) {
    if (known.has(n)) return n as Element;
    if (n === doc) return null;
  }
  return undefined;
}
