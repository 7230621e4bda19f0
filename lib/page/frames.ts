/** The frame tree as the top frame's content script sees it: same-origin documents only. */

/** The document of a frame element, or null when it is cross-origin or not loaded. */
export function frameDocument(frame: Element): Document | null {
  try {
    const doc = (frame as HTMLIFrameElement).contentDocument;
    return doc && doc.documentElement ? doc : null;
  } catch {
    return null;
  }
}

const FRAME_TAGS = new Set(['IFRAME', 'FRAME']);

/**
 * The same-origin documents of `doc`'s iframes and frames, in document order. Read through the
 * window's browsing contexts (`frames`), not the DOM: a page without frames costs no walk of its elements.
 */
function childDocuments(doc: Document): Document[] {
  const win = doc.defaultView;
  const n = win ? win.frames.length : 0;
  const out: Document[] = [];
  for (let i = 0; i < n; i++) {
    try {
      const child = win!.frames[i]!;
      const el = child.frameElement;
      // <object>/<embed> documents are browsing contexts too, but not editor frames
      if (!el || !FRAME_TAGS.has(el.tagName) || el.ownerDocument !== doc) continue;
      const d = child.document;
      if (d && d.documentElement) out.push(d);
    } catch {
      /* cross-origin */
    }
  }
  return out;
}

/** Every document reachable from `root` through same-origin frames, root first, depth-first. */
export function reachableDocuments(root: Document): Document[] {
  const out: Document[] = [];
  const seen = new Set<Document>();
  const visit = (doc: Document): void => {
    if (seen.has(doc)) return;
    seen.add(doc);
    out.push(doc);
    for (const child of childDocuments(doc)) visit(child);
  };
  visit(root);
  return out;
}

/**
 * The frame elements enclosing `doc`, innermost first, up to (not including) `top`.
 * Empty for `top` itself; null when the chain cannot be followed (detached or cross-origin).
 */
export function frameChain(doc: Document, top: Document): Element[] | null {
  const chain: Element[] = [];
  let d: Document = doc;
  while (d !== top) {
    let fe: Element | null = null;
    try {
      fe = d.defaultView?.frameElement ?? null;
    } catch {
      return null;
    }
    if (!fe) return null;
    chain.push(fe);
    d = fe.ownerDocument;
  }
  return chain;
}

/**
 * True when a content script instance in this window should stay idle because an instance in
 * the top frame reaches this document (every ancestor is same-origin).
 */
export function reachedFromTop(win: Window): boolean {
  if (win === win.top) return false;
  try {
    let w: Window = win;
    while (w !== w.top) {
      w = w.parent;
      void w.document.documentElement;
    }
    return true;
  } catch {
    return false;
  }
}
