// Makes sure Debian's Firefox ESR is at /usr/bin/firefox-esr (or $FIREFOX_PATH) for the Firefox e2e tests:
// when missing, installs it once (apt-get update; apt-get install --no-install-recommends firefox-esr) as root.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export function ensureFirefox() {
  if (existsSync(FIREFOX)) return FIREFOX;
  if (process.env.FIREFOX_PATH) throw new Error(`FIREFOX_PATH=${FIREFOX} does not exist`);
  if (process.getuid?.() !== 0) {
    throw new Error(
      '未找到 /usr/bin/firefox-esr，Firefox 端到端测试需要它。请以 root 身份运行 npm test，或先执行：\n'
        + '  sudo apt-get update && sudo apt-get install -y --no-install-recommends firefox-esr\n'
        + '(Firefox ESR is missing: run as root or install Debian\'s firefox-esr package.)',
    );
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', '--no-install-recommends', 'firefox-esr']]) {
    console.log(`▶ apt-get ${args.join(' ')}`);
    const r = spawnSync('apt-get', args, { stdio: ['ignore', 'inherit', 'inherit'], env });
    if (r.status !== 0) throw new Error(`apt-get ${args[0]} failed (exit ${r.status}); cannot install firefox-esr`);
  }
  if (!existsSync(FIREFOX)) throw new Error(`firefox-esr installed but ${FIREFOX} is still missing`);
  return FIREFOX;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    console.log(`firefox: ${ensureFirefox()}`);
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}
