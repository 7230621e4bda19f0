// Makes sure Debian's Chromium is at /usr/bin/chromium (or $CHROMIUM_PATH) for the real-browser tests:
// when missing, installs it once (apt-get update; apt-get install --no-install-recommends chromium) as root.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function ensureChromium() {
  if (existsSync(CHROMIUM)) return CHROMIUM;
  if (process.env.CHROMIUM_PATH) throw new Error(`CHROMIUM_PATH=${CHROMIUM} does not exist`);
  if (process.getuid?.() !== 0) {
    throw new Error(
      '未找到 /usr/bin/chromium，端到端测试需要它。请以 root 身份运行 npm test，或先执行：\n'
        + '  sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium\n'
        + '(Chromium is missing: run as root or install Debian\'s chromium package.)',
    );
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', '--no-install-recommends', 'chromium']]) {
    console.log(`▶ apt-get ${args.join(' ')}`);
    const r = spawnSync('apt-get', args, { stdio: ['ignore', 'inherit', 'inherit'], env });
    if (r.status !== 0) throw new Error(`apt-get ${args[0]} failed (exit ${r.status}); cannot install chromium`);
  }
  if (!existsSync(CHROMIUM)) throw new Error(`chromium installed but ${CHROMIUM} is still missing`);
  return CHROMIUM;
}

/**
 * Screenshots need a Chinese font, which a bare Debian image lacks (text shows as boxes). When no font
 * covers zh and we are root, install the small fonts-wqy-microhei package. Returns whether one is present.
 */
export function ensureChineseFont() {
  const hasFont = () => (spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).stdout ?? '').trim() !== '';
  if (hasFont()) return true;
  if (process.getuid?.() !== 0) return false;
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () =>
    spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'fonts-wqy-microhei'], { stdio: 'inherit', env }).status === 0;
  if (!install()) {
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    install();
  }
  return hasFont();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    console.log(`chromium: ${ensureChromium()}`);
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}
