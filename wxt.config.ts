import { defineConfig } from 'wxt';

// Syntax floors: MV3 for Chrome/Edge ≥ 102; MV2 for Chromium 86 (360极速 13.5); Firefox ESR 115.
const TARGETS = { mv3: 'chrome102', mv2: 'chrome86', firefox: 'firefox115' } as const;

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // entrypoints/cli.ts is the command line's entry (run by tsx), not part of the extension.
  filterEntrypoints: ['background', 'content', 'popup', 'options'],
  vite: (env) => ({
    build: {
      target:
        env.browser === 'firefox' ? TARGETS.firefox : env.manifestVersion === 2 ? TARGETS.mv2 : TARGETS.mv3,
    },
  }),
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: ['storage', 'activeTab'],
    ...(manifestVersion === 3 ? { minimum_chrome_version: '102' } : {}),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'nianbao-zhushou@nianbao.local', strict_min_version: '115.0' },
          },
        }
      : {}),
  }),
  zip: {
    artifactTemplate: '{{name}}-{{version}}-{{browser}}-{{manifestVersion}}.zip',
  },
});
