import { installUndoHook } from '@/lib/page/undo-hook';

// Injected by the content script as <script src=…/page-hook.js> into the page that owns an editor
// (lib/page/undo-step.ts): the editors' undo hooks are reachable only from the page's own world.
export default defineUnlistedScript(() => installUndoHook(window));
