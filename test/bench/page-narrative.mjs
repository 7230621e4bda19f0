// `node test/bench/page-narrative.mjs`: the live narrative check (P-TEXT) in real Chromium with the built MV3
// extension (`npm run build` first, or NIANBAO_EXTENSION_DIR), for KindEditor and CKEditor 5 (PAGES), at the CPU
// rate THROTTLE (default 1; bench:page runs the same at each of its rates):
//  1. typing in a table cell: input → badge update (the narrative check waits for a pause in typing);
//  2. typing in the narrative: input → sentence mark cleared when the figure is corrected, and input → new
//     mark minus the 800 ms pause.
// Target p95 < 16 ms. The typing is test/bench/narrative-typing.mjs.
import { EXTENSION_DIR, launchWithExtension, startServer } from '../e2e/harness.mjs';
import { fmt } from './probes.mjs';
import { narrativeTyping } from './narrative-typing.mjs';

const EXT = process.env.NIANBAO_EXTENSION_DIR ?? EXTENSION_DIR;
const ROUNDS = Number(process.env.ROUNDS ?? 15);
const RATE = Number(process.env.THROTTLE ?? 1);
const PAGES = (process.env.PAGES ?? 'kindeditor,ckeditor5').split(',');

const server = await startServer();
const browser = await launchWithExtension({ extensionDir: EXT });
try {
  for (const name of PAGES) {
    const { chars, out } = await narrativeTyping(browser.context, server, name, { rounds: ROUNDS, rate: RATE });
    console.log(`${name} (editor text ${chars} characters, CPU ${RATE === 1 ? 'unthrottled' : `throttled ${RATE}×`}):`);
    console.log(`  typing in a cell → badge update (narrative deferred): ${fmt(out.cellUpdate)}`);
    console.log(`  typing in the narrative → sentence mark cleared:        ${fmt(out.markCleared)}`);
    console.log(`  typing in the narrative → new mark, minus the pause:    ${fmt(out.markAppears)}`);
  }
} finally {
  await browser.close();
  await server.close();
}
