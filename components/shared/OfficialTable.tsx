import { FORMATS } from '@/lib/formats';
import type { FormatId, SectionDef } from '@/lib/formats/types';
import type { Values } from '@/lib/report';

/** A saved report shown as the official table: each section with the form's row and column labels. */
export function OfficialTable({ format, values }: { format: FormatId; values: Values }) {
  return (
    <div class="official">
      {FORMATS[format].sections.map((s) => (
        <Section key={s.key} section={s} values={values} />
      ))}
    </div>
  );
}

const show = (v: number | null | undefined) => (v === undefined ? '' : v === null ? '—' : String(v));

function Section({ section: s, values }: { section: SectionDef; values: Values }) {
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
                      <td key={c.id} data-cell={s.cellId(r.id, c.id)}>
                        <span class="col-label">{c.label}：</span>
                        {show(values[s.cellId(r.id, c.id)])}
                      </td>
                    ))
                  : cols.map((c) =>
                      own.includes(c) ? (
                        <td key={c.id} data-cell={s.cellId(r.id, c.id)}>{show(values[s.cellId(r.id, c.id)])}</td>
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
