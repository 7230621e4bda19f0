import { useState } from 'preact/hooks';
import { NOTE_MAX } from '@/lib/check/confirmed';
import { t } from '@/lib/i18n';

/** 「已核实…」 under a 核实性 problem: a required note, then 确定 sends it. */
export function ConfirmNote({ send }: { send: (note: string) => Promise<boolean> }) {
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  if (!open)
    return (
      <button class="small confirm-open" title={t('confirm.openTitle')} onClick={() => setOpen(true)}>
        {t('confirm.open')}
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
        {t('confirm.label')}
        <input
          value={note}
          maxLength={NOTE_MAX}
          placeholder={t('confirm.placeholder')}
          aria-invalid={missing}
          ref={(el) => el?.focus()}
          onInput={(e) => { setNote(e.currentTarget.value); setMissing(false); }}
          onKeyDown={(e) => e.key === 'Enter' && !e.isComposing && void submit()}
        />
      </label>
      <button class="primary" onClick={submit}>{t('confirm.ok')}</button>{' '}
      <button onClick={() => { setOpen(false); setNote(''); setMissing(false); }}>{t('common.cancel')}</button>
      {missing && <span role="alert" class="small"> {t('confirm.needNote')}</span>}
    </span>
  );
}
