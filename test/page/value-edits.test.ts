import { afterEach, describe, expect, it } from 'vitest';
import { ValueEdits } from '@/lib/page/value-edits';

/** The decision on its own: which known cells changed, or "read it all", from records and input events. */
describe('ValueEdits', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  function setUp(html: string) {
    document.body.innerHTML = html;
    const known = new Map<Node, unknown>([...document.querySelectorAll('[data-v]')].map((el) => [el, 1]));
    const edits = new ValueEdits(() => known);
    edits.read(document);
    const records: MutationRecord[] = [];
    const mo = new MutationObserver((rs) => records.push(...rs));
    mo.observe(document, { childList: true, subtree: true, characterData: true, attributes: true, attributeOldValue: true });
    const deliver = () => {
      records.push(...mo.takeRecords());
      edits.mutated(document, records.splice(0));
      mo.disconnect();
    };
    return { edits, deliver };
  }

  const TABLE = '<p>正文</p><table><tr><th>标签</th><td data-v><span>1</span></td><td data-v>2</td><td><input data-v value="3"></td></tr></table>';

  it('names the known cell whose text changed, however deep the change is inside it', () => {
    const { edits, deliver } = setUp(TABLE);
    document.querySelector('span')!.firstChild!.nodeValue = '7';
    deliver();
    expect(edits.take(document)).toEqual({ cells: [document.querySelector('td[data-v]'), document.querySelector('input')], outside: [] });
  });

  it('always hands over the cells that are form controls: a page script may set their value without an event', () => {
    const { edits } = setUp(TABLE);
    expect(edits.take(document)?.cells).toEqual([document.querySelector('input')]);
  });

  it('forgets what it handed over', () => {
    const { edits, deliver } = setUp(TABLE);
    document.querySelectorAll('td[data-v]')[1]!.textContent = '8';
    deliver();
    expect(edits.take(document)?.cells).toHaveLength(2);
    expect(edits.take(document)?.cells).toEqual([document.querySelector('input')]);
  });

  it.each([
    ['a label cell changed', () => (document.querySelector('th')!.textContent = '其他')],
    ['a table was added outside the tables', () => document.querySelector('p')!.append(document.createElement('table'))],
    ['a table was removed', () => document.querySelector('table')!.remove()],
    ['text inside a table but outside its known cells changed', () => document.querySelector('tr')!.append('x')],
    ['a row was added', () => document.querySelector('tr')!.after(document.createElement('tr'))],
    ['a table was put inside a cell', () => document.querySelectorAll('td[data-v]')[1]!.append(document.createElement('table'))],
    ['a cell was spanned', () => document.querySelectorAll('td[data-v]')[1]!.setAttribute('colspan', '2')],
    ['the host around the tables stopped being editable', () => document.body.setAttribute('contenteditable', 'false')],
  ])('asks for a full read when %s', (_, change) => {
    const { edits, deliver } = setUp(TABLE);
    change();
    deliver();
    expect(edits.take(document)).toBeNull();
  });

  it('names the elements outside every table whose text changed: the narrative, and the heading before a table', () => {
    const { edits, deliver } = setUp(`${TABLE}<div><p id="after">后文</p></div>`);
    document.querySelector('p')!.firstChild!.nodeValue = '新正文';
    const added = document.createElement('p');
    added.textContent = '新的一段';
    document.querySelector('div')!.append(added);
    deliver();
    expect(edits.take(document)).toEqual({ cells: [document.querySelector('input')], outside: [document.querySelector('p'), document.querySelector('div')] });
    expect(edits.take(document)?.outside).toEqual([]);
  });

  it('passes over a change to a node no longer in the document (its removal is recorded where it was)', () => {
    const { edits } = setUp(TABLE);
    const gone = document.createElement('b');
    gone.textContent = 'x';
    const records = [{ type: 'characterData', target: gone.firstChild! } as unknown as MutationRecord];
    edits.mutated(document, records);
    expect(edits.take(document)).toEqual({ cells: [document.querySelector('input')], outside: [] });
  });

  it('asks for a full read after typing in a form control inside a table that is no known cell, not outside tables', () => {
    const { edits } = setUp(`${TABLE}<input id="title"><table><tr><td><input id="other"></td></tr></table>`);
    edits.input(document, document.getElementById('title'));
    expect(edits.take(document)).not.toBeNull();
    edits.input(document, document.getElementById('other'));
    expect(edits.take(document)).toBeNull();
  });

  it('asks for a full read once the document turned into an editing surface, and when it was never read', () => {
    const { edits } = setUp(TABLE);
    document.designMode = 'on';
    try {
      expect(edits.take(document)).toBeNull();
    } finally {
      document.designMode = 'off';
    }
    expect(new ValueEdits(() => undefined).take(document)).toBeNull();
  });
});
