// Real published reports live beside the repository, in ../shared (corpus/, seeds/, fixtures/), not in it.
// Tests that read them run when that folder is there (CI has it) and are skipped, saying so, when it is not
// (a fresh clone on its own). $NIANBAO_SHARED points elsewhere.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = new URL('.', import.meta.url);
// Under Vitest's DOM environments import.meta.url is not a file: URL; Vitest runs from the repository root.
const root = here.protocol === 'file:' ? fileURLToPath(new URL('..', here)) : process.cwd();
export const SHARED_DIR = process.env.NIANBAO_SHARED ?? join(root, '..', 'shared');
export const HAVE_SHARED = existsSync(join(SHARED_DIR, 'corpus')) && existsSync(join(SHARED_DIR, 'seeds'));
export const SKIP_REASON = 'skipped: the real reports (../shared/corpus, ../shared/seeds) are not beside this clone';

/** A file of the shared folder, e.g. sharedPath('corpus/2019-shanghai-office-1.html'). */
export const sharedPath = (rel) => join(SHARED_DIR, rel);
