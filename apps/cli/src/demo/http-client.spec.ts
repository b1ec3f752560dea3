import type { AppConfig } from '@app/application';
import { cliLanguage } from './api-access';
import { ApiClient } from './http-client';

/** A fetch that answers each path from a table, and records what was asked. */
function fakeFetch(pages: Record<string, () => Response>) {
  const asked: string[] = [];
  // ApiClient passes the URL as a string.
  const fetch: typeof globalThis.fetch = (input) => {
    const path = (input as string).replace('http://api.test', '');
    asked.push(path);
    const page = pages[path];
    return Promise.resolve(page ? page() : new Response('{"title":"Not Found"}', { status: 404 }));
  };
  return { fetch, asked };
}

const csv = (body: string, next?: string) => () =>
  new Response(body, { headers: { 'Content-Type': 'text/csv', ...(next ? { 'X-Next-After': next } : {}) } });

describe('ApiClient paging', () => {
  it('allItems follows `next` to the last page, sending the cursor URL-encoded', async () => {
    const { fetch, asked } = fakeFetch({
      '/reports/branches?limit=2': () => Response.json({ items: [{ n: 1 }, { n: 2 }], next: 'b/2 &c' }),
      '/reports/branches?limit=2&after=b%2F2%20%26c': () => Response.json({ items: [{ n: 3 }], next: null }),
    });
    const api = new ApiClient('http://api.test', 'token', { fetch });
    await expect(api.allItems<{ n: number }>('/reports/branches?limit=2')).resolves.toEqual([
      { n: 1 },
      { n: 2 },
      { n: 3 },
    ]);
    expect(asked).toHaveLength(2);
  });

  it('allItems follows numeric cursors, and starts the query when the path has none', async () => {
    const { fetch } = fakeFetch({
      '/audit/events': () => Response.json({ items: ['a'], next: 7 }),
      '/audit/events?after=7': () => Response.json({ items: ['b'], next: null }),
    });
    const api = new ApiClient('http://api.test', 'token', { fetch });
    await expect(api.allItems<string>('/audit/events')).resolves.toEqual(['a', 'b']);
  });

  it('allCsv joins the pages under one header, without the BOM and header each page repeats', async () => {
    const { fetch, asked } = fakeFetch({
      '/reports/members?format=csv': csv('\uFEFFname,branch\r\n王建国,府东\r\n李秀英,府中\r\n', '41'),
      '/reports/members?format=csv&after=41': csv('\uFEFFname,branch\r\n"张,志强",留义\r\n'),
    });
    const api = new ApiClient('http://api.test', 'token', { fetch });
    await expect(api.allCsv('/reports/members?format=csv')).resolves.toEqual([
      'name,branch',
      '王建国,府东',
      '李秀英,府中',
      '"张,志强",留义',
    ]);
    expect(asked).toHaveLength(2);
  });

  it('allCsv of an empty list is its header alone', async () => {
    const { fetch } = fakeFetch({ '/audit/events?format=csv': csv('\uFEFFposition,type\r\n') });
    const api = new ApiClient('http://api.test', 'token', { fetch });
    await expect(api.allCsv('/audit/events?format=csv')).resolves.toEqual(['position,type']);
  });
});

describe('ApiClient language', () => {
  it('asks for the language it was given, and its errors carry the detail the API answered in it', async () => {
    const headers: Headers[] = [];
    const fetch: typeof globalThis.fetch = (_input, init) => {
      headers.push(new Headers(init?.headers));
      return Promise.resolve(
        Response.json(
          { code: 'QUORUM_NOT_MET', detail: '应到会有选举权的党员 15 名，实到 11 名。' },
          { status: 422, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      );
    };
    const api = new ApiClient('http://api.test', 'token', { fetch, language: 'zh-CN' });
    await expect(api.command('k-1', '/elections/e-1/assembly')).rejects.toThrow(
      'answered 422 QUORUM_NOT_MET: 应到会有选举权的党员 15 名，实到 11 名。',
    );
    expect(headers[0]?.get('accept-language')).toBe('zh-CN');
  });
});

describe('the CLI language', () => {
  const config = { language: 'zh-CN' } as AppConfig;
  it.each([
    [{ LANG: 'en_US.UTF-8' }, 'en'],
    [{ LANG: 'zh_CN.UTF-8' }, 'zh-CN'],
    [{ LC_ALL: 'en_GB.UTF-8', LANG: 'zh_CN.UTF-8' }, 'en'],
    [{ LC_MESSAGES: 'zh_TW', LANG: 'en_US' }, 'zh-CN'],
    [{ LANG: 'C.UTF-8' }, 'zh-CN'],
    [{}, 'zh-CN'],
  ])('%p reads as %s', (env, language) => {
    expect(cliLanguage(env, config)).toBe(language);
  });

  it('falls back to BRANCHFLOW_LANGUAGE when the locale names neither', () => {
    expect(cliLanguage({ LANG: 'de_DE.UTF-8' }, { language: 'en' } as AppConfig)).toBe('en');
  });
});
