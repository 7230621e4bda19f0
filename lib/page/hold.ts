import type { Finding } from '../report';

/**
 * The typing hold: a new problem on the cell being typed in (or, for a narrative finding, in the
 * text being typed) waits until typing pauses, so a badge does not flash at every keystroke.
 */

export interface CellRef {
  doc: Document;
  /** Index of the report among the document's reports. */
  r: number;
  id: string;
}

/** Typing noted in a document: the keystroke's time `at`, when it was `noted`, and whether from its input event. */
interface Typed {
  doc: Document;
  at: number;
  noted: number;
  byInput: boolean;
}

/** A DOM change seen this soon after an input event in the same place is that keystroke's own change. */
const SAME_KEYSTROKE_MS = 50;

/** The editor's DOM change reaches the observer after its input event: the event's time stands. */
function sameKeystroke(prev: Typed | null, doc: Document, now: number): boolean {
  return !!prev && prev.byInput && prev.doc === doc && now - prev.noted < SAME_KEYSTROKE_MS;
}

export class TypingHold {
  /** The cell being typed in. */
  private typing: (CellRef & Typed) | null = null;
  /** The narrative (editable text outside report cells) was last typed in. */
  private typingText: Typed | null = null;

  constructor(
    private readonly pauseMs: number,
    /** The report cell holding the caret (or the focused <input>) in a document. */
    private readonly caretCell: (doc: Document) => CellRef | null,
  ) {}

  /**
   * Something changed in `doc` at `at`: remember where the caret is, as the place being typed in. An input event
   * says when its keystroke happened; a DOM change alone (model editors fire no input event) only when it was seen.
   */
  note(doc: Document, fromInput: boolean, at = Date.now()): void {
    const c = this.caretCell(doc);
    const now = Date.now();
    const typed = { doc, at, noted: now, byInput: fromInput };
    if (c) {
      const t = this.typing;
      if (!fromInput && sameKeystroke(t, doc, now) && t!.r === c.r && t!.id === c.id) return;
      this.typing = { ...c, ...typed };
    } else {
      if (fromInput) this.typing = null;
      else if (sameKeystroke(this.typingText, doc, now)) return;
      // Model editors (CKEditor 5) fire no input event: a change with the caret in editable text counts too.
      if (fromInput || caretInEditable(doc)) this.typingText = typed;
    }
  }

  /** The caret left the cell being typed in: true when that ends a hold (redraw). */
  focusMoved(doc: Document): boolean {
    const t = this.typing;
    if (!t || t.doc !== doc) return false;
    const c = this.caretCell(doc);
    if (doc.hasFocus() && c && c.r === t.r && c.id === t.id) return false;
    this.typing = null;
    return true;
  }

  /** How long a new finding still waits; 0 = show it. */
  held(doc: Document, r: number, f: Finding, now: number): number {
    let wait = 0;
    const t = this.typing;
    if (t && t.doc === doc && t.r === r && f.cells.includes(t.id)) wait = this.pauseMs - (now - t.at);
    const x = this.typingText;
    if (f.span && x && x.doc === doc) wait = Math.max(wait, this.pauseMs - (now - x.at));
    return Math.max(0, wait);
  }
}

/** The caret is in editable text of `doc` (an editor body in design mode or a contenteditable region). */
function caretInEditable(doc: Document): boolean {
  if (!doc.hasFocus()) return false;
  if (doc.designMode === 'on') return true;
  const n = doc.getSelection()?.anchorNode;
  const el = n ? (n.nodeType === 1 ? (n as Element) : n.parentElement) : null;
  return !!el && (el as HTMLElement).isContentEditable;
}
