import { describe, expect, it } from 'vitest';
import { cellText, innermostBlock, writeCell } from '@/lib/page/write';

const cell = (html: string) => {
  document.body.innerHTML = `<table><tr><td>${html}</td></tr></table>`;
  return document.querySelector('td')!;
};

describe('innermostBlock', () => {
  it('goes into the single wrapper the value sits in, as pasted from Word', () => {
    expect(innermostBlock(cell('<p align="center">821</p>')).outerHTML).toBe('<p align="center">821</p>');
    expect(innermostBlock(cell('\n  <p align="center">&nbsp;</p>\n')).tagName).toBe('P');
    expect(innermostBlock(cell('<p><span style="font-size:14px">3</span></p>')).tagName).toBe('SPAN');
  });

  it('stops where the value is not alone in one wrapper', () => {
    expect(innermostBlock(cell('12')).tagName).toBe('TD');
    expect(innermostBlock(cell('<p>1</p><p>2</p>')).tagName).toBe('TD');
    expect(innermostBlock(cell('<p><br></p>')).tagName).toBe('P');
    expect(innermostBlock(cell('<p>总计<br>合计</p>')).tagName).toBe('P');
  });
});

describe('writeCell on <input> grids', () => {
  it('uses the native setter and fires bubbling input and change, like a password manager', async () => {
    document.body.innerHTML = '<form><input id="x" value="1"></form>';
    const seen: string[] = [];
    const form = document.querySelector('form')!;
    form.addEventListener('input', (e) => seen.push(`input:${(e.target as HTMLInputElement).value}`));
    form.addEventListener('change', (e) => seen.push(`change:${(e.target as HTMLInputElement).value}`));
    const input = document.getElementById('x') as HTMLInputElement;
    // A page framework's own value tracker on the instance must not swallow the write.
    let tracked = input.value;
    Object.defineProperty(input, 'value', {
      configurable: true,
      get() {
        return Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.get!.call(this);
      },
      set(v: string) {
        tracked = v;
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(this, v);
      },
    });
    expect(await writeCell(input, '42')).toEqual({ status: 'written' });
    expect(input.value).toBe('42');
    expect(tracked).toBe('1'); // the page's tracker still holds the old value, so it sees a change
    expect(seen).toEqual(['input:42', 'change:42']);
    expect(cellText(input)).toBe('42');
  });

  it('refuses read-only and disabled fields', async () => {
    document.body.innerHTML = '<input id="r" readonly value="1"><input id="d" disabled value="1">';
    expect(await writeCell(document.getElementById('r')!, '2')).toEqual({ status: 'not-written', reason: 'not-editable' });
    expect(await writeCell(document.getElementById('d')!, '2')).toEqual({ status: 'not-written', reason: 'not-editable' });
  });
});

describe('writeCell on table cells', () => {
  it('never writes into a cell that is not editable', async () => {
    const td = cell('<p>5</p>');
    expect(await writeCell(td, '6')).toEqual({ status: 'not-written', reason: 'not-editable' });
    expect(td.innerHTML).toBe('<p>5</p>');
  });
});

describe('writeCell reads every write back', () => {
  it('takes back a field write a page script moved into another field, and says the page reads as before', async () => {
    document.body.innerHTML = '<form><input id="a" value=""><input id="b" value="7"></form>';
    const a = document.getElementById('a') as HTMLInputElement;
    const b = document.getElementById('b') as HTMLInputElement;
    // A hostile page: whatever lands in a goes to b instead.
    a.addEventListener('input', () => {
      b.value = a.value;
      a.value = '';
    });
    const r = await writeCell(a, '3');
    expect(r).toMatchObject({ status: 'reverted', reason: 'elsewhere' });
    expect(b.value).toBe('7');
    expect(a.value).toBe('');
    expect(r).toEqual({ status: 'reverted', reason: 'elsewhere', restored: true });
  });

  it('reports a field that would not keep the value as not written as intended', async () => {
    document.body.innerHTML = '<form><input id="a" value="1"></form>';
    const a = document.getElementById('a') as HTMLInputElement;
    a.addEventListener('input', () => (a.value = a.value.replace(/\d/g, 'x')));
    expect(await writeCell(a, '3')).toMatchObject({ status: 'reverted', reason: 'not-as-written' });
  });
});
