/**
 * The overlay: one `<nianbao-overlay>` element in the top document with a CLOSED shadow root: the
 * badges carry figures (last year's among them), and the page's own scripts must not read them
 * (issue 13). Everything the page can see is the bare host and `data-tables` (report tables tracked
 * across all frames). Plain DOM, no framework: it runs in the content script, which must stay small.
 * It draws badges at positions it is given (lib/page/place computes them); it knows nothing of
 * frames or reports. Tests reach the root over the DevTools protocol (test/e2e/overlay-root.mjs).
 */

export const OVERLAY_TAG = 'nianbao-overlay';

import { inCellWords } from '../shared/findings';
import { CONFIRM_CSS, confirmControl } from './confirm';
import { KEYS_CSS, badgeKeys, closeTip } from './keys';
import { OUTLINE_CSS, Outlines } from './outline';
import { setPx, setStyle } from './style';
import { BADGE_SIZE, sameRect, type BadgeSeverity, type BadgeView, type OffscreenView, type OverlayView, type Pos, type Rect, type RefView, type TipPlace } from '@/lib/page/view';
import { currentLocale, t } from '@/lib/i18n';

export type { BadgeView, RefView } from '@/lib/page/view';

const severityWord = (s: BadgeSeverity) => t(`overlay.${s}`);

const CSS = `
:host{all:initial;position:fixed;left:0;top:0;width:0;height:0;overflow:visible;z-index:2147483647;pointer-events:none;font:13px/1.5 system-ui,"Microsoft YaHei","PingFang SC",sans-serif}
.b{position:fixed;box-sizing:border-box;width:${BADGE_SIZE}px;height:${BADGE_SIZE}px;margin:0;padding:0;border:1px solid #fff;border-radius:50%;color:#fff;font:bold 10px/12px system-ui,sans-serif;text-align:center;cursor:help;pointer-events:auto;box-shadow:0 1px 2px rgba(0,0,0,.35)}
.b[data-severity=error]{background:#c5221f}
.b[data-severity=warning]{background:#b06000}
.b[hidden]{display:none}
.b:focus{outline:2px solid #1a73e8;outline-offset:1px}
.t{display:none;position:fixed;transform:translateX(-100%);width:max-content;max-width:320px;padding:6px 8px;border-radius:4px;background:#202124;color:#fff;font:13px/1.5 system-ui,"Microsoft YaHei",sans-serif;text-align:left;white-space:normal;box-shadow:0 2px 6px rgba(0,0,0,.3);pointer-events:auto}
.b:not([hidden]):hover+.t,.b:not([hidden]):focus+.t,.t:hover,.t:focus-within{display:block}
.t p{margin:0 0 4px}.t p:last-child{margin:0}
.x{margin:2px 0 0;padding:2px 10px;border:0;border-radius:3px;background:#8ab4f8;color:#202124;font:bold 13px/1.5 system-ui,"Microsoft YaHei",sans-serif;cursor:pointer}
.x:focus{outline:2px solid #fff}
.f{position:fixed;box-sizing:border-box;border:3px solid #1a73e8;border-radius:2px;pointer-events:none;transition:opacity .4s}
.r{position:fixed;box-sizing:border-box;padding:0 3px;border:1px solid #dadce0;border-radius:3px;background:rgba(255,255,255,.92);color:#3c4043;font:11px/14px system-ui,"Microsoft YaHei",sans-serif;white-space:nowrap;transform:translate(-100%,-100%);pointer-events:none}
.r[hidden]{display:none}
.m{position:fixed;box-sizing:border-box;border-bottom:2px solid #b06000;background:rgba(176,96,0,.13);pointer-events:none}
.m[hidden]{display:none}
.n{position:fixed;right:12px;bottom:12px;max-width:360px;padding:8px 10px;border-radius:4px;background:#c5221f;color:#fff;font:13px/1.5 system-ui,"Microsoft YaHei",sans-serif;box-shadow:0 2px 6px rgba(0,0,0,.3);pointer-events:auto}
.t::before{content:'';position:absolute;bottom:100%;width:${BADGE_SIZE}px;height:var(--nb-bridge,0px);left:var(--nb-bridge-l,auto);right:var(--nb-bridge-r,auto)}
.o{position:fixed;display:flex;flex-direction:column;gap:4px;align-items:flex-end;transform:translate(-100%,-100%);pointer-events:none}
.o[hidden]{display:none}
.o button{padding:2px 8px;border:1px solid #fff;border-radius:10px;background:#c5221f;color:#fff;font:12px/1.5 system-ui,"Microsoft YaHei",sans-serif;cursor:pointer;pointer-events:auto;box-shadow:0 1px 3px rgba(0,0,0,.35)}
.o button[hidden]{display:none}
.o button:focus{outline:2px solid #1a73e8;outline-offset:1px}
.sr{position:fixed;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
${OUTLINE_CSS}${CONFIRM_CSS}${KEYS_CSS}`;

/** Each host's closed root, for the content script's own code (its unit tests); the page's scripts never see this map. */
const roots = new WeakMap<Element, ShadowRoot>();

/** The closed root of an overlay host made by this content script, or null. */
export function overlayRoot(host: Element | null | undefined): ShadowRoot | null {
  return (host && roots.get(host)) ?? null;
}

export class Overlay implements OverlayView {
  readonly host: HTMLElement;
  private readonly root: ShadowRoot;
  private readonly live: HTMLElement;
  private readonly badges = new Map<string, HTMLButtonElement>();
  private readonly refs = new Map<string, HTMLElement>();
  /** Sentence marks: key → their group (line boxes, then the badge and its tooltip). */
  private readonly marks = new Map<string, HTMLElement>();
  /** Holds every sentence mark, after all cell badges (a query for a cell's badge finds the cell's own first). */
  private readonly markLayer: HTMLElement;

  /** Retired badges and tags, hidden, reused before new ones are made. */
  private readonly spare: HTMLButtonElement[] = [];
  private readonly spareRefs: HTMLElement[] = [];
  private readonly spareMarks: HTMLElement[] = [];
  /** What each badge last showed (Overlay.fill) and how it was last placed (Overlay.place), forgotten when it is retired. */
  private readonly filled = new WeakMap<HTMLButtonElement, BadgeView>();
  private readonly placed = new WeakMap<HTMLButtonElement, Placed>();
  /** What each badge's 改为 N writes. */
  private readonly fixes = new Map<HTMLButtonElement, { key: string; cell: string; value: number }>();

  private seq = 0;
  private flashes = 0;
  /** Outlines around the badges' cells (outline.ts). */
  private readonly outlines: Outlines;
  /** Where the keyboard focus was before a jump to a badge (Esc goes back there). */
  private returnTo: HTMLElement | null = null;

  constructor(
    private readonly doc: Document,
    /** The user chose 改为 N on a badge. */
    private readonly onFix: (key: string, cell: string, value: number) => void = () => {},
    /** The user marked a badge's 核实性 problems 已核实 with this note (confirm.ts). */
    private readonly onConfirm: (key: string, note: string) => void = () => {},
  ) {
    this.host = doc.createElement(OVERLAY_TAG);
    this.root = this.host.attachShadow({ mode: 'closed' });
    roots.set(this.host, this.root);
    const style = doc.createElement('style');
    style.textContent = CSS;
    this.live = doc.createElement('div');
    this.live.className = 'sr';
    this.live.setAttribute('role', 'status');
    this.live.setAttribute('aria-live', 'polite');
    this.markLayer = doc.createElement('div');
    const outlineLayer = doc.createElement('div');
    this.outlines = new Outlines(doc, outlineLayer);
    this.root.append(style, this.live, outlineLayer, this.markLayer);
    this.host.setAttribute('data-tables', '0');
    doc.documentElement.append(this.host);
  }

  /** Re-append the host if the page removed it (some pages rebuild their whole <body> or <html>). */
  ensureAttached(): void {
    if (!this.host.isConnected) this.doc.documentElement.append(this.host);
  }

  setTables(n: number): void {
    const v = String(n);
    if (this.host.getAttribute('data-tables') !== v) this.host.setAttribute('data-tables', v);
  }

  /** Show exactly these badges; returns the keys that were not shown before. */
  update(views: BadgeView[]): BadgeView[] {
    const fresh: BadgeView[] = [];
    const keep = new Set(views.map((v) => v.key));
    for (const [key, el] of this.badges) {
      if (!keep.has(key)) {
        this.badges.delete(key);
        this.outlines.remove(key);
        this.retire(el);
        this.spare.push(el);
      }
    }
    for (const v of views) {
      let el = this.badges.get(v.key);
      if (!el) {
        el = this.spare.pop();
        if (!el) {
          el = this.badge();
          this.markLayer.before(el, el.nextElementSibling!);
        }
        this.badges.set(v.key, el);
        fresh.push(v);
      }
      this.fill(el, v);
    }
    return fresh;
  }

  /**
   * A badge no longer shown is kept, hidden and without its cell, for the next finding: removing a node
   * between keystrokes would end the browser's native undo step of the field being typed in.
   */
  private retire(el: HTMLButtonElement): void {
    el.hidden = true;
    el.removeAttribute('data-cell');
    el.removeAttribute('data-severity');
    el.removeAttribute('aria-label');
    el.removeAttribute('data-confirmed');
    this.filled.delete(el);
    this.placed.delete(el);
    this.fixes.delete(el);
    const tip = el.nextElementSibling as HTMLElement;
    for (const p of Array.from(tip.children) as HTMLElement[]) p.hidden = true;
    confirmControl(tip, false, () => {});
    closeTip(tip);
    const a = this.root.activeElement;
    if (a && (a === el || tip.contains(a))) {
      // Fixed from the keyboard: the focus goes back to the editor (later: this runs inside an update).
      const back = this.returnTo;
      this.returnTo = null;
      this.doc.defaultView?.setTimeout(() => {
        const now = this.root.activeElement;
        if (back?.isConnected && (!now || now === el || tip.contains(now))) back.focus({ preventScroll: true });
      }, 0);
    }
  }

  /** A hidden badge button and its tooltip (the button's next sibling). */
  private badge(): HTMLButtonElement {
    const el = this.doc.createElement('button');
    el.type = 'button';
    el.className = 'b';
    el.tabIndex = 0;
    el.hidden = true; // until positioned
    el.append(this.doc.createTextNode(''));
    const tip = this.doc.createElement('div');
    tip.className = 't';
    tip.id = `nb-tip-${++this.seq}`;
    tip.setAttribute('role', 'tooltip');
    el.setAttribute('aria-describedby', tip.id);
    badgeKeys(el, tip, { fix: () => this.fixKey(el), close: () => this.closeBadge(el) });
    const pair = this.doc.createDocumentFragment();
    pair.append(el, tip);
    return el;
  }

  /** Fill a badge and its tooltip in place: text node data and attributes only, elements reused. */
  private fill(el: HTMLButtonElement, v: BadgeView, sentence = false): void {
    const was = this.filled.get(el);
    if (was && sameView(was, v)) return;
    this.filled.set(el, { ...v, messages: [...v.messages], confirmed: v.confirmed && [...v.confirmed] });
    el.setAttribute('data-cell', v.cell);
    el.setAttribute('data-severity', v.severity);
    const what = sentence ? t('overlay.textDisagrees', { label: v.label }) : v.label;
    const word = v.confirmed ? t('overlay.confirmedWord', { confirmed: t('confirm.badge'), severity: severityWord(v.severity) }) : severityWord(v.severity);
    if (v.confirmed) el.setAttribute('data-confirmed', '');
    else el.removeAttribute('data-confirmed');
    el.setAttribute('aria-label', `${word}：${what}`);
    setText(el, sentence ? t('overlay.sentenceBadge') : v.confirmed ? '✓' : v.severity === 'error' ? '!' : '?');
    const tip = el.nextElementSibling as HTMLElement;
    // The heading names the cell once; the messages say 「本格」, and the suggested value is said once: by 改为 N.
    const fixable = v.expected !== undefined && !!v.canFix;
    const said = sentence ? v.messages : v.messages.map((m) => inCellWords(m, v.label, fixable ? v.expected : undefined));
    const lines = [`${word} · ${what}`, ...said];
    if (v.confirmed) lines.push(`${t('confirm.notePrefix')}${v.confirmed.join('；')}`);
    if (v.expected !== undefined) lines.push(fixable ? '' : t('overlay.shouldBe', { n: v.expected }));
    confirmControl(tip, !!v.confirmable && !sentence, (note) => {
      const key = this.keyOf(el);
      if (key) this.onConfirm(key, note);
    });
    const cf = tip.querySelector(':scope > .cf');
    const ps = (Array.from(tip.children) as HTMLElement[]).filter((c) => c !== cf);
    for (let i = ps.length; i < lines.length; i++) {
      const p = this.doc.createElement('p');
      p.append(this.doc.createTextNode(''));
      tip.insertBefore(p, cf);
      ps.push(p);
    }
    ps.forEach((p, i) => {
      const text = lines[i];
      if (p.hidden !== (text === undefined)) p.hidden = text === undefined;
      setText(p, text ?? '');
      const fix = p.querySelector<HTMLButtonElement>('button.x');
      if (fix) {
        fix.hidden = true;
        setText(fix, '');
      }
    });
    if (v.expected === undefined || !v.canFix) {
      this.fixes.delete(el);
      return;
    }
    const last = ps[lines.length - 1]!;
    let fix = last.querySelector<HTMLButtonElement>('button.x');
    if (!fix) {
      fix = this.doc.createElement('button');
      fix.type = 'button';
      fix.className = 'x';
      fix.append(this.doc.createTextNode(''));
      fix.addEventListener('click', (e) => this.fixClicked(e, el));
      last.append(' ', fix);
    }
    fix.hidden = false;
    setText(fix, t('overlay.fix', { n: v.expected }));
    this.fixes.set(el, { key: v.key, cell: v.cell, value: v.expected });
  }

  /** 改为 N changes the article: only a click, Enter or Space of the clerk's own, never a page script's. */
  private fixClicked(e: Event, badge: HTMLButtonElement): void {
    if (!e.isTrusted) return;
    const fix = this.fixes.get(badge);
    if (fix) this.onFix(fix.key, fix.cell, fix.value);
  }

  /** Enter on a focused badge: its 改为 N, as a click on the button would; false when it has none. */
  private fixKey(badge: HTMLButtonElement): boolean {
    const fix = this.fixes.get(badge);
    if (!fix) return false;
    this.onFix(fix.key, fix.cell, fix.value);
    return true;
  }

  /** Esc: the tooltip closes and the focus goes back where the clerk was before jumping here. */
  private closeBadge(badge: HTMLButtonElement): void {
    const back = this.returnTo;
    this.returnTo = null;
    badge.blur();
    if (back?.isConnected) back.focus({ preventScroll: true });
  }

  private keyOf(el: HTMLButtonElement): string | null {
    for (const [key, b] of this.badges) if (b === el) return key;
    return null;
  }

  /** Show exactly these reference tags (placed with placeRef at a cell's bottom-right corner). */
  updateRefs(views: RefView[]): void {
    const keep = new Set(views.map((v) => v.key));
    const spare: HTMLElement[] = [];
    for (const [key, el] of this.refs) {
      if (!keep.has(key)) {
        el.hidden = true;
        el.removeAttribute('data-ref-cell');
        setText(el, '');
        this.refs.delete(key);
        spare.push(el);
      }
    }
    spare.push(...this.spareRefs);
    this.spareRefs.length = 0;
    for (const v of views) {
      let el = this.refs.get(v.key);
      if (!el) {
        el = spare.pop();
        if (!el) {
          el = this.doc.createElement('span');
          el.className = 'r';
          el.hidden = true;
          el.append(this.doc.createTextNode(''));
          this.root.append(el);
        }
        this.refs.set(v.key, el);
      }
      if (el.getAttribute('data-ref-cell') !== v.cell) el.setAttribute('data-ref-cell', v.cell);
      setText(el, v.text);
    }
    this.spareRefs.push(...spare);
  }

  /** `pos`: the tag's right end, standing above the point (or hanging below it, `pos.below`), outside its cell. */
  placeRef(key: string, pos: Pos): void {
    const el = this.refs.get(key);
    if (!el) return;
    if (el.hidden !== !pos.visible) el.hidden = !pos.visible;
    if (!pos.visible) return;
    setPx(el, 'left', pos.left);
    setPx(el, 'top', pos.top);
    setStyle(el, 'transform', pos.below ? 'translate(-100%,0)' : 'translate(-100%,-100%)');
  }

  place(key: string, pos: Pos): void {
    const el = this.badges.get(key);
    if (!el) return;
    // Placed just so already (most badges, on most keystrokes): nothing to read or write.
    const v = this.filled.get(el);
    const colour = v && !v.confirmed ? v.severity : null;
    const was = this.placed.get(el);
    if (was && was.key === key && was.colour === colour && samePos(was.pos, pos)) return;
    this.placed.set(el, { key, colour, pos: copyPos(pos) });
    const hidden = !pos.visible;
    if (el.hidden !== hidden) el.hidden = hidden;
    this.outlines.place(key, hidden ? null : pos.cell, colour);
    if (hidden) return;
    setPx(el, 'left', pos.left);
    setPx(el, 'top', pos.top);
    const tip = el.nextElementSibling as HTMLElement | null;
    if (tip) placeTip(tip, pos);
  }

  /**
   * Show exactly these sentence marks: a narrative sentence that disagrees with the table, drawn
   * as boxes over its lines (placeMark) with a badge (data-kind="sentence", data-cell = the cell
   * it disagrees with) whose tooltip holds the message.
   */
  updateMarks(views: BadgeView[]): void {
    const keep = new Set(views.map((v) => v.key));
    for (const [key, g] of this.marks) {
      if (!keep.has(key)) {
        this.marks.delete(key);
        g.removeAttribute('data-mark');
        for (const m of Array.from(g.querySelectorAll<HTMLElement>('.m'))) m.hidden = true;
        this.retire(g.querySelector('button')!);
        this.spareMarks.push(g);
      }
    }
    for (const v of views) {
      let g = this.marks.get(v.key);
      if (!g) {
        g = this.spareMarks.pop();
        if (!g) {
          g = this.doc.createElement('div');
          const b = this.badge();
          b.setAttribute('data-kind', 'sentence');
          g.append(b, b.nextElementSibling!);
          this.markLayer.append(g);
        }
        g.setAttribute('data-mark', v.key);
        this.marks.set(v.key, g);
      }
      this.fill(g.querySelector('button')!, v, true);
    }
  }

  /** `rects`: the sentence's visible line boxes in the top viewport; `badge`: where its badge goes. */
  placeMark(key: string, rects: Rect[], badge: Pos): void {
    const g = this.marks.get(key);
    if (!g) return;
    const b = g.querySelector('button')!;
    const boxes = Array.from(g.querySelectorAll<HTMLElement>('.m'));
    for (let i = boxes.length; i < rects.length; i++) {
      const m = this.doc.createElement('div');
      m.className = 'm';
      b.before(m);
      boxes.push(m);
    }
    boxes.forEach((m, i) => {
      const r = rects[i];
      if (m.hidden !== !r) m.hidden = !r;
      if (!r) return;
      setPx(m, 'left', r.left);
      setPx(m, 'top', r.top);
      setPx(m, 'width', r.right - r.left);
      setPx(m, 'height', r.bottom - r.top);
    });
    if (b.hidden !== !badge.visible) b.hidden = !badge.visible;
    if (!badge.visible) return;
    const { left, top } = badge;
    setPx(b, 'left', left);
    setPx(b, 'top', top);
    placeTip(b.nextElementSibling as HTMLElement, badge);
  }

  private offscreenBox: HTMLElement | null = null;
  private offscreenSaid = '';
  private jump: (dir: 'above' | 'below') => void = () => {};

  offscreen(view: OffscreenView | null, jump: (dir: 'above' | 'below') => void): void {
    this.jump = jump;
    let box = this.offscreenBox;
    if (!view || (!view.above && !view.below)) {
      if (box && !box.hidden) box.hidden = true;
      return;
    }
    if (!box) {
      box = this.offscreenBox = this.doc.createElement('div');
      box.className = 'o';
      for (const dir of ['above', 'below'] as const) {
        const b = this.doc.createElement('button');
        b.type = 'button';
        b.setAttribute('data-offscreen', dir);
        b.addEventListener('click', () => this.jump(dir));
        box.append(b);
      }
      this.root.append(box);
    }
    if (box.hidden) box.hidden = false;
    setPx(box, 'left', view.area.right - 8);
    setPx(box, 'top', view.area.bottom - 8);
    // The counts' words, written again only when a count or the locale changed.
    const said = `${currentLocale()}|${view.above}|${view.below}`;
    if (this.offscreenSaid === said) return;
    this.offscreenSaid = said;
    for (const b of Array.from(box.children) as HTMLButtonElement[]) {
      const dir = b.getAttribute('data-offscreen') as 'above' | 'below';
      const n = view[dir];
      if (b.hidden !== !n) b.hidden = !n;
      const text = t(dir === 'above' ? 'overlay.above' : 'overlay.below', { n });
      if (b.textContent !== text) b.textContent = text;
      const title = t('overlay.jumpTitle');
      if (b.title !== title) b.title = title;
    }
  }

  focusBadge(key: string): void {
    const el = this.badges.get(key) ?? this.marks.get(key)?.querySelector('button');
    if (!el || el.hidden) return;
    const from = this.doc.activeElement;
    if (from !== this.host && from instanceof HTMLElement && from !== this.doc.body) this.returnTo = from;
    el.focus({ preventScroll: true });
  }

  focused(): string | null {
    const a = this.root.activeElement;
    if (!a) return null;
    for (const [key, b] of this.badges) if (b === a || (b.nextElementSibling as HTMLElement).contains(a)) return key;
    for (const [key, g] of this.marks) if (g.contains(a)) return key;
    return null;
  }

  announce(text: string): void {
    // Re-setting identical text is not announced by screen readers; alternate a trailing space.
    setText(this.live, this.live.textContent === text ? `${text} ` : text);
  }

  /**
   * A message the clerk must read (a cell the extension could not fill), shown until clicked or for `ms`.
   * Read notices are hidden, not removed (the clerk may be typing then), and cleared when the next one comes.
   */
  notice(text: string, ms = 12000): void {
    for (const old of Array.from(this.root.querySelectorAll<HTMLElement>('.n[hidden]'))) old.remove();
    const n = this.doc.createElement('div');
    n.className = 'n';
    n.setAttribute('role', 'alert');
    n.textContent = text;
    n.addEventListener('click', () => (n.hidden = true));
    this.root.append(n);
    this.doc.defaultView?.setTimeout(() => (n.hidden = true), ms);
  }

  /** A brief highlight around a cell (used by 'reveal'); one element, hidden afterwards rather than removed. */
  flash(box: Rect, ms = 1600): void {
    let f = this.root.querySelector<HTMLElement>('.f');
    if (!f) {
      f = this.doc.createElement('div');
      f.className = 'f';
      this.root.append(f);
    }
    const el = f;
    const shown = String(++this.flashes);
    el.dataset.shown = shown;
    el.hidden = false;
    el.style.opacity = '1';
    el.style.left = `${box.left - 3}px`;
    el.style.top = `${box.top - 3}px`;
    el.style.width = `${box.right - box.left + 6}px`;
    el.style.height = `${box.bottom - box.top + 6}px`;
    const w = this.doc.defaultView;
    w?.setTimeout(() => el.dataset.shown === shown && (el.style.opacity = '0'), ms - 400);
    w?.setTimeout(() => el.dataset.shown === shown && (el.hidden = true), ms);
  }

  destroy(): void {
    this.outlines.clear();
    this.badges.clear();
    this.marks.clear();
    this.refs.clear();
    this.host.remove();
  }
}

/** Set an element's text by changing its own text node's data (no node removed); other children stay. */
function setText(el: HTMLElement, text: string): void {
  const first = el.firstChild;
  if (first && first.nodeType === 3) {
    if ((first as Text).data !== text) (first as Text).data = text;
  } else el.prepend(el.ownerDocument.createTextNode(text));
}

/** The tooltip at its anchor point (beside, below or above its cell: see lib/page/place tipPlacement). */
function placeTip(tip: HTMLElement, pos: Pos): void {
  const t: TipPlace = pos.tip ?? { left: pos.left + BADGE_SIZE, top: pos.top + BADGE_SIZE, alignRight: true, alignBottom: false, maxWidth: 320, bridge: { height: 0, inset: 0 } };
  setPx(tip, 'left', t.left);
  setPx(tip, 'top', t.top);
  setStyle(tip, 'transform', `translate(${t.alignRight ? '-100%' : '0'},${t.alignBottom ? '-100%' : '0'})`);
  setPx(tip, 'max-width', t.maxWidth);
  setStyle(tip, '--nb-bridge', `${Math.max(0, Math.round(t.bridge.height))}px`);
  setStyle(tip, t.alignRight ? '--nb-bridge-r' : '--nb-bridge-l', `${Math.round(t.bridge.inset)}px`);
  setStyle(tip, t.alignRight ? '--nb-bridge-l' : '--nb-bridge-r', 'auto');
}

/** How a badge was last placed: for which key, in which outline colour (null: none), where. */
interface Placed {
  key: string;
  colour: BadgeSeverity | null;
  pos: Pos;
}

/** Whether a badge filled with `a` shows exactly what `b` would (every field fill draws from). */
function sameView(a: BadgeView, b: BadgeView): boolean {
  return (
    a.key === b.key &&
    a.cell === b.cell &&
    a.severity === b.severity &&
    a.label === b.label &&
    a.expected === b.expected &&
    a.canFix === b.canFix &&
    a.confirmable === b.confirmable &&
    sameList(a.messages, b.messages) &&
    (a.confirmed === b.confirmed || (!!a.confirmed && !!b.confirmed && sameList(a.confirmed, b.confirmed)))
  );
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Whether a badge placed at `a` is drawn as at `b`: hidden both, or at the same spot, outline and tooltip place. */
function samePos(a: Pos, b: Pos): boolean {
  if (!a.visible || !b.visible) return a.visible === b.visible;
  return a.left === b.left && a.top === b.top && sameRect(a.cell, b.cell) && sameTip(a.tip, b.tip) && a.below === b.below;
}

function sameTip(a: TipPlace | undefined, b: TipPlace | undefined): boolean {
  if (!a || !b) return a === b;
  return (
    a.left === b.left &&
    a.top === b.top &&
    a.alignRight === b.alignRight &&
    a.alignBottom === b.alignBottom &&
    a.maxWidth === b.maxWidth &&
    a.bridge.height === b.bridge.height &&
    a.bridge.inset === b.bridge.inset
  );
}

/** A copy of a placing that later changes to the caller's objects cannot alter. */
function copyPos(p: Pos): Pos {
  return { ...p, cell: p.cell && { ...p.cell }, tip: p.tip && { ...p.tip, bridge: { ...p.tip.bridge } } };
}
