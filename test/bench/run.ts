/** `npm run bench`: runs every test/bench/*.bench.ts in turn; each prints its own figures. */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = dirname(fileURLToPath(import.meta.url));
for (const file of readdirSync(dir).filter((f) => f.endsWith('.bench.ts')).sort()) {
  console.log(`\n## ${file}`);
  const mod = await import(join(dir, file));
  await mod.default();
}
