// The three builds of `npm run build`: manifests, files, zips, and the MV2 build's Chromium 86 floor.
// (web-ext lint of the Firefox build runs in scripts/build.mjs.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium86Problems } from '../../scripts/syntax-floor.mjs';
import { loadTouchProblems } from '../../scripts/load-cost.mjs';
import { BUILDS, PERMISSIONS, geckoKeyProblems, manifestProblems, syntaxFloorProblems } from '../../scripts/verify-build.mjs';

test('the Chromium 86 check rejects newer syntax and built-ins', () => {
  const newer = {
    'class A { static { init(); } }': 'static block',
    'class A { #p; static is(o) { return #p in o; } }': '#field in',
    'await fetch("x");': 'top-level await',
    'const r = /a/d;': 'RegExp d flag',
    'const r = /[\\p{L}--[a-z]]/v;': 'RegExp v flag',
    '{ using x = f(); }': 'using declaration',
    'list.at(-1);': 'Array.prototype.at',
    'Object.hasOwn(o, "k");': 'Object.hasOwn',
    'const copy = structuredClone(o);': 'structuredClone',
    'rows.findLast((r) => r.ok);': 'findLast',
    'el.showPopover();': 'popover',
  };
  for (const [code, what] of Object.entries(newer)) {
    assert.ok(chromium86Problems(code).length > 0, `not rejected: ${what}`);
  }
});

test('the Chromium 86 check accepts what Chromium 86 runs', () => {
  const code = `
    const a = b?.c ?? 1; x ||= 2; y ??= 3; const n = 1_000_000;
    class A { #p = 1; static s = 2; #m() { return this.#p; } get p() { return this.#m(); } }
    'a-b'.replaceAll('-', ''); Promise.allSettled([]); list.at?.(-1);
    async function f() { for await (const x of g()) await x; }
    import('./x.js'); const big = 10n;`;
  assert.deepEqual(chromium86Problems(code), []);
});

test('evaluating a content script may only ask for one idle callback: anything else it touches on load is a problem', () => {
  const idle = 'var w=window;w.requestIdleCallback?w.requestIdleCallback(start,{timeout:200}):w.setTimeout(start,0);';
  assert.deepEqual(loadTouchProblems(`(function(){function start(){document.title}${idle}})();`, 'ok.js'), []);
  assert.match(loadTouchProblems('document.getElementsByTagName("table").length;', 'walk.js')[0], /document is not defined/);
  assert.match(loadTouchProblems(`window.top;${idle.replace(/start/g, '(()=>{})')}`, 'top.js')[0], /reads window\.top/);
  assert.match(loadTouchProblems('0;', 'nothing.js')[0], /exactly one idle callback/);
  assert.match(loadTouchProblems('window.requestIdleCallback(()=>{});', 'no-timeout.js')[0], /with a timeout/);
});

for (const build of BUILDS) {
  test(`${build.dir}: manifest, files and zip`, () => {
    assert.deepEqual(manifestProblems(build), []);
  });
}

test('chrome-mv2: every .js runs on Chromium 86', () => {
  assert.deepEqual(syntaxFloorProblems(), []);
});

test('a Firefox manifest key newer than strict_min_version is refused (data_collection_permissions before 140)', () => {
  const gecko = (extra) => ({ browser_specific_settings: { gecko: { id: 'x@y', strict_min_version: '115.0', ...extra } } });
  assert.equal(geckoKeyProblems(gecko({ data_collection_permissions: { required: ['none'] } })).length, 1);
  assert.deepEqual(geckoKeyProblems(gecko({})), []);
  assert.deepEqual(geckoKeyProblems(gecko({ strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } })), []);
});

test('the README explains every permission of every build in its 权限 table', async () => {
  const { readFile } = await import('node:fs/promises');
  const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
  const table = readme.slice(readme.indexOf('### 权限'));
  for (const p of [...PERMISSIONS, 'web_accessible_resources', 'optional_host_permissions', 'optional_permissions'])
    assert.match(table, new RegExp(`\\| \`${p}\`|\`${p}\``), `README 权限 table names ${p}`);
});
