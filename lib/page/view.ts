/**
 * What the page layer draws, and the drawing surface it is handed by the entry point
 * (components/overlay): the page layer decides what to show and where; the overlay only draws.
 */

export type BadgeSeverity = 'error' | 'warning';

export interface BadgeView {
  /** Stable identity across updates (document, report, cell). */
  key: string;
  /** Canonical cell id. */
  cell: string;
  severity: BadgeSeverity;
  /** The cell in the form's own words: 表三·自然人·（七）总计. */
  label: string;
  /** One or more messages, each a sentence a clerk can act on. */
  messages: string[];
  /** Value that would balance the rule(s), when known. */
  expected?: number;
  /** Offer the one-click correction 改为 {expected} (when the value is known to be this cell's). */
  canFix?: boolean;
  /** Its problems are 核实性 only and not yet confirmed: offer 「已核实」 with a note. */
  confirmable?: boolean;
  /** Every problem of the cell is a confirmed warning: drawn muted, with these 核实说明 on hover. */
  confirmed?: string[];
}

/** Last year's figure shown beside a cell for comparison (never written into the table). */
export interface RefView {
  key: string;
  cell: string;
  text: string;
}

/** A box in the top viewport. */
export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The same box (or both absent). */
export function sameRect(a: Rect | undefined, b: Rect | undefined): boolean {
  if (!a || !b) return a === b;
  return a.left === b.left && a.top === b.top && a.right === b.right && a.bottom === b.bottom;
}

export interface Pos {
  left: number;
  top: number;
  visible: boolean;
  /** The visible part of the badge's cell, outlined in the overlay. */
  cell?: Rect;
  /** Where the badge's tooltip opens (beside, below or above what it describes, never over it). */
  tip?: TipPlace;
  /** A reference tag hangs below this point (else it stands above it). */
  below?: boolean;
}

/**
 * A tooltip's anchor point in the top viewport: its left (or, alignRight, right) edge and its top (or,
 * alignBottom, bottom) edge sit there. `bridge`: an invisible hover path from the badge to a tooltip opened
 * below the cell, `height` px above the tooltip, `inset` px from its anchored side.
 */
export interface TipPlace {
  left: number;
  top: number;
  alignRight: boolean;
  alignBottom: boolean;
  maxWidth: number;
  bridge: { height: number; inset: number };
}

/** Problems whose cells are out of view or covered, counted at the edge of the editor's visible area. */
export interface OffscreenView {
  above: number;
  below: number;
  /** The visible part of the editor, in the top viewport. */
  area: Rect;
}

/** Width and height of a badge, px: the overlay draws it this size, placement sets it this far off. */
export const BADGE_SIZE = 14;

export interface OverlayView {
  readonly host: HTMLElement;
  /** Re-append the host if the page removed it. */
  ensureAttached(): void;
  setTables(n: number): void;
  /** Show exactly these badges; returns the ones not shown before. */
  update(views: BadgeView[]): BadgeView[];
  place(key: string, pos: Pos): void;
  updateRefs(views: RefView[]): void;
  placeRef(key: string, pos: Pos): void;
  /** Show exactly these sentence marks (a narrative sentence that disagrees with the table). */
  updateMarks(views: BadgeView[]): void;
  /** `rects`: the sentence's visible line boxes; `badge`: where its badge goes. */
  placeMark(key: string, rects: Rect[], badge: Pos): void;
  /** The off-screen count (null: none); `jump` scrolls to the nearest such problem that way. */
  offscreen(view: OffscreenView | null, jump: (dir: 'above' | 'below') => void): void;
  /** Open a badge's tooltip (focus it), after a jump. */
  focusBadge(key: string): void;
  /** The key of the badge (or sentence mark) holding the keyboard focus, if any. */
  focused(): string | null;
  announce(text: string): void;
  /** A message the clerk must read and act on (a cell the extension could not fill). */
  notice(text: string): void;
  /** A brief highlight around a cell (reveal). */
  flash(box: Rect): void;
  destroy(): void;
}

/**
 * Makes the overlay in the top document; `onFix`: the user chose 改为 N on a badge; `onConfirm`: the user
 * marked a badge's 核实性 problems 已核实 with this note.
 */
export type MakeOverlay = (
  doc: Document,
  onFix: (key: string, cell: string, value: number) => void,
  onConfirm?: (key: string, note: string) => void,
) => OverlayView;
