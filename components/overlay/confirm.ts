import { NOTE_MAX } from '@/lib/check/confirmed';
import { t } from '@/lib/i18n';

/**
 * 「已核实」 in a badge's tooltip: a required one-line 核实说明, then 确定. Drawn in the overlay only;
 * keys typed in the note stay in the overlay (a page's own shortcuts never see them).
 */

export const CONFIRM_CSS = `
.b[data-confirmed]{background:#9aa0a6;opacity:.85}
.cf{margin:4px 0 0}
.cf .k{padding:1px 8px;border:1px solid #dadce0;border-radius:3px;background:transparent;color:#fff;font:13px/1.5 system-ui,"Microsoft YaHei",sans-serif;cursor:pointer}
.cf .k:focus,.cf input:focus,.cf .ok:focus,.cf .no:focus{outline:2px solid #8ab4f8}
.cf .fm[hidden],.cf .k[hidden],.cf .e[hidden],.cf[hidden]{display:none}
.cf label{display:block;margin:2px 0}
.cf input{box-sizing:border-box;width:100%;min-width:220px;margin:2px 0;padding:2px 4px;border:1px solid #dadce0;border-radius:3px;font:13px/1.5 system-ui,"Microsoft YaHei",sans-serif}
.cf .ok{padding:1px 10px;border:0;border-radius:3px;background:#8ab4f8;color:#202124;font:bold 13px/1.5 system-ui,"Microsoft YaHei",sans-serif;cursor:pointer}
.cf .no{margin-left:6px;padding:1px 8px;border:1px solid #dadce0;border-radius:3px;background:transparent;color:#fff;font:13px/1.5 system-ui,"Microsoft YaHei",sans-serif;cursor:pointer}
.cf .e{margin:2px 0 0;color:#f28b82}
`;

/**
 * Show (or hide) the 「已核实…」 control at the end of `tip`, made once per tooltip; `submit` receives the
 * note from a 确定 (or Enter in the note) of the clerk's own — never from a page script's synthetic event.
 */
export function confirmControl(tip: HTMLElement, show: boolean, submit: (note: string) => void): void {
  let box = tip.querySelector<HTMLElement>(':scope > .cf');
  if (!show) {
    if (box && !box.hidden) {
      box.hidden = true;
      reset(box);
    }
    return;
  }
  if (!box) box = make(tip, submit);
  if (box.hidden) box.hidden = false;
}

function make(tip: HTMLElement, submit: (note: string) => void): HTMLElement {
  const doc = tip.ownerDocument;
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, cls: string, text = ''): HTMLElementTagNameMap[K] => {
    const e = doc.createElement(tag);
    e.className = cls;
    if (text) e.textContent = text;
    return e;
  };
  const box = el('div', 'cf');
  const open = el('button', 'k', t('confirm.open'));
  open.type = 'button';
  open.title = t('confirm.openTitle');
  const form = el('div', 'fm');
  form.hidden = true;
  const label = el('label', '', t('confirm.label'));
  const input = el('input', '');
  input.type = 'text';
  input.maxLength = NOTE_MAX;
  input.placeholder = t('confirm.placeholder');
  input.required = true;
  label.append(input);
  const ok = el('button', 'ok', t('confirm.ok'));
  ok.type = 'button';
  const no = el('button', 'no', t('common.cancel'));
  no.type = 'button';
  const err = el('p', 'e', t('confirm.needNote'));
  err.setAttribute('role', 'alert');
  err.hidden = true;
  form.append(label, ok, no, err);
  box.append(open, form);
  tip.append(box);

  const send = (e: Event) => {
    if (!e.isTrusted) return;
    const note = input.value.trim();
    if (!note) {
      err.hidden = false;
      input.focus();
      return;
    }
    // The focus moves before what holds it is hidden (a hidden focused element would close the tooltip).
    (tip.previousElementSibling as HTMLElement | null)?.focus({ preventScroll: true });
    reset(box);
    submit(note);
  };
  const back = () => {
    open.hidden = false;
    open.focus({ preventScroll: true });
    reset(box);
  };
  open.addEventListener('click', () => {
    form.hidden = false;
    input.focus({ preventScroll: true });
    open.hidden = true;
  });
  ok.addEventListener('click', send);
  no.addEventListener('click', back);
  // Esc not handled in the note goes on to the tooltip (which closes); every other key stays here.
  for (const type of ['keydown', 'keypress', 'keyup', 'input', 'beforeinput'])
    box.addEventListener(type, (e) => {
      if (!(type === 'keydown' && (e as KeyboardEvent).key === 'Escape' && !e.defaultPrevented)) e.stopPropagation();
    });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.isComposing) {
      e.preventDefault();
      send(e);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      back();
    }
  });
  return box;
}

function reset(box: HTMLElement): void {
  const [open, form] = Array.from(box.children) as HTMLElement[];
  const input = box.querySelector('input');
  if (input) input.value = '';
  const err = box.querySelector<HTMLElement>('.e');
  if (err) err.hidden = true;
  if (open) open.hidden = false;
  if (form) form.hidden = true;
}
