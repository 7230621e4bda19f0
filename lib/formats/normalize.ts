import { toSimplified } from './traditional';

/**
 * Normalises a label for matching (spec "Reading labels"): NFKC, no whitespace, no quotes,
 * simplified characters, item numbering unified to `1.` and brackets to full-width `（）`.
 */
export function normalizeLabel(text: string): string {
  let s = toSimplified(text.normalize('NFKC'));
  s = s.replace(/[\s\u00a0\u3000\u200b]+/g, '');
  s = s.replace(/["'“”‘’「」『』〝〞]/g, '');
  s = s.replace(/\(/g, '（').replace(/\)/g, '）');
  // pinyin glosses of mirror sites: 規(guī)章 → 规章
  s = s.replace(/(?<=[\u4e00-\u9fff])（[a-zàáǎāèéěēìíǐīòóǒōùúǔūüǖǘǚǜ]{1,7}\d?）/g, '');
  // （1） / 1、 / 1． → 1.
  s = s.replace(/^（(\d{1,2})）/, '$1.').replace(/(^|[^\d])(\d{1,2})[、．.](?!\d)/g, '$1$2.');
  return s;
}
