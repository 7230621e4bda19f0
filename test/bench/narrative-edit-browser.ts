/** The narrative-edit bench's page script (bundled by narrative-edit.bench.ts): the same figures in the page. */
import { measure } from './narrative-edit-measure';

(globalThis as unknown as { nbNarrative: unknown }).nbNarrative = { measure };
