import { frameChain } from './frames';
import { BADGE_SIZE, type Pos } from './view';

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Offset of a frame's content box (its inner document's viewport) in its own document. */
function contentOrigin(frame: Element): { x: number; y: number; box: Box } {
  const r = frame.getBoundingClientRect();
  const style = frame.ownerDocument.defaultView?.getComputedStyle(frame);
  const pl = style ? parseFloat(style.paddingLeft) || 0 : 0;
  const pt = style ? parseFloat(style.paddingTop) || 0 : 0;
  const x = r.left + frame.clientLeft + pl;
  const y = r.top + frame.clientTop + pt;
  const w = frame.clientWidth - pl - (style ? parseFloat(style.paddingRight) || 0 : 0);
  const h = frame.clientHeight - pt - (style ? parseFloat(style.paddingBottom) || 0 : 0);
  return { x, y, box: { left: x, top: y, right: x + w, bottom: y + h } };
}

export interface Placement {
  /** The element's border box in the top document's viewport. */
  rect: Box;
  /** The part of the top viewport through which the element can be seen (every enclosing frame's viewport). */
  clip: Box;
}

/**
 * Where `el` is, in the coordinates of the top document's viewport: its own rect plus the
 * content-box offsets of every enclosing iframe. null when it cannot be followed to `top`.
 */
export function placeInTop(el: Element, top: Document): Placement | null {
  if (!el.isConnected) return null;
  const chain = frameChain(el.ownerDocument, top);
  if (!chain) return null;
  const r = el.getBoundingClientRect();
  const rect: Box = { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  const tv = top.defaultView;
  let clip: Box = { left: 0, top: 0, right: tv?.innerWidth ?? Infinity, bottom: tv?.innerHeight ?? Infinity };
  // Work outwards: translate accumulated rect and clip by each frame's origin.
  let inner: Box | null = viewportOf(el.ownerDocument);
  for (const frame of chain) {
    const o = contentOrigin(frame);
    rect.left += o.x;
    rect.right += o.x;
    rect.top += o.y;
    rect.bottom += o.y;
    if (inner) inner = shift(inner, o.x, o.y);
    inner = intersect(inner ?? o.box, o.box);
  }
  if (inner) clip = intersect(clip, inner);
  return { rect, clip };
}

function viewportOf(doc: Document): Box | null {
  const w = doc.defaultView;
  if (!w) return null;
  return { left: 0, top: 0, right: w.innerWidth, bottom: w.innerHeight };
}

function shift(b: Box, x: number, y: number): Box {
  return { left: b.left + x, top: b.top + y, right: b.right + x, bottom: b.bottom + y };
}

export function intersect(a: Box, b: Box): Box {
  return {
    left: Math.max(a.left, b.left),
    top: Math.max(a.top, b.top),
    right: Math.min(a.right, b.right),
    bottom: Math.min(a.bottom, b.bottom),
  };
}

/** Whether a point lies inside the box (edges included). */
export function contains(b: Box, x: number, y: number): boolean {
  return x >= b.left && x <= b.right && y >= b.top && y <= b.bottom;
}

// ---- where the overlay draws: computed here only ------------------------------------------

/** How far a badge's centre sits up and right of its cell's top-right corner, px. */
const BADGE_SHIFT = 2;

/**
 * Badge on the cell's top-right corner, straddling its border and shifted up and right: only a
 * 5 px square of it is inside the cell, off the cell's text (narrow cells keep their digits
 * readable). Hidden when that corner is scrolled out of view.
 */
export function badgePosition(p: Placement): Pos {
  const left = p.rect.right - BADGE_SIZE / 2 + BADGE_SHIFT;
  const top = p.rect.top - BADGE_SIZE / 2 - BADGE_SHIFT;
  const visible = contains(p.clip, p.rect.right - 2, p.rect.top + 2);
  return { left, top, visible };
}

/** A reference tag at the cell's bottom-right corner (the tag sits inside the cell, above and left of it). */
export function refPosition(p: Placement | null): Pos {
  if (!p) return { left: 0, top: 0, visible: false };
  return { left: p.rect.right - 1, top: p.rect.bottom - 1, visible: contains(p.clip, p.rect.right - 2, p.rect.bottom - 2) };
}

/** A sentence mark's badge: above the end of the sentence's last visible line (never over the text after it). */
export function markBadgePosition(lines: readonly Box[]): Pos {
  const last = lines[lines.length - 1];
  if (!last) return { left: 0, top: 0, visible: false };
  return { left: last.right - BADGE_SIZE / 2, top: last.top - BADGE_SIZE, visible: true };
}

/** A character range of a document, as the narrative map gives it. */
export interface TextRange {
  startNode: Text;
  startOffset: number;
  endNode: Text;
  endOffset: number;
}

/**
 * The visible line boxes of a text range, in the top viewport; null only when the range's text
 * nodes no longer hold it (the document changed: read it again).
 */
export function rangeRects(doc: Document, at: TextRange, top: Document): Box[] | null {
  const { startNode, startOffset, endNode, endOffset } = at;
  if (!startNode.isConnected || !endNode.isConnected || startOffset > startNode.length || endOffset > endNode.length) return null;
  const root = doc.documentElement;
  const origin = root ? placeInTop(root, top) : null;
  if (!origin) return [];
  // Same offsets as placeInTop gives an element of this document.
  const own = root!.getBoundingClientRect();
  const dx = origin.rect.left - own.left;
  const dy = origin.rect.top - own.top;
  const range = doc.createRange();
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, endOffset);
  const out: Box[] = [];
  for (const r of Array.from(range.getClientRects())) {
    if (r.width < 1 || r.height < 1) continue;
    const box = intersect({ left: r.left + dx, top: r.top + dy, right: r.right + dx, bottom: r.bottom + dy }, origin.clip);
    if (box.right > box.left && box.bottom > box.top) out.push(box);
  }
  range.detach();
  return out;
}
