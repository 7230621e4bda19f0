// npm run build: the three builds and their zips, then checks them (scripts/verify-build.mjs).
//   .output/chrome-mv3   + nianbao-zhushou-<ver>-chrome-mv3.zip   Chrome/Edge ≥ 102
//   .output/chrome-mv2   + nianbao-zhushou-<ver>-chrome-mv2.zip   360/QQ/奇安信…, Chromium ≥ 86
//   .output/firefox-mv2  + nianbao-zhushou-<ver>-firefox-mv2.zip  Firefox ≥ 115 (+ -sources.zip for AMO)
import { spawnSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { BUILDS, ROOT, verifyBuilds } from './verify-build.mjs';

const wxt = join(ROOT, 'node_modules/.bin/wxt');
const started = Date.now();
for (const args of [['zip'], ['zip', '--mv2'], ['zip', '-b', 'firefox']]) {
  console.log(`\n▶ wxt ${args.join(' ')}`);
  const r = spawnSync(wxt, args, { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`\n构建失败：wxt ${args.join(' ')} 退出码 ${r.status}`);
    process.exit(1);
  }
}

console.log('\n▶ checking builds (manifests, Chromium 86 syntax floor of the MV2 build, web-ext lint)');
const { problems, warnings } = await verifyBuilds();
for (const w of warnings) console.log(`  ${w}`);
if (problems.length) {
  console.error(`\n构建检查未通过（${problems.length} 项）：`);
  for (const p of problems) console.error(`  ✗ ${p}`);
  process.exit(1);
}
console.log('\n构建完成：');
for (const b of BUILDS) console.log(`  ${relative(ROOT, b.zip)}  ← ${b.label}`);
console.log(`build ok in ${((Date.now() - started) / 1000).toFixed(1)} s`);
