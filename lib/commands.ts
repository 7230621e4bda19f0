import type { Request } from './messages';

/**
 * The manifest's keyboard commands (wxt.config.ts `commands`). The browser delivers them to the
 * background, which forwards them to the content script of the active tab's top frame: that one
 * instance walks every same-origin frame and holds every problem (lib/page/main.ts).
 */
export const COMMANDS: Readonly<Record<string, Request>> = {
  'next-problem': { type: 'next-problem' },
};

export interface CommandTabs {
  query(q: { active: true; currentWindow: true }): Promise<{ id?: number }[]>;
  sendMessage(tabId: number, msg: unknown, opts: { frameId: number }): Promise<unknown>;
}

/** Forward a command to the tab it was pressed in (or the active tab); false when there is nobody to receive it. */
export async function forwardCommand(tabs: CommandTabs, command: string, tab?: { id?: number }): Promise<boolean> {
  const req = COMMANDS[command];
  if (!req) return false;
  const id = tab?.id ?? (await tabs.query({ active: true, currentWindow: true }).catch(() => []))[0]?.id;
  if (id === undefined || id < 0) return false;
  // A page without the content script (the browser's own pages, a page opened before install) just does not answer.
  return tabs.sendMessage(id, req, { frameId: 0 }).then(() => true, () => false);
}
