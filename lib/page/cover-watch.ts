/**
 * What can cover a badge without a scroll or a resize: an editor's menu, dropdown or dialog opening in the
 * top document (added, or shown by a style, class or hidden change), or its fade-in finishing. The top
 * document's one MutationObserver (lib/page/observe.ts) also watches these attributes and asks here whether a
 * batch can cover a badge. Changes inside editable content (typing) and the overlay's own host are not looked at.
 */
export const COVER_ATTRIBUTES = ['style', 'class', 'hidden', 'open'];

/** The events that end a fade-in (listened to on the top document). */
export const COVER_EVENTS = ['transitionend', 'animationend'] as const;

/**
 * Whether a batch of the top document's mutation records (observed with their old values) may have changed what is
 * drawn over a badge. An attribute set back to the value it had before the batch (an editor re-applying its
 * balloon's classes on every keystroke) changed nothing that is drawn: the browser draws only between batches.
 */
export function coverChanged(records: readonly MutationRecord[], own: (n: Node) => boolean): boolean {
  let before: Map<Node, Map<string, string | null>> | null = null;
  for (const r of records) {
    if (own(r.target) || typing(r.target)) continue;
    if (r.type === 'characterData') continue;
    if (r.type === 'childList' && [...Array.from(r.addedNodes), ...Array.from(r.removedNodes)].every(own)) continue;
    if (r.type === 'attributes') {
      before ??= valuesBefore(records);
      const name = r.attributeName!;
      if (before.get(r.target)!.get(name) === (r.target as Element).getAttribute(name)) continue;
    }
    return true;
  }
  return false;
}

/** Each attribute's value before the batch: the old value of its first record. */
function valuesBefore(records: readonly MutationRecord[]): Map<Node, Map<string, string | null>> {
  const out = new Map<Node, Map<string, string | null>>();
  for (const r of records) {
    if (r.type !== 'attributes') continue;
    let m = out.get(r.target);
    if (!m) out.set(r.target, (m = new Map()));
    if (!m.has(r.attributeName!)) m.set(r.attributeName!, r.oldValue);
  }
  return out;
}

function typing(n: Node): boolean {
  const el = n.nodeType === 1 ? (n as HTMLElement) : n.parentElement;
  return !!el && el.isContentEditable;
}

type Point = { x: number; y: number };
type FrameOrigin = { x: number; y: number; box: { left: number; top: number; right: number; bottom: number } };

/**
 * Hit-test answers (lib/page/place.ts `covered`) kept from one placing pass to the next, so that a keystroke
 * does not test again what nothing can have changed. An answer is reused only for the same scope at the same
 * points with every enclosing frame at the same place (a badge whose spot moved is tested again); the live page
 * forgets them all on a scroll or resize, on a change in the top document that may cover a badge (coverChanged,
 * the fade-in events) and on any change in a frame's document that is not wholly editable content
 * (`typingOnly`).
 */
export class CoverMemory {
  private answers = new WeakMap<Element, Map<string, boolean>>();

  answer(scope: Element, points: readonly Point[], origins: readonly FrameOrigin[]): boolean | undefined {
    return this.answers.get(scope)?.get(keyOf(points, origins));
  }

  remember(scope: Element, points: readonly Point[], origins: readonly FrameOrigin[], covered: boolean): void {
    let m = this.answers.get(scope);
    if (!m) this.answers.set(scope, (m = new Map()));
    if (m.size >= MAX_SPOTS) m.clear();
    m.set(keyOf(points, origins), covered);
  }

  forget(): void {
    this.answers = new WeakMap();
  }
}

/** Answers kept per scope (a table): its badges' spots, as they move while the clerk types. */
const MAX_SPOTS = 64;

function keyOf(points: readonly Point[], origins: readonly FrameOrigin[]): string {
  let k = pointsKeys.get(points);
  if (k === undefined) {
    k = '';
    for (const p of points) k += `${p.x},${p.y};`;
    // A badge's points stay the same list while it stays put (place.ts Spots): worded once.
    if (Object.isFrozen(points) && points.every(Object.isFrozen)) pointsKeys.set(points, k);
  }
  for (const o of origins) k += `|${o.x},${o.y},${o.box.right},${o.box.bottom}`;
  return k;
}

const pointsKeys = new WeakMap<readonly Point[], string>();

/**
 * Whether every change in `doc` is typing, as coverChanged counts it (the text of editable content, which
 * draws nothing over a badge): a frame document that is an editor's editable body as a whole.
 */
export function typingOnly(doc: Document): boolean {
  return doc.designMode === 'on' || !!doc.body?.isContentEditable;
}
