/**
 * The few sentences the always-loaded gate (lib/page/gate.ts) may say before the checker runs, per locale. They
 * live apart from the dictionary, which would otherwise ride in the script every page loads; the dictionary's
 * page texts take them from here.
 */
export const GATE_WORDS = {
  zh: {
    stopped: '年报助手已在此网站停用。',
    unavailable: '年报助手刚刚更新或停用。请刷新编辑页面后再试，已填写的内容不受影响。',
  },
  en: {
    stopped: 'The annual report assistant is switched off on this website.',
    unavailable: 'The annual report assistant was just updated or switched off. Please reload the edit page and try again; what you have typed is not affected.',
  },
} as const;

export type GateWords = (typeof GATE_WORDS)[keyof typeof GATE_WORDS];
