import { useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { checkInput } from '@/lib/check';
import { buildSheet, type SheetModel } from '@/lib/sheet/model';
import { loadSheetData, type SheetStores } from '@/lib/sheet/source';
import { Sheet } from './Sheet';

export interface SheetApi extends SheetStores {
  /** The page address's query string (`?key=…` or `?session=…`). */
  query: string;
  print(): void;
  now(): Date;
}

/** Reads the report named in the address, checks it and shows the 审核单; a plain message otherwise. */
export function SheetPage({ api }: { api: SheetApi }) {
  const [state, setState] = useState<{ model: SheetModel } | { message: string } | null>(null);
  useEffect(() => {
    void loadSheetData(api.query, api).then((r) => {
      if (!r.ok) return setState({ message: r.message });
      const { input, prior, confirmations, savedAt } = r.data;
      const model = buildSheet({ input, findings: checkInput(input, prior ? { prior } : {}).findings, confirmations, at: api.now(), ...(savedAt ? { savedAt } : {}) });
      document.title = `${model.body} ${model.title}`;
      setState({ model });
    });
  }, []);
  if (!state) return <p class="muted">{t('sheet.reading')}</p>;
  if ('message' in state) {
    return (
      <main class="sheet">
        <h1>{t('sheet.heading')}</h1>
        <p role="alert">{state.message}</p>
      </main>
    );
  }
  return <Sheet model={state.model} onPrint={api.print} />;
}
