// The three builds of `npm run build`: manifests, files, zips, and the MV2 build's Chromium 86 floor.
// (web-ext lint of the Firefox build runs in scripts/build.mjs.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium86Problems } from '../../scripts/syntax-floor.mjs';
import { BUILDS, manifestProblems, syntaxFloorProblems } from '../../scripts/verify-build.mjs';

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

for (const build of BUILDS) {
  test(`${build.dir}: manifest, files and zip`, () => {
    assert.deepEqual(manifestProblems(build), []);
  });
}

test('chrome-mv2: every .js runs on Chromium 86', () => {
  assert.deepEqual(syntaxFloorProblems(), []);
});
