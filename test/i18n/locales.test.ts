import { describe, expect, it } from 'vitest';
import { LOCALES, localDateTime, placeholders, setLocale, t } from '@/lib/i18n';
import { describeProblems, plainTextProblems } from '../helpers/plain-chinese.mjs';

const [zh, ...others] = Object.entries(LOCALES);

describe('locales', () => {
  it('every locale has exactly the keys of the Chinese one', () => {
    for (const [name, messages] of others) expect(Object.keys(messages).sort(), name).toEqual(Object.keys(zh![1]).sort());
  });

  it('every locale uses exactly the placeholders of the Chinese text of each key', () => {
    for (const [name, messages] of others)
      for (const [key, text] of Object.entries(zh![1])) expect(placeholders(messages[key as keyof typeof messages]), `${name} ${key}`).toEqual(placeholders(text));
  });

  it('no locale has an empty text, and English texts are not left in Chinese', () => {
    // only a counter word (个, 条) may have no English: every other text says something
    for (const [, messages] of Object.entries(LOCALES))
      for (const [key, text] of Object.entries(messages)) if (LOCALES.zh[key as keyof typeof LOCALES.zh].trim().length > 1) expect(text.trim(), key).not.toBe('');
    for (const [key, text] of Object.entries(LOCALES.en)) expect(/[\u4e00-\u9fff]/.test(text), key).toBe(false);
  });

  it('the Chinese texts are plain Chinese: no Latin words outside the allow-list, no cell ids', () => {
    const problems = Object.entries(LOCALES.zh).flatMap(([key, text]) => plainTextProblems(text.replace(/\{\w+\}/g, ''), key));
    expect(describeProblems(problems)).toBe('');
  });

  it('t() fills placeholders, leaves unknown ones visible, and follows the chosen locale', () => {
    expect(t('export.reportName', { body: '某局', year: 2023 })).toBe('某局-2023年报数据');
    expect(t('export.reportName', { body: '某局' })).toBe('某局-{year}年报数据');
    setLocale('en');
    try {
      expect(t('export.reportName', { body: 'X', year: 2023 })).toBe('X-2023 report data');
    } finally {
      setLocale('zh');
    }
  });

  it('localDateTime writes the local time, never UTC ISO', () => {
    const at = new Date(2024, 0, 2, 3, 4, 5);
    expect(localDateTime(at.toISOString())).toBe('2024-01-02 03:04');
    expect(localDateTime(at, true)).toBe('2024-01-02 03:04:05');
    expect(localDateTime('not a date')).toBe('not a date');
  });
});
