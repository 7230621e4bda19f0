import { describe, expect, it } from 'vitest';
import { landing, readScene, sameText } from '@/lib/page/verify';

const page = (html: string) => {
  document.body.innerHTML = `<div id="root"><p>正文一段。</p>${html}<p>结尾。</p></div>`;
  return document.getElementById('root')!;
};
const ROW = (a: string, b: string, c: string) => `<table><tr><td>${a}</td><td>${b}</td><td>${c}</td></tr></table>`;

describe('landing: a write is only good when the target alone changed, to exactly the value', () => {
  it('accepts the target holding the value, whatever its wrapper or &nbsp; padding', () => {
    const root = page(ROW('1', '<p><span></span></p>', '<p>2</p>'));
    const before = readScene(root);
    root.querySelectorAll('td')[1]!.querySelector('span')!.textContent = '5';
    expect(landing(before, readScene(root), 1, '5')).toEqual({ ok: true });
  });

  it('names the neighbouring cell a value went into (the UEditor empty-span case)', () => {
    const root = page(ROW('1', '<p><span></span></p>', '<p>2</p>'));
    const before = readScene(root);
    root.querySelectorAll('td')[2]!.querySelector('p')!.textContent = '52';
    expect(landing(before, readScene(root), 1, '5')).toEqual({ ok: false, reason: 'elsewhere', changed: [2] });
  });

  it('catches a change to the article outside the table', () => {
    const root = page(ROW('1', '', '2'));
    const before = readScene(root);
    root.querySelector('td')!.parentElement!.closest('table')!.insertAdjacentText('afterend', '5');
    root.querySelectorAll('td')[1]!.textContent = '5';
    expect(landing(before, readScene(root), 1, '5')).toMatchObject({ ok: false, reason: 'elsewhere' });
  });

  it('refuses a target that holds more than the value (a filler left behind, a second number)', () => {
    const root = page(ROW('1', '', '2'));
    const before = readScene(root);
    root.querySelectorAll('td')[1]!.textContent = '5\u200b';
    expect(landing(before, readScene(root), 1, '5')).toEqual({ ok: false, reason: 'not-as-written', changed: [1] });
    root.querySelectorAll('td')[1]!.textContent = '55';
    expect(landing(before, readScene(root), 1, '5')).toMatchObject({ ok: false, reason: 'not-as-written' });
  });

  it('treats a cell added or removed as a change elsewhere', () => {
    const root = page(ROW('1', '', '2'));
    const before = readScene(root);
    root.querySelector('tr')!.append(document.createElement('td'));
    expect(landing(before, readScene(root), 1, '')).toMatchObject({ ok: false, reason: 'elsewhere' });
  });

  it('ignores the editors\' own caret fillers in other cells (UEditor fillChar, Slate zero-width text)', () => {
    const root = page(ROW('1', '', '2'));
    const before = readScene(root);
    root.querySelectorAll('td')[0]!.append('\u200b');
    root.querySelectorAll('td')[1]!.textContent = '4';
    expect(landing(before, readScene(root), 1, '4')).toEqual({ ok: true });
    expect(sameText(before, readScene(root))).toBe(false);
  });

  it('reads form fields by value', () => {
    document.body.innerHTML = '<form id="f"><input value="1"><input value=""></form>';
    const root = document.getElementById('f')!;
    const before = readScene(root, true);
    (root.querySelectorAll('input')[1] as HTMLInputElement).value = '3';
    expect(landing(before, readScene(root, true), 1, '3')).toEqual({ ok: true });
    expect(landing(before, readScene(root, true), 0, '3')).toMatchObject({ ok: false, reason: 'elsewhere', changed: [1] });
  });
});
