import { valuesOf, type CheckInput, type Report, type Values } from '../report';
import type { FormatId } from '../formats/types';

/** Saved figures (a stored year, an imported file, the background's answer): values only, no cell text. */
export interface SavedValues {
  format: FormatId;
  year: number | null;
  values: Values;
  body?: string | null;
}

export type InputSource = Report | SavedValues;

/**
 * What the rule engine needs of a report: values, plus the text of cells that could not be read
 * as numbers (DOM-INT / DOM-AMT name it), body and narrative. Null when no format was found.
 * The only builder of the engine's input.
 */
export function inputOf(source: InputSource): CheckInput | null {
  if (!source.format) return null;
  if (!('cells' in source)) {
    const input: CheckInput = { format: source.format, year: source.year, values: { ...source.values } };
    if (source.body) input.body = source.body;
    return input;
  }
  let raw: Record<string, string> | undefined;
  const values = valuesOf(source, (id, c) => {
    if (c.unreadable) (raw ??= {})[id] = c.raw;
  });
  const input: CheckInput = { format: source.format, year: source.year, values };
  if (raw) input.raw = raw;
  if (source.body) input.body = source.body;
  if (source.narrative) input.narrative = source.narrative;
  return input;
}
