import { browser } from 'wxt/browser';
import { forwardCommand } from '@/lib/commands';
import { answerPrior } from '@/lib/store/prior';

/**
 * Thin wiring. The content script of a tab's top frame may report its problem counts with
 * `{ type: 'badge', errors, warnings }`; the toolbar button then shows the number of 强制性 problems
 * (red) or, when there are none, of 核实性 problems (amber) for that tab.
 */
export default defineBackground(() => {
  const action = browser.action ?? browser.browserAction;
  // 下一个问题 (and any further keyboard command): to the content script of the tab it was pressed in.
  browser.commands?.onCommand.addListener((command, tab) => void forwardCommand(browser.tabs, command, tab));
  browser.runtime.onMessage.addListener((msg: unknown, sender) => {
    const m = msg as { type?: unknown; errors?: unknown; warnings?: unknown };
    // Last year's saved data for the content script, for the site the browser says sent it.
    if (m?.type === 'prior') return answerPrior(browser.storage.local, msg as { body?: unknown; year?: unknown }, sender);
    const tabId = sender.tab?.id;
    if (m?.type !== 'badge' || tabId === undefined || sender.frameId !== 0 || !action) return undefined;
    const errors = Number(m.errors) || 0;
    const warnings = Number(m.warnings) || 0;
    const text = errors ? String(errors) : warnings ? String(warnings) : '';
    void action.setBadgeText({ tabId, text });
    if (text) void action.setBadgeBackgroundColor({ tabId, color: errors ? '#cf222e' : '#bf8700' });
    return undefined;
  });
});
