import { GATE_WORDS } from './gate-words';
import type { zhPage } from './zh-page';

/** The edit page's answers in English, key for key with zh-page.ts. */
export const enPage: Readonly<Record<keyof typeof zhPage, string>> = {
  'page.gone': 'This cell cannot be found: the table may have been changed or removed.',
  'page.confirmGone': 'This problem to verify cannot be found: the table may have changed; please open this window again.',
  'page.noteFirst': 'Please write a short note on what you checked first.',
  'page.mandatoryNotConfirmable': 'A mandatory problem cannot be marked as checked; please correct it as suggested.',
  'page.noProblem': 'The tables on this page have no problem to deal with.',
  'page.where.input': 'in an input form',
  'page.where.body': 'in the page\'s text',
  'page.where.editor': 'in the web page editor',
  'page.stopped': GATE_WORDS.en.stopped,
  'page.unavailable': GATE_WORDS.en.unavailable,
  'page.loading': 'The page is still loading; please try again in a moment.',
  'page.noTable': 'No statistics table was recognised on this page.',
  'page.noYear': 'This page does not say the report year: fill in the year of this report above, then click "Pre-fill from last year\'s data" again',
  'page.noPrior': 'No data of {body} for {year} was found: first use "Import last year\'s report…"',
  'page.noPriorBody': '"{body}"',
  'page.ownBody': 'this body',
  'page.nothingWritten': 'No cell was written: the target cells already hold figures or cannot be edited.',
  'page.nothingToUndo': 'There is no pre-fill to undo.',
  'page.announce': 'The annual report assistant found a problem: {label}{more}. {message}',
  'page.announceMore': ' and {n} more',
  'page.prior': 'last year {value}',
};
