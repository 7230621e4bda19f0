import { describe, expect, it } from 'vitest';
import { fetchWithAccess } from '@/lib/import';

/** A fake of browser.permissions for origins: what is granted now, and every call made. */
function fakePermissions(answer: boolean) {
  const granted = new Set<string>();
  const calls: string[] = [];
  return {
    granted,
    calls,
    request: async (p: string) => {
      calls.push(`request ${p}`);
      if (answer) granted.add(p);
      return answer;
    },
    remove: async (p: string) => {
      calls.push(`remove ${p}`);
      return granted.delete(p);
    },
  };
}

const url = new URL('https://www.example.gov.cn/2023/nb.html');
const page = (async () => new Response('<html>年报</html>', { headers: { 'content-type': 'text/html' } })) as typeof fetch;
const down = (async () => {
  throw new TypeError('Failed to fetch');
}) as typeof fetch;

describe('host permission of an address import', () => {
  it('is asked for at the click, before anything is awaited (browsers need the user gesture)', () => {
    const perms = fakePermissions(true);
    void fetchWithAccess(perms, url, page, false);
    expect(perms.calls).toEqual(['request https://www.example.gov.cn/*']);
  });

  it('is removed after the fetch, whether the page was read or not', async () => {
    const perms = fakePermissions(true);
    expect(await fetchWithAccess(perms, url, page, false)).toMatchObject({ ok: true });
    expect(perms.granted.size).toBe(0);
    expect(perms.calls).toEqual(['request https://www.example.gov.cn/*', 'remove https://www.example.gov.cn/*']);
    const again = fakePermissions(true);
    expect(await fetchWithAccess(again, url, down, false)).toMatchObject({ ok: false, message: expect.stringContaining('无法连接') });
    expect(again.granted.size).toBe(0);
  });

  it('is kept when the clerk chose 「以后从该网站导入时不再询问」', async () => {
    const perms = fakePermissions(true);
    expect(await fetchWithAccess(perms, url, page, true)).toMatchObject({ ok: true });
    expect([...perms.granted]).toEqual(['https://www.example.gov.cn/*']);
    expect(perms.calls).toEqual(['request https://www.example.gov.cn/*']);
  });

  it('refused: nothing is fetched, nothing to remove, and the clerk is told how to allow it', async () => {
    const perms = fakePermissions(false);
    let fetched = false;
    const spy = (async () => ((fetched = true), new Response('x'))) as typeof fetch;
    expect(await fetchWithAccess(perms, url, spy, false)).toMatchObject({ ok: false, message: expect.stringContaining('没有获得访问 www.example.gov.cn 的许可') });
    expect(fetched).toBe(false);
    expect(perms.calls).toEqual(['request https://www.example.gov.cn/*']);
  });
});
