/** `npm run --silent check -- [--json] [--prior FILE] FILE|DIR...` and `check --batch …` — logic in lib/cli. */
import { runCheck } from '../lib/cli/check';

const code = await runCheck(process.argv.slice(2), {
  out: (s) => process.stdout.write(s + '\n'),
  err: (s) => process.stderr.write(s + '\n'),
  ...(process.stderr.isTTY ? { progress: (s: string) => process.stderr.write(`\r${s}\x1b[K`) } : {}),
});
process.exitCode = code;
