// A real Chromium 86 for running the MV2 build's code (test/e2e/chromium86.test.mjs): HeadlessChrome
// 86.0.4240.0 from the npm package chrome-aws-lambda@5.3.1 (a headless shell: it cannot load extensions).
// Fetched once with the ordinary npm client (npm pack, ~45 MB) into node_modules/.cache/chromium86 and
// unpacked there (the binary and its libraries are brotli-compressed in the package).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync } from 'node:zlib';

export const PACKAGE = 'chrome-aws-lambda@5.3.1';
const DIR = fileURLToPath(new URL('../node_modules/.cache/chromium86/', import.meta.url));

/** { executable, env } for launching Chromium 86 (env carries LD_LIBRARY_PATH for its bundled NSS). */
export function ensureChromium86() {
  const executable = join(DIR, 'chromium');
  const env = { ...process.env, LD_LIBRARY_PATH: join(DIR, 'aws/lib') };
  if (existsSync(executable) && existsSync(join(DIR, 'aws/lib'))) return { executable, env };
  mkdirSync(DIR, { recursive: true });
  console.log(`▶ npm pack ${PACKAGE} (Chromium 86 for the MV2 code run)`);
  const tgz = execFileSync('npm', ['pack', PACKAGE, '--silent', '--pack-destination', DIR], { encoding: 'utf8' }).trim().split('\n').pop();
  execFileSync('tar', ['xzf', join(DIR, tgz), '-C', DIR]);
  const unbrotli = (from, to, mode) => writeFileSync(to, brotliDecompressSync(readFileSync(from)), { mode });
  unbrotli(join(DIR, 'package/bin/aws.tar.br'), join(DIR, 'aws.tar'));
  mkdirSync(join(DIR, 'aws'), { recursive: true });
  execFileSync('tar', ['xf', join(DIR, 'aws.tar'), '-C', join(DIR, 'aws')]);
  unbrotli(join(DIR, 'package/bin/chromium.br'), executable, 0o755);
  return { executable, env };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { executable, env } = ensureChromium86();
  console.log(`chromium 86: ${executable}`);
}
