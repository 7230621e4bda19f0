// Checks the three builds in .output/ after `wxt zip`: manifests, referenced files, zips, the MV2 build's
// Chromium 86 syntax floor, and `web-ext lint` on the Firefox build. Returns a list of problems (empty = ok).
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { chromium86Problems } from './syntax-floor.mjs';
import { loadTouchProblems } from './load-cost.mjs';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUTPUT = join(ROOT, '.output');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

/** The three builds: output folder, zip name, manifest version and the browser family. */
export const BUILDS = [
  { dir: 'chrome-mv3', mv: 3, browser: 'chrome', label: 'Chrome/Edge ≥ 102（MV3）' },
  { dir: 'chrome-mv2', mv: 2, browser: 'chrome', label: '360/QQ 等国产浏览器，Chromium ≥ 86（MV2）' },
  { dir: 'firefox-mv2', mv: 2, browser: 'firefox', label: 'Firefox ≥ 115（MV2）' },
].map((b) => ({ ...b, path: join(OUTPUT, b.dir), zip: join(OUTPUT, `${pkg.name}-${pkg.version}-${b.dir}.zip`) }));

// A string only webextension-polyfill contains.
const POLYFILL_MARK = 'This script should only be loaded in a browser extension';
const CHECKER = 'checker.js';
// The script every page of every site loads, gzipped (issue 16: < 40 KB). It is ≈ 5 KB with only the gate; the
// locale dictionary (≈ 17 KB gzip) or the format catalogue creeping in would pass 8 KB.
export const CONTENT_GZIP_BUDGET = 8 * 1024;

const jsFiles = (dir) =>
  readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.js')).map((f) => join(dir, f));

/** Problems in one build's manifest and files. */
/**
 * Gecko manifest keys newer than the build's strict_min_version: a Firefox older than the key refuses the
 * add-on (data_collection_permissions is an install error up to Firefox 127 and ESR 115 before 115.31).
 */
export const GECKO_KEY_SINCE = { data_collection_permissions: 140 };
export function geckoKeyProblems(m) {
  const gecko = m.browser_specific_settings?.gecko ?? {};
  const min = Number.parseFloat(gecko.strict_min_version ?? '0');
  return Object.entries(GECKO_KEY_SINCE)
    .filter(([key, since]) => key in gecko && min < since)
    .map(([key, since]) => `gecko.${key} needs Firefox ${since}, but strict_min_version is ${gecko.strict_min_version}`);
}

/** The install-time permissions of every build, each with its reason in the README's 权限 table. */
export const PERMISSIONS = ['storage', 'unlimitedStorage', 'activeTab'];

export function manifestProblems(build) {
  const problems = [];
  const bad = (msg) => problems.push(`${build.dir}: ${msg}`);
  const file = (rel) => existsSync(join(build.path, rel));
  if (!file('manifest.json')) return [`${build.dir}: no manifest.json (build missing)`];
  const m = JSON.parse(readFileSync(join(build.path, 'manifest.json'), 'utf8'));

  if (m.manifest_version !== build.mv) bad(`manifest_version ${m.manifest_version}, expected ${build.mv}`);
  if (m.name !== '__MSG_extName__' || m.default_locale !== 'zh_CN') bad('name must come from _locales, default zh_CN');
  for (const locale of ['zh_CN', 'en']) {
    const msgs = file(`_locales/${locale}/messages.json`)
      && JSON.parse(readFileSync(join(build.path, `_locales/${locale}/messages.json`), 'utf8'));
    if (!msgs?.extName?.message) bad(`_locales/${locale} has no extName`);
    else if (locale === 'zh_CN' && msgs.extName.message !== '年报助手') bad(`zh_CN name is ${msgs.extName.message}`);
  }
  for (const size of ['16', '32', '48', '128']) {
    if (!m.icons?.[size] || !file(m.icons[size])) bad(`icon ${size} missing`);
  }
  // Exactly the permissions the README's table explains (a new one needs its sentence there).
  const asked = [...(m.permissions ?? [])].sort().join(' ');
  if (asked !== [...PERMISSIONS].sort().join(' ')) bad(`permissions ${asked}, expected ${PERMISSIONS.join(' ')} (README 权限表)`);
  const popup = build.mv === 3 ? m.action?.default_popup : m.browser_action?.default_popup;
  if (!popup || !file(popup)) bad('popup page missing');
  if (!m.options_ui?.page || !file(m.options_ui.page)) bad('options page missing');
  if (build.mv === 3) {
    if (!m.background?.service_worker || !file(m.background.service_worker)) bad('background service worker missing');
    if (m.minimum_chrome_version !== '102') bad(`minimum_chrome_version ${m.minimum_chrome_version}, expected 102`);
  } else {
    if (!m.background?.scripts?.every(file)) bad('background scripts missing');
    if (build.browser === 'chrome' && m.minimum_chrome_version !== '86') bad('minimum_chrome_version must be 86');
    if (build.browser === 'firefox' && !m.browser_specific_settings?.gecko?.id) bad('gecko id missing');
    if (build.browser === 'firefox') for (const p of geckoKeyProblems(m)) bad(p);
  }
  const scripts = m.content_scripts ?? [];
  if (!scripts.length) bad('no content script');
  for (const cs of scripts) {
    if (!cs.js?.every(file)) bad(`content script file missing: ${cs.js}`);
    for (const js of (cs.js ?? []).filter(file)) {
      const gz = gzipSync(readFileSync(join(build.path, js)), { level: 9 }).length;
      if (gz > CONTENT_GZIP_BUDGET) bad(`${js} is ${gz} B gzipped, over its ${CONTENT_GZIP_BUDGET} B budget (keep what only a report page needs in ${CHECKER})`);
    }
    if (!cs.matches?.includes('<all_urls>')) bad('content script must match <all_urls>');
    if (cs.all_frames !== true) bad('content script without all_frames');
    if (cs.match_about_blank !== true) bad('content script without match_about_blank');
    if (build.mv === 3 && cs.match_origin_as_fallback !== true) bad('MV3 content script without match_origin_as_fallback');
    if (build.mv === 2 && 'match_origin_as_fallback' in cs) bad('match_origin_as_fallback is unknown to MV2 browsers');
    // wxt.config.ts's lean entry: no ContentScriptContext (its start-up event to the page) on every page load.
    for (const js of (cs.js ?? []).filter(file)) {
      const code = readFileSync(join(build.path, js), 'utf8');
      if (code.includes('content-script-started')) bad(`${js} still has WXT's ContentScriptContext (see leanContentScript in wxt.config.ts)`);
      for (const p of loadTouchProblems(code, `${build.dir}/${js}`)) bad(p);
    }
    // The checker is the content script's lazily imported part (entrypoints/content.ts): same rules.
    for (const js of [...(cs.js ?? []), CHECKER]) {
      if (file(js) && readFileSync(join(build.path, js), 'utf8').includes(POLYFILL_MARK)) {
        bad(`${js} bundles webextension-polyfill (use callback-style chrome.* there, see lib/page/ext.ts)`);
      }
    }
  }
  if (!file(CHECKER)) bad(`${CHECKER} missing (the content script imports it)`);
  const war = (m.web_accessible_resources ?? []).flatMap((w) => (typeof w === 'string' ? [w] : w.resources ?? []));
  if (!war.includes(CHECKER)) bad(`${CHECKER} must be a web-accessible resource (the content script imports it)`);
  if (!existsSync(build.zip)) bad(`zip missing: ${build.zip}`);
  return problems;
}

/** Every .js of the MV2 Chromium build must parse and run on Chromium 86. */
export function syntaxFloorProblems(build = BUILDS[1]) {
  return jsFiles(build.path).flatMap((f) =>
    chromium86Problems(readFileSync(f, 'utf8')).map(
      (p) => `${build.dir}/${f.slice(build.path.length + 1)}:${p.line}:${p.column}: ${p.message}`,
    ));
}

/** `web-ext lint` on the Firefox build: its errors (warnings are returned separately for the log). */
export async function webExtLint(build = BUILDS[2]) {
  const bin = join(ROOT, 'node_modules/.bin/web-ext');
  const { stdout } = await promisify(execFile)(
    bin, ['lint', '--source-dir', build.path, '--output', 'json', '--no-input', '--no-config-discovery'],
    { maxBuffer: 16 << 20 },
  ).catch((e) => e); // exits non-zero when there are errors; the JSON is still on stdout
  const report = JSON.parse(stdout);
  const fmt = (x) => `${x.code}: ${x.message}${x.file ? ` (${x.file})` : ''}`;
  return { errors: report.errors.map(fmt), warnings: report.warnings.map(fmt) };
}

/** All checks; returns { problems, warnings }. */
export async function verifyBuilds() {
  const problems = [...BUILDS.flatMap(manifestProblems), ...syntaxFloorProblems()];
  const lint = await webExtLint();
  problems.push(...lint.errors.map((e) => `firefox-mv2 web-ext lint: ${e}`));
  const zips = BUILDS.map((b) => b.zip);
  if (new Set(zips).size !== zips.length) problems.push('zip names collide');
  return { problems, warnings: lint.warnings.map((w) => `firefox-mv2 web-ext lint warning: ${w}`) };
}
