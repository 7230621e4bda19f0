import { useState } from 'preact/hooks';
import { NOTE_MAX } from '@/lib/check/confirmed';
import { t } from '@/lib/i18n';

/** Every word of the popup's 已核实 control (one place, for the locale module). */
export const CONFIRM_TEXT = {
  get open() {
    return t('confirm.open');
  },
  get openTitle() {
    return t('confirm.openTitle');
  },
  get label() {
    return t('confirm.label');
  },
  get placeholder() {
    return t('confirm.placeholder');
  },
  get ok() {
    return t('confirm.ok');
  },
  get cancel() {
    return t('common.cancel');
  },
  get needNote() {
    return t('confirm.needNote');
  },
  get confirmedTitle() {
    return t('confirm.badge');
  },
  get undo() {
    return t('confirm.undo');
  },
  get notePrefix() {
    return t('confirm.notePrefix');
  },
};

/** 「已核实…」 under a 核实性 problem: a required note, then 确定 sends it. */
export function ConfirmNote({ send }: { send: (note: string) => Promise<boolean> }) {
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  if (!open)
    return (
      <button class="small confirm-open" title={CONFIRM_TEXT.openTitle} onClick={() => setOpen(true)}>
        {CONFIRM_TEXT.open}
      </button>
    );
  const submit = async () => {
    if (!note.trim()) return setMissing(true);
    if (await send(note.trim())) {
      setOpen(false);
      setNote('');
    }
  };
  return (
    <span class="confirm-form">
      <label>
        {CONFIRM_TEXT.label}
        <input
          value={note}
          maxLength={NOTE_MAX}
          placeholder={CONFIRM_TEXT.placeholder}
          aria-invalid={missing}
          ref={(el) => el?.focus()}
          onInput={(e) => { setNote(e.currentTarget.value); setMissing(false); }}
          onKeyDown={(e) => e.key === 'Enter' && !e.isComposing && void submit()}
        />
      </label>
      <button class="primary" onClick={submit}>{CONFIRM_TEXT.ok}</button>{' '}
      <button onClick={() => { setOpen(false); setNote(''); setMissing(false); }}>{CONFIRM_TEXT.cancel}</button>
      {missing && <span role="alert" class="small"> {CONFIRM_TEXT.needNote}</span>}
    </span>
  );
}
