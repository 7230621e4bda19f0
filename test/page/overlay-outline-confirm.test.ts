import { beforeEach, describe, expect, it } from 'vitest';
import { Overlay, overlayRoot, type BadgeView } from '@/components/overlay/overlay';

const view = (over: Partial<BadgeView> = {}): BadgeView => ({
  key: '1|0|active.normative.inForce',
  cell: 'active.normative.inForce',
  severity: 'warning',
  label: '表二·行政规范性文件·现行有效件数',
  messages: ['表二 行政规范性文件：现行有效件数(28)应为…=27，相差1'],
  ...over,
});
const shown = { left: 100, top: 50, visible: true, cell: { left: 10, top: 20, right: 60, bottom: 40 } };

function trusted<E extends Event>(e: E): E {
  Object.defineProperty(e, 'isTrusted', { value: true });
  return e;
}

describe('outline around the wrong cell', () => {
  beforeEach(() => {
    document.documentElement.innerHTML = '<head></head><body><p>x</p></body>';
  });

  it('is drawn in the overlay in the severity of the badge, 2 px outside the cell, and goes with the badge', () => {
    const o = new Overlay(document);
    const root = overlayRoot(o.host)!;
    o.update([view({ severity: 'error', key: 'k' })]);
    o.place('k', shown);
    const line = root.querySelector<HTMLElement>('[data-outline="k"]')!;
    expect(line.hidden).toBe(false);
    expect(line.getAttribute('data-severity')).toBe('error');
    expect([line.style.left, line.style.top, line.style.width, line.style.height]).toEqual(['8px', '18px', '54px', '24px']);
    expect(document.body.innerHTML).toBe('<p>x</p>');
    o.place('k', { ...shown, visible: false });
    expect(line.hidden).toBe(true); // a covered or scrolled-away cell: no outline either
    o.place('k', shown);
    o.update([]);
    expect(root.querySelector('[data-outline="k"]')).toBeNull();
    expect(line.hidden).toBe(true);
  });

  it('a confirmed warning keeps a muted badge with its note and no outline', () => {
    const o = new Overlay(document);
    o.update([view({ confirmed: ['本年另有 1 件重新发布'] })]);
    o.place(view().key, shown);
    const root = overlayRoot(o.host)!;
    const b = root.querySelector<HTMLButtonElement>('button.b')!;
    expect(b.hasAttribute('data-confirmed')).toBe(true);
    expect(b.getAttribute('aria-label')).toBe('已核实的核实性问题：表二·行政规范性文件·现行有效件数');
    expect(b.nextElementSibling!.textContent).toContain('核实说明：本年另有 1 件重新发布');
    expect(root.querySelector('[data-outline]')).toBeNull();
    expect(root.querySelector('.cf:not([hidden])')).toBeNull(); // nothing more to confirm
  });
});

describe('已核实 in the tooltip', () => {
  beforeEach(() => {
    document.documentElement.innerHTML = '<head></head><body></body>';
  });

  it('asks for a note, refuses an empty one, and confirms with the note the clerk typed', () => {
    const got: [string, string][] = [];
    const o = new Overlay(document, () => {}, (key, note) => got.push([key, note]));
    o.update([view({ confirmable: true })]);
    const root = overlayRoot(o.host)!;
    const open = root.querySelector<HTMLButtonElement>('.cf .k')!;
    expect(open.textContent).toBe('已核实…');
    open.click();
    const input = root.querySelector<HTMLInputElement>('.cf input')!;
    const ok = root.querySelector<HTMLButtonElement>('.cf .ok')!;
    ok.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true })));
    expect(got).toEqual([]);
    expect(root.querySelector<HTMLElement>('.cf .e')!.hidden).toBe(false);
    input.value = '本年另有 1 件重新发布';
    ok.dispatchEvent(new MouseEvent('click', { bubbles: true })); // a page script's click: ignored
    expect(got).toEqual([]);
    ok.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true })));
    expect(got).toEqual([[view().key, '本年另有 1 件重新发布']]);
    expect(input.value).toBe('');
  });

  it('is not offered on a 强制性 badge', () => {
    const o = new Overlay(document);
    o.update([view({ severity: 'error', confirmable: false, expected: 27, canFix: true })]);
    expect(overlayRoot(o.host)!.querySelector('.cf:not([hidden])')).toBeNull();
  });

  it('Enter on a focused badge applies its 改为 N; Esc closes the tooltip', () => {
    const fixes: number[] = [];
    const o = new Overlay(document, (_k, _c, v) => fixes.push(v));
    o.update([view({ severity: 'error', expected: 27, canFix: true })]);
    o.place(view().key, shown);
    const root = overlayRoot(o.host)!;
    const b = root.querySelector<HTMLButtonElement>('button.b')!;
    o.focusBadge(view().key);
    expect(o.focused()).toBe(view().key);
    expect(b.nextElementSibling!.hasAttribute('data-open')).toBe(true);
    b.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })); // untrusted
    expect(fixes).toEqual([]);
    b.dispatchEvent(trusted(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
    expect(fixes).toEqual([27]);
    b.dispatchEvent(trusted(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(b.nextElementSibling!.hasAttribute('data-open')).toBe(false);
    expect(o.focused()).toBeNull();
  });
});
