import { FORMATS } from '@/lib/formats';
import { formatTitleOf } from '@/lib/i18n/format-name';
import { OTHER_CHECKS, declaredFamilies, type RuleFamily } from '@/lib/help/families';
import { t } from '@/lib/i18n';
import type { Severity } from '@/lib/report';
import { ConfirmPicture, PrefillPicture, SeverityPicture, SumPicture } from './pictures';


/** The 「说明」 page: what the two kinds of problem mean, what is checked, pre-fill and confirmations. */
export function Help() {
  const families = [...declaredFamilies(), ...OTHER_CHECKS];
  return (
    <main class="help">
      <h1>{t('help.title')}</h1>
      <p>{t('help.intro')}</p>

      <section aria-labelledby="kinds">
        <h2 id="kinds">{t('help.kinds')}</h2>
        <SeverityPicture />
        <p>{t('help.kindsIntro')}</p>
        <ul>
          <li><strong class="sev-error">{t('help.errorName')}</strong>{t('help.errorText')}</li>
          <li><strong class="sev-warning">{t('help.warningName')}</strong>{t('help.warningText')}</li>
          <li><strong>{t('help.infoName')}</strong>{t('help.infoText')}</li>
        </ul>
        <p>{t('help.marksAndKeys')}</p>
      </section>

      <section aria-labelledby="rules">
        <h2 id="rules">{t('help.rules')}</h2>
        <SumPicture />
        <table class="families">
          <thead>
            <tr>{(['check', 'what', 'kind', 'formats'] as const).map((c) => <th key={c} scope="col">{t(`help.col.${c}`)}</th>)}</tr>
          </thead>
          <tbody>
            {families.map((f) => (
              <Family key={f.id} family={f} />
            ))}
          </tbody>
        </table>
        <p class="muted">{t('help.formats', { list: (['gov2021', 'gov2019', 'gov2014'] as const).map((f) => formatTitleOf(FORMATS[f])).join(t('common.listSeparator')) })}</p>
      </section>

      <section aria-labelledby="prefill">
        <h2 id="prefill">{t('help.prefill')}</h2>
        <PrefillPicture />
        <ol>
          <li>{t('help.prefill1')}</li>
          <li>{t('help.prefill2')}</li>
          <li>{t('help.prefill3')}</li>
        </ol>
      </section>

      <section aria-labelledby="confirm">
        <h2 id="confirm">{t('help.confirm')}</h2>
        <ConfirmPicture />
        <ul>
          <li>{t('help.confirm1')}</li>
          <li>{t('help.confirm2')}</li>
          <li>{t('help.confirm3')}</li>
          <li>{t('help.confirm4')}</li>
        </ul>
      </section>

      <section aria-labelledby="sheet">
        <h2 id="sheet">{t('help.sheet')}</h2>
        <p>{t('help.sheetText')}</p>
      </section>
    </main>
  );
}

function Family({ family: f }: { family: RuleFamily }) {
  return (
    <tr data-family={f.id}>
      <th scope="row">{f.title}</th>
      <td>{f.what}</td>
      <td>{f.severities.map((s: Severity) => t(`severity.${s}`)).join(t('common.enumSeparator'))}</td>
      <td>{f.formats.length === 4 ? t('help.allFormats') : f.formats.map((x) => t(`help.format.${x}`)).join(t('common.enumSeparator'))}</td>
    </tr>
  );
}
