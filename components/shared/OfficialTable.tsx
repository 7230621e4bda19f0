import { t } from '@/lib/i18n';
import { FORMATS } from '@/lib/formats';
import type { FormatId, SectionDef } from '@/lib/formats/types';
import type { Values } from '@/lib/report';

/** How a cell with a problem is marked: its class, and the words a screen reader says after the value. */
export type Marks = Readonly<Record<string, 'error' | 'warning' | 'confirmed'>>;
const markWord = (m: 'error' | 'warning' | 'confirmed') => t(`table.mark.${m}`);

/** A saved report shown as the official table: each section with the form's row and column labels. */
export function OfficialTable({ format, values, marks, raw }: { format: FormatId; values: Values; marks?: Marks; raw?: Readonly<Record<string, string>> }) {
  return (
    <div class="official">
      {FORMATS[format].sections.map((s) => (
        <Section key={s.key} section={s} values={values} marks={marks} raw={raw} />
      ))}
    </div>
  );
}

const show = (v: number | null | undefined) => (v === undefined ? '' : v === null ? '—' : String(v));

type Cells = { values: Values; marks?: Marks; raw?: Readonly<Record<string, string>> };

function Value({ id, values, marks, raw }: { id: string } & Cells) {
  const m = marks?.[id];
  // A cell whose text is not a number shows that text, as typed.
  const text = values[id] === null && raw?.[id] ? raw[id] : show(values[id]);
  if (!m) return <>{text}</>;
  return (
    <>
      {text}
      <span class="sr-only">{markWord(m)}</span>
    </>
  );
}

function Section({ section: s, values, marks, raw }: { section: SectionDef } & Cells) {
  const cols = s.cols.filter((c) => s.rows.some((r) => !r.cols || r.cols.includes(c.id)));
  const oneColumnPerRow = s.rows.every((r) => r.cols?.length === 1) || cols.length === 1;
  let lastGroup: string | undefined;
  return (
    <section>
      <h3>{s.title}</h3>
      <table>
        {oneColumnPerRow && cols.length > 1 ? null : (
          <thead>
            <tr>
              <th scope="col">{t('table.item')}</th>
              {cols.map((c) => (
                <th scope="col" key={c.id}>{c.label}</th>
              ))}
            </tr>
          </thead>
        )}
        <tbody>
          {s.rows.flatMap((r) => {
            const group = r.group ? s.groups?.find((g) => g.id === r.group) : undefined;
            const rows = [];
            if (group && group.id !== lastGroup) {
              rows.push(
                <tr key={`g-${group.id}`} class="group">
                  <th scope="rowgroup" colSpan={cols.length + 1}>{group.label}</th>
                </tr>,
              );
            }
            lastGroup = group?.id;
            const own = cols.filter((c) => !r.cols || r.cols.includes(c.id));
            rows.push(
              <tr key={r.id}>
                <th scope="row">{r.label}</th>
                {oneColumnPerRow && cols.length > 1
                  ? own.map((c) => (
                      <td key={c.id} data-cell={s.cellId(r.id, c.id)} class={markClass(marks, s.cellId(r.id, c.id))}>
                        <span class="col-label">{c.label}：</span>
                        <Value id={s.cellId(r.id, c.id)} values={values} marks={marks} raw={raw} />
                      </td>
                    ))
                  : cols.map((c) =>
                      own.includes(c) ? (
                        <td key={c.id} data-cell={s.cellId(r.id, c.id)} class={markClass(marks, s.cellId(r.id, c.id))}>
                          <Value id={s.cellId(r.id, c.id)} values={values} marks={marks} raw={raw} />
                        </td>
                      ) : (
                        <td key={c.id} class="na" />
                      ),
                    )}
              </tr>,
            );
            return rows;
          })}
        </tbody>
      </table>
    </section>
  );
}

const markClass = (marks: Marks | undefined, id: string) => (marks?.[id] ? `mark-${marks[id]}` : undefined);
