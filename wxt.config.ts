import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { defineConfig } from 'wxt';
import { PREFILTER } from './lib/formats/index';
import { textOnlyWorker } from './lib/read/pdf-text-only';

// Syntax floors: MV3 for Chrome/Edge ≥ 102; MV2 for Chromium 86 (360极速 13.5); Firefox ESR 115.
// scripts/build.mjs checks the MV2 output really parses and runs on Chromium 86 (scripts/syntax-floor.mjs).
const TARGETS = { mv3: 'chrome102', mv2: 'chrome86', firefox: 'firefox115' } as const;

/** The reading worker's pdf.js code leaves font programs unread (lib/read/pdf-text-only.ts); fails the build if it cannot. */
function pdfTextOnly() {
  const worker = /pdfjs-dist\/legacy\/build\/pdf\.worker\.mjs$/;
  let edited = false;
  return {
    name: 'nianbao-pdf-text-only',
    transform(code: string, id: string) {
      if (!worker.test(id)) return null;
      edited = true;
      return { code: textOnlyWorker(code), map: null };
    },
    generateBundle(this: { getModuleIds(): IterableIterator<string>; error(m: string): never }) {
      const ids = [...this.getModuleIds()];
      if (!edited && ids.some((id) => id.includes('pdf.worker'))) this.error('pdf.js worker code was bundled without the text-only edits');
    },
  };
}

/**
 * The content script runs on every page: its entry calls main() and nothing else. WXT's own wrapper would
 * first build a ContentScriptContext (reading runtime.id, a CustomEvent and a window.postMessage to the page
 * on every load) for a `ctx` main() does not take. scripts/verify-build.mjs fails a build that still has it.
 *
 * And the page's load pays for nothing but asking to be run later: the whole script (its modules' top level
 * and main()) is one function that runs once the page is idle (at the latest 200 ms on). Evaluating the file
 * makes that one call (gate.ts's whenIdle, as text: it runs before any module); verify-build checks it
 * touches nothing else.
 */
const IDLE_START = 'var w=window;w.requestIdleCallback?w.requestIdleCallback(start,{timeout:200}):w.setTimeout(start,0);';

function leanContentScript() {
  const entry = '\0virtual:wxt-content-script-isolated-world-entrypoint?';
  return {
    name: 'nianbao-lean-content-script',
    enforce: 'pre' as const,
    load(id: string) {
      if (!id.startsWith(entry)) return null;
      return `import definition from ${JSON.stringify(id.slice(entry.length))};\ndefinition.main();\n`;
    },
    outputOptions<O extends object>(options: O): O {
      return { ...options, intro: 'function start(){', outro: `}\n${IDLE_START}` };
    },
  };
}

export default defineConfig({
  // `wxt/browser` → webextension-polyfill: promise-based browser.* for the MV2 build, where Chromium 86 only
  // has callback-style chrome.* APIs.
  modules: ['@wxt-dev/webextension-polyfill'],
  // entrypoints/cli.ts is the command line's entry (run by tsx), not part of the extension.
  filterEntrypoints: ['background', 'content', 'checker', 'popup', 'options', 'page-hook', 'sheet', 'help', 'batch'],
  vite: (env) => ({
    // The content script's pre-filter pattern, computed here so that script holds none of the format catalogue.
    define: { __NIANBAO_PREFILTER__: JSON.stringify(PREFILTER.source) },
    // The reader falls back to linkedom only without DOMParser (Node); extension pages have DOMParser.
    // pdf.js 5 needs more than Chromium 86: the Chromium MV2 build reads PDFs as pasted text instead.
    // The reading worker (components/batch/reader.worker.ts) has no DOMParser: it imports 'linkedom/worker',
    // which the exact-match alias leaves alone.
    resolve: {
      alias: [
        { find: /^linkedom$/, replacement: fileURLToPath(new URL('./lib/import/no-linkedom.ts', import.meta.url)) },
        ...(env.browser !== 'firefox' && env.manifestVersion === 2
          ? [{ find: /^pdfjs-dist\/legacy\/build\/pdf(?:\.worker)?\.mjs$/, replacement: fileURLToPath(new URL('./lib/import/no-pdf.ts', import.meta.url)) }]
          : []),
      ],
    },
    // Workers are ES modules: the reader loads its parts (Word, PDF) on demand, which needs code splitting.
    worker: { format: 'es' as const, plugins: () => [pdfTextOnly()] },
    build: {
      target:
        env.browser === 'firefox' ? TARGETS.firefox : env.manifestVersion === 2 ? TARGETS.mv2 : TARGETS.mv3,
    },
  }),
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // unlimitedStorage: Chromium 86 gives storage.local 5 MB, and each year keeps its history versions; no install warning.
    permissions: ['storage', 'unlimitedStorage', 'activeTab'],
    // 下一个问题: the background forwards it to the tab's content script (lib/commands.ts). Chrome on Linux
    // refuses to assign Alt+Shift+N/P/W as suggested keys; Alt+Shift+J is assigned and free in Chrome, Firefox
    // and the editors tested (Ctrl+Shift+Y would be Firefox's downloads window).
    commands: {
      'next-problem': { suggested_key: { default: 'Alt+Shift+J' }, description: '__MSG_cmdNextProblem__' },
    },
    // The editors' undo hook, loaded by the content script into the page owning an editor for one write
    // (lib/page/undo-step.ts), and the checker, imported by the content script once a page may hold a report
    // (entrypoints/content.ts). MV3: reachable only at the per-session URL runtime.getURL gives (Chrome 130+;
    // older Chrome ignores the key), so a site cannot probe for the extension at a fixed address. MV2
    // (Chromium 86, Firefox) has no such key; Firefox already gives each profile its own extension address.
    web_accessible_resources:
      manifestVersion === 3
        ? [{ resources: ['page-hook.js', 'checker.js'], matches: ['<all_urls>'], use_dynamic_url: true }]
        : ['page-hook.js', 'checker.js'],
    // 导入上年报告 by address: the host is requested at that moment (permissions.request).
    ...(manifestVersion === 3 ? { optional_host_permissions: ['<all_urls>'] } : { optional_permissions: ['<all_urls>'] }),
    ...(browser !== 'firefox' ? { minimum_chrome_version: manifestVersion === 3 ? '102' : '86' } : {}),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'nianbao-zhushou@nianbao.local',
              // Firefox ESR 115 is still what many 信创 desktops and Windows 7 PCs run; data_collection_permissions
              // (Firefox 140+, an install error up to 127) is left out: it matters only for listing on AMO.
              strict_min_version: '115.0',
            },
          },
        }
      : {}),
  }),
  hooks: {
    // WXT imports every file of entrypoints/ to read its options (even with filterEntrypoints): keep the
    // command line's entry out of that, or `wxt prepare` would run the CLI.
    'entrypoints:found': (_wxt, infos) => {
      for (let i = infos.length - 1; i >= 0; i--) if (infos[i]!.name === 'cli') infos.splice(i, 1);
    },
    // The content script talks to extension APIs in callback style (lib/page/ext.ts), which works on
    // Chromium 86 MV2 too; should anything import `wxt/browser` there, point it at WXT's plain `browser`
    // (= globalThis.browser ?? chrome) so the polyfill stays out.
    // The checker, part of the content script loaded later, is built the same way, as an ES module whose
    // default export the content script's dynamic import() receives.
    'vite:build:extendConfig': (entrypoints, config) => {
      const checker = entrypoints.length === 1 && entrypoints[0]!.name === 'checker';
      if (checker && config.build?.lib) {
        config.build.lib.formats = ['es'];
        // Vite leaves an ES library unminified (whitespace): minify it like the other scripts.
        const output = config.build.rollupOptions?.output;
        if (output && !Array.isArray(output)) output.minify = true;
      }
      if (!checker && !entrypoints.every((e) => e.type === 'content-script')) return;
      if (!checker) (config.plugins ??= []).unshift(leanContentScript());
      // lib/ modules only define things: the content script keeps what it uses (the pre-filter) and not
      // the modules merely imported beside it (the format catalogue).
      if (!checker) {
        config.build ??= {};
        config.build.rollupOptions ??= {};
        config.build.rollupOptions.treeshake = { moduleSideEffects: (id: string) => !id.startsWith(`${process.cwd()}/lib/`) };
      }
      const plain = createRequire(`${process.cwd()}/`).resolve('wxt/browser');
      const alias = config.resolve?.alias;
      if (Array.isArray(alias)) {
        for (const a of alias) if (a.find === 'wxt/browser') a.replacement = plain;
      } else if (alias && 'wxt/browser' in alias) {
        (alias as Record<string, string>)['wxt/browser'] = plain;
      }
    },
    // Editor frames (about:blank, srcdoc, javascript:, blob:) get the content script too. MV3 Chrome needs
    // match_origin_as_fallback for blob:/data:-style frames; MV2 (Chromium 86, Firefox) does not know the key.
    'build:manifestGenerated': (wxt, manifest) => {
      for (const script of manifest.content_scripts ?? []) {
        const entry = script as typeof script & { match_origin_as_fallback?: boolean };
        if (wxt.config.manifestVersion === 3) entry.match_origin_as_fallback = true;
        else delete entry.match_origin_as_fallback;
      }
    },
  },
  zip: {
    artifactTemplate: '{{name}}-{{version}}-{{browser}}-{{manifestVersion}}.zip',
  },
});
