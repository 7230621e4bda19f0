import { frameChain } from './frames';

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
