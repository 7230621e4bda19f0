import { frameChain } from './frames';
import type { CoverMemory } from './cover-watch';
import { BADGE_SIZE, sameRect, type Pos, type TipPlace } from './view';

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

interface Origin {
  x: number;
  y: number;
  box: Box;
}

/** Offset of a frame's content box (its inner document's viewport) in its own document. */
function contentOrigin(frame: Element, reads: Reads): Origin {
  const r = frame.getBoundingClientRect();
  const style = reads.style(frame);
  const pl = style ? parseFloat(style.paddingLeft) || 0 : 0;
  const pt = style ? parseFloat(style.paddingTop) || 0 : 0;
  const x = r.left + frame.clientLeft + pl;
  const y = r.top + frame.clientTop + pt;
  const w = frame.clientWidth - pl - (style ? parseFloat(style.paddingRight) || 0 : 0);
  const h = frame.clientHeight - pt - (style ? parseFloat(style.paddingBottom) || 0 : 0);
  return { x, y, box: { left: x, top: y, right: x + w, bottom: y + h } };
}

/**
 * What one placing pass reads of the page, read once while the pass writes nothing: each frame's content
 * origin, each document's place in the top viewport, each viewport's size and each element's computed style.
 * `memory`: hit-test answers kept across passes (cover-watch.ts).
 */
export class Reads {
  private readonly origins = new Map<Element, Origin>();
  private readonly styles = new Map<Element, CSSStyleDeclaration | undefined>();
  private readonly docs = new Map<Document, DocPlace | null>();
  private readonly views = new Map<Document, Box | null>();

  constructor(readonly memory: CoverMemory | null = null) {}

  origin(frame: Element): Origin {
    let o = this.origins.get(frame);
    if (!o) this.origins.set(frame, (o = contentOrigin(frame, this)));
    return o;
  }

  style(el: Element): CSSStyleDeclaration | undefined {
    if (this.styles.has(el)) return this.styles.get(el);
    const s = el.ownerDocument.defaultView?.getComputedStyle(el);
    this.styles.set(el, s);
    return s;
  }

  /** A document's viewport (0, 0, innerWidth, innerHeight); null without a window. */
  viewport(doc: Document): Box | null {
    if (this.views.has(doc)) return this.views.get(doc)!;
    const w = doc.defaultView;
    const v = w ? { left: 0, top: 0, right: w.innerWidth, bottom: w.innerHeight } : null;
    this.views.set(doc, v);
    return v;
  }

  /** Where `doc` is seen in the top document `top` (one top per pass); null when it cannot be followed there. */
  placeOf(doc: Document, top: Document): DocPlace | null {
    let d = this.docs.get(doc);
    if (d === undefined) this.docs.set(doc, (d = docPlace(doc, top, this)));
    return d;
  }
}

/** A document as seen from the top document: the frames it is in, outermost first, with their origins, and its clip. */
export interface DocPlace {
  outerFirst: Element[];
  /** Each frame's content origin, in the order of `outerFirst`. */
  origins: Origin[];
  /** The part of the top viewport through which the document can be seen (every enclosing frame's viewport). */
  clip: Box;
}

function docPlace(doc: Document, top: Document, reads: Reads): DocPlace | null {
  const chain = frameChain(doc, top);
  if (!chain) return null;
  let clip: Box = reads.viewport(top) ?? { left: 0, top: 0, right: Infinity, bottom: Infinity };
  // Work outwards: the document's viewport translated by each frame's origin and cut to that frame's content box.
  let inner: Box | null = reads.viewport(doc);
  const origins: Origin[] = [];
  for (const frame of chain) {
    const o = reads.origin(frame);
    origins.push(o);
    if (inner) inner = shift(inner, o.x, o.y);
    inner = intersect(inner ?? o.box, o.box);
  }
  if (inner) clip = intersect(clip, inner);
  return { outerFirst: chain.reverse(), origins: origins.reverse(), clip };
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
export function placeInTop(el: Element, top: Document, reads = new Reads()): Placement | null {
  if (!el.isConnected) return null;
  const d = reads.placeOf(el.ownerDocument, top);
  if (!d) return null;
  const r = el.getBoundingClientRect();
  const rect: Box = { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  // Innermost frame first, as the offsets nest.
  for (let i = d.origins.length - 1; i >= 0; i--) {
    const o = d.origins[i]!;
    rect.left += o.x;
    rect.right += o.x;
    rect.top += o.y;
    rect.bottom += o.y;
  }
  return { rect, clip: { ...d.clip } };
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
 * readable). Hidden when that corner is scrolled out of view. `view`: the top viewport, for its tooltip.
 */
export function badgePosition(p: Placement, view?: Box): Pos {
  const left = p.rect.right - BADGE_SIZE / 2 + BADGE_SHIFT;
  const top = p.rect.top - BADGE_SIZE / 2 - BADGE_SHIFT;
  const visible = contains(p.clip, p.rect.right - 2, p.rect.top + 2);
  const pos: Pos = { left, top, visible };
  if (view) pos.tip = tipPlacement(p.rect, badgeBox(pos), view);
  return pos;
}

export function badgeBox(pos: { left: number; top: number }): Box {
  return { left: pos.left, top: pos.top, right: pos.left + BADGE_SIZE, bottom: pos.top + BADGE_SIZE };
}

/** Widest a tooltip is drawn, px (the overlay's max-width). */
export const TIP_MAX_WIDTH = 320;
/** Below the cell is preferred to above it while at least this much room is left there, px. */
const TIP_ROOM = 160;
const EDGE = 4;

/**
 * Where a badge's tooltip opens so that it never covers what it describes (`anchor`: the cell, or a
 * sentence's lines) nor its badge: beside them on the right when a full-width tooltip fits there,
 * else below them, or above them near the window's bottom edge (flipped). Beside, it hangs down from
 * the badge's top, or up from its bottom near the window's bottom edge.
 */
export function tipPlacement(anchor: Box, badge: Box, view: Box): TipPlace {
  const maxWidth = Math.max(80, Math.min(TIP_MAX_WIDTH, view.right - view.left - 2 * EDGE));
  const right = Math.max(anchor.right, badge.right);
  const none = { height: 0, inset: 0 };
  if (view.right - EDGE - right >= maxWidth) {
    const down = view.bottom - EDGE - badge.top;
    const up = badge.bottom - view.top - EDGE;
    if (down >= TIP_ROOM || down >= up) return { left: right, top: badge.top, alignRight: false, alignBottom: false, maxWidth, bridge: none };
    return { left: right, top: badge.bottom, alignRight: false, alignBottom: true, maxWidth, bridge: none };
  }
  // Right-aligned with the badge when a full-width tooltip fits left of it, else from the window's left edge.
  const alignRight = badge.right - maxWidth >= view.left + EDGE;
  const x = alignRight ? Math.min(badge.right, view.right - EDGE) : view.left + EDGE;
  const inset = alignRight ? x - badge.right : badge.left - x;
  const top = Math.min(anchor.top, badge.top);
  const bottom = Math.max(anchor.bottom, badge.bottom);
  const below = view.bottom - EDGE - (bottom + 2);
  const above = top - view.top - EDGE;
  if (below >= TIP_ROOM || below >= above)
    return { left: x, top: bottom + 2, alignRight, alignBottom: false, maxWidth, bridge: { height: bottom + 2 - badge.bottom, inset } };
  return { left: x, top, alignRight, alignBottom: true, maxWidth, bridge: none };
}

/**
 * A reference tag, shown only while its cell holds the caret (so it never sits over digits being read
 * elsewhere): outside the cell, right-aligned above it (below it when the cell's top is out of view).
 * The returned point is the tag's bottom-right corner (above) or top-right corner (`below`).
 */
export function refPosition(p: Placement | null, focused: boolean): Pos & { below: boolean } {
  if (!p || !focused) return { left: 0, top: 0, visible: false, below: false };
  const inView = contains(p.clip, p.rect.right - 2, p.rect.bottom - 2) || contains(p.clip, p.rect.right - 2, p.rect.top + 2);
  const below = p.rect.top - 16 < p.clip.top;
  return { left: p.rect.right, top: below ? p.rect.bottom + 1 : p.rect.top - 1, visible: inView, below };
}

/** A sentence mark's badge: above the end of the sentence's last visible line (never over the text after it). */
export function markBadgePosition(lines: readonly Box[], view?: Box): Pos {
  const last = lines[lines.length - 1];
  if (!last) return { left: 0, top: 0, visible: false };
  const pos: Pos = { left: last.right - BADGE_SIZE / 2, top: last.top - BADGE_SIZE, visible: true };
  if (view) pos.tip = tipPlacement(lines.reduce(union), badgeBox(pos), view);
  return pos;
}

export function union(a: Box, b: Box): Box {
  return { left: Math.min(a.left, b.left), top: Math.min(a.top, b.top), right: Math.max(a.right, b.right), bottom: Math.max(a.bottom, b.bottom) };
}

/** Whether two boxes overlap by more than a touching edge. */
export function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/**
 * Which way a problem out of view lies from the visible area `clip`: a box entirely above it, or
 * covered with its centre in the upper half, is 'above'; everything else (below, hidden) is 'below'.
 */
export function offscreenSide(rect: Box, clip: Box): 'above' | 'below' {
  if (rect.bottom <= clip.top) return 'above';
  if (rect.top >= clip.bottom) return 'below';
  return (rect.top + rect.bottom) / 2 < (clip.top + clip.bottom) / 2 ? 'above' : 'below';
}

/**
 * Whether something of the page or the editor (a floating toolbar, a menu, a dialog, a fixed header)
 * is drawn over any of `points` (top-viewport coordinates) where `scope` (a table, an editable area)
 * should show through: at each point the hit test of every document on the way from `top` to `scope`
 * must give the next frame; in `scope`'s own document, a hit outside `scope` counts only when it is
 * positioned out of the flow (fixed, sticky, absolute: the text beside a table is not over it).
 * `skip`: the overlay's own host (never counted as covering).
 */
export function covered(scope: Element, top: Document, points: readonly { x: number; y: number }[], skip: Element | null, reads = new Reads()): boolean {
  const d = reads.placeOf(scope.ownerDocument, top);
  if (!d) return false;
  const known = reads.memory?.answer(scope, points, d.origins);
  if (known !== undefined) return known;
  const answer = hitCovered(scope, top, d.outerFirst, d.origins, points, skip, reads);
  reads.memory?.remember(scope, points, d.origins, answer);
  return answer;
}

function hitCovered(
  scope: Element,
  top: Document,
  outerFirst: Element[],
  origins: Origin[],
  points: readonly { x: number; y: number }[],
  skip: Element | null,
  reads: Reads,
): boolean {
  for (const pt of points) {
    let x = pt.x;
    let y = pt.y;
    let doc: Document = top;
    for (let i = 0; i <= outerFirst.length; i++) {
      const hit = firstHit(doc, x, y, skip, reads);
      const frame = outerFirst[i];
      if (frame) {
        if (hit !== frame) return true;
        x -= origins[i]!.x;
        y -= origins[i]!.y;
        const inner = (frame as HTMLIFrameElement).contentDocument;
        if (!inner) return false;
        doc = inner;
      } else if (hit && drawnOver(hit, scope, reads)) return true;
    }
  }
  return false;
}

function drawnOver(hit: Element, scope: Element, reads: Reads): boolean {
  if (hit.contains(scope) || scope.contains(hit)) return false;
  for (let e: Element | null = hit; e && !e.contains(scope); e = e.parentElement) {
    const pos = reads.style(e)?.position;
    if (pos === 'fixed' || pos === 'sticky' || pos === 'absolute') return true;
  }
  return false;
}

/** The topmost element at a point that the clerk can see (editors' invisible handles, like TinyMCE's resize bars, are not). */
function firstHit(doc: Document, x: number, y: number, skip: Element | null, reads: Reads): Element | null {
  if (typeof doc.elementsFromPoint !== 'function') return null;
  // The topmost element alone is a cheaper hit test than the list of all; the list only when that one is passed over.
  const top = doc.elementFromPoint(x, y);
  if (!top) return null;
  if (top !== skip && reads.style(top)?.opacity !== '0') return top;
  for (const el of doc.elementsFromPoint(x, y)) if (el !== skip && reads.style(el)?.opacity !== '0') return el;
  return null;
}

/** A character range of a document, as the narrative map gives it. */
export interface TextRange {
  startNode: Text;
  startOffset: number;
  endNode: Text;
  endOffset: number;
}

/**
 * A text range's visible line boxes in the top viewport and the part of the top viewport through which its
 * document is seen (`clip`, null when the document cannot be followed to `top`); null only when the range's
 * text nodes no longer hold it.
 */
export function rangePlacement(doc: Document, at: TextRange, top: Document, reads = new Reads()): { lines: Box[]; clip: Box | null } | null {
  const { startNode, startOffset, endNode, endOffset } = at;
  if (!startNode.isConnected || !endNode.isConnected || startOffset > startNode.length || endOffset > endNode.length) return null;
  const root = doc.documentElement;
  const origin = root ? placeInTop(root, top, reads) : null;
  if (!origin) return { lines: [], clip: null };
  // Same offsets as placeInTop gives an element of this document.
  const own = root!.getBoundingClientRect();
  const dx = origin.rect.left - own.left;
  const dy = origin.rect.top - own.top;
  const range = doc.createRange();
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, endOffset);
  const lines: Box[] = [];
  for (const r of Array.from(range.getClientRects())) {
    if (r.width < 1 || r.height < 1) continue;
    const box = intersect({ left: r.left + dx, top: r.top + dy, right: r.right + dx, bottom: r.bottom + dy }, origin.clip);
    if (box.right > box.left && box.bottom > box.top) lines.push(box);
  }
  range.detach();
  return { lines, clip: origin.clip };
}

/** Where a badge goes and the points its cover is tested at (see Spots). */
export interface Spot {
  /** badgePosition, with the visible part of the badge's cell. */
  pos: Readonly<Pos>;
  /** probePoints of the badge, inside the clip (frozen: the cover memory keys its answers by them). */
  points: readonly { x: number; y: number }[];
}

/** A badge's spot worked out afresh. */
export function spotOf(p: Placement, view: Box): Spot {
  const pos = { ...badgePosition(p, view), cell: visiblePart(p.rect, p.clip) };
  const points = Object.freeze(probePoints(badgeBox(pos), p.clip).map((pt) => Object.freeze(pt)));
  return Object.freeze({ pos: Object.freeze(pos), points });
}

/**
 * Each badge's spot (badgePosition, its cell's visible part, probePoints), worked out again only when its
 * cell's box, the clip or the top viewport changed: a keystroke moves few badges, if any.
 */
export class Spots {
  private last = new Map<string, { rect: Box; clip: Box; view: Box; spot: Spot }>();
  private next = new Map<string, { rect: Box; clip: Box; view: Box; spot: Spot }>();

  spot(key: string, p: Placement, view: Box): Spot {
    const was = this.last.get(key);
    if (was && sameRect(was.rect, p.rect) && sameRect(was.clip, p.clip) && sameRect(was.view, view)) {
      this.next.set(key, was);
      return was.spot;
    }
    const spot = spotOf(p, view);
    this.next.set(key, { rect: { ...p.rect }, clip: { ...p.clip }, view: { ...view }, spot });
    return spot;
  }

  /** A placing pass is over: the spots of badges it did not place are forgotten. */
  done(): void {
    this.last = this.next;
    this.next = new Map();
  }
}

/** The part of a box inside `clip` (undefined when none). */
export function visiblePart(r: Box, clip: Box): Box | undefined {
  const b = { left: Math.max(r.left, clip.left), top: Math.max(r.top, clip.top), right: Math.min(r.right, clip.right), bottom: Math.min(r.bottom, clip.bottom) };
  return b.right > b.left && b.bottom > b.top ? b : undefined;
}

/** The badge's corners (1 px in) and centre, moved inside `clip`: the points a covering element is looked for at. */
export function probePoints(badge: Box, clip: Box): { x: number; y: number }[] {
  const cx = (v: number) => Math.min(Math.max(v, clip.left + 1), clip.right - 1);
  const cy = (v: number) => Math.min(Math.max(v, clip.top + 1), clip.bottom - 1);
  const xs = [badge.left + 1, (badge.left + badge.right) / 2, badge.right - 1];
  const ys = [badge.top + 1, (badge.top + badge.bottom) / 2, badge.bottom - 1];
  const at: [number, number][] = [[0, 0], [2, 0], [1, 1], [0, 2], [2, 2]];
  return at.map(([i, j]) => ({ x: cx(xs[i]!), y: cy(ys[j]!) }));
}
