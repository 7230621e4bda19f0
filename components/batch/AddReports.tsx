import { useRef, useState } from 'preact/hooks';
import { ADDABLE_NAME } from '@/lib/batch/files';
import type { Added } from './run';
import { t } from '@/lib/i18n';

const fileItem = (f: File, path = (f as File & { webkitRelativePath?: string }).webkitRelativePath || f.name): Added => ({
  name: path,
  bytes: async () => new Uint8Array(await f.arrayBuffer()),
});

/** Files chosen or dropped, folders walked: only report files and .zip archives, sorted by path. */
export function addable(items: Added[]): { added: Added[]; skipped: number } {
  const added = items.filter((i) => ADDABLE_NAME.test(i.name)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { added, skipped: items.length - added.length };
}

/** The files of a drop: plain files, and every file inside dropped folders (webkitGetAsEntry). */
async function dropped(dt: DataTransfer): Promise<Added[]> {
  const entries = [...dt.items].map((i) => (i.kind === 'file' ? i.webkitGetAsEntry?.() : null));
  if (!entries.some((e) => e?.isDirectory)) return [...dt.files].map((f) => fileItem(f, f.name));
  const out: Added[] = [];
  const walk = async (entry: FileSystemEntry, path: string): Promise<void> => {
    if (entry.isFile) {
      const file = await new Promise<File>((ok, fail) => (entry as FileSystemFileEntry).file(ok, fail));
      out.push(fileItem(file, path + entry.name));
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      // readEntries gives at most 100 entries a call: read until it gives none
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((ok, fail) => reader.readEntries(ok, fail));
        if (!batch.length) break;
        for (const e of batch) await walk(e, `${path}${entry.name}/`);
      }
    }
  };
  for (const e of entries) if (e) await walk(e, '');
  return out;
}

/** Dropping files or folders, choosing them, or pasting a list of web addresses. */
export function AddReports({ onFiles, onAddresses, busy }: { onFiles(items: Added[], skipped: number): void; onAddresses(text: string): void; busy: boolean }) {
  const [over, setOver] = useState(false);
  const [addresses, setAddresses] = useState('');
  const folder = useRef<HTMLInputElement>(null);
  const give = (items: Added[]) => {
    const { added, skipped } = addable(items);
    onFiles(added, skipped);
  };
  return (
    <section class="add" aria-label={t('batch.add')}>
      <div
        class={over ? 'drop over' : 'drop'}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          if (e.dataTransfer) void dropped(e.dataTransfer).then(give);
        }}
      >
        <p><strong>{t('batch.drop')}</strong></p>
        <p class="muted">{t('batch.readable')}</p>
        <p>
          <label>
            {t('batch.chooseFiles')} <input type="file" multiple accept=".html,.htm,.shtml,.docx,.pdf,.txt,.json,.zip" data-input="files" onChange={(e) => { give([...(e.currentTarget.files ?? [])].map((f) => fileItem(f, f.name))); e.currentTarget.value = ''; }} />
          </label>{' '}
          <label>
            {t('batch.chooseFolder')}{' '}
            <input ref={folder} type="file" multiple {...{ webkitdirectory: true }} data-input="folder" onChange={(e) => { give([...(e.currentTarget.files ?? [])].map((f) => fileItem(f))); e.currentTarget.value = ''; }} />
          </label>
        </p>
      </div>
      <details class="addresses">
        <summary>{t('batch.fromAddresses')}</summary>
        <textarea rows={5} cols={90} aria-label={t('batch.addressList')} placeholder={'https://www.example.gov.cn/…/2023年政府信息公开工作年度报告.html'} value={addresses} onInput={(e) => setAddresses(e.currentTarget.value)} />
        <p>
          <button disabled={busy || !addresses.trim()} onClick={() => onAddresses(addresses)}>{t('batch.readAddresses')}</button>{' '}
          <span class="muted">{t('batch.addressesHint')}</span>
        </p>
      </details>
    </section>
  );
}
