import { FORMATS } from '@/lib/formats';
import type { FormatId, SectionDef } from '@/lib/formats/types';
import type { Values } from '@/lib/report';

/** How a cell with a problem is marked: its class, and the words a screen reader says after the value. */
export type Marks = Readonly<Record<string, 'error' | 'warning' | 'confirmed'>>;
const MARK_WORDS = { error: '（强制性问题）', warning: '（核实性问题）', confirmed: '（已核实）' } as const;

/** A saved report shown as the official table: each section with the form's row and column labels. */
export function OfficialTable({ format, values, marks }: { format: FormatId; values: Values; marks?: Marks }) {
  return (
    <div class="official">
      {FORMATS[format].sections.map((s) => (
        <Section key={s.key} section={s} values={values} marks={marks} />
      ))}
    </div>
  );
}

const show = (v: number | null | undefined) => (v === undefined ? '' : v === null ? '—' : String(v));

function Value({ id, values, marks }: { id: string; values: Values; marks?: Marks }) {
  const m = marks?.[id];
  if (!m) return <>{show(values[id])}</>;
  return (
    <>
      {show(values[id])}
      <span class="sr-only">{MARK_WORDS[m]}</span>
    </>
  );
}

function Section({ section: s, values, marks }: { section: SectionDef; values: Values; marks?: Marks }) {
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
              <th scope="col">项目</th>
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
                        <Value id={s.cellId(r.id, c.id)} values={values} marks={marks} />
                      </td>
                    ))
                  : cols.map((c) =>
                      own.includes(c) ? (
                        <td key={c.id} data-cell={s.cellId(r.id, c.id)} class={markClass(marks, s.cellId(r.id, c.id))}>
                          <Value id={s.cellId(r.id, c.id)} values={values} marks={marks} />
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
