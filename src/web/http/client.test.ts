import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, buildUrl, setApiLanguage, setCsrfToken, setUnauthenticatedHandler } from './client.js';
import { ApiError } from './problem.js';

function reply(status: number, body?: unknown) {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
  setUnauthenticatedHandler(null);
});

describe('api client', () => {
  it('sends the UI language on every request and the CSRF token only on writes', async () => {
    const fetch = vi.fn(async () => reply(200, { ok: true }));
    vi.stubGlobal('fetch', fetch);
    setApiLanguage('zh-TW');
    setCsrfToken('tok');
    await api.get('/me');
    await api.patch('/me', { language: 'zh-TW' });
    const [getUrl, getInit] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    const [, patchInit] = fetch.mock.calls[1] as unknown as [string, RequestInit];
    expect(getUrl).toBe('/api/v1/me');
    expect(getInit.credentials).toBe('same-origin');
    expect((getInit.headers as Record<string, string>)['Accept-Language']).toBe('zh-TW');
    expect((getInit.headers as Record<string, string>)['X-CSRF-Token']).toBeUndefined();
    expect((patchInit.headers as Record<string, string>)['X-CSRF-Token']).toBe('tok');
    expect(patchInit.body).toBe('{"language":"zh-TW"}');
  });

  it('turns problem+json into an ApiError with the server words', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => reply(401, { title: '邮箱或密码错误', status: 401, code: 'invalid_credentials', detail: '请重试' })),
    );
    const error = await api.post('/auth/login', {}, { allow401: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, code: 'invalid_credentials', title: '邮箱或密码错误', detail: '请重试' });
  });

  it('reports a lost session once, unless the caller expects 401', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => reply(401, { status: 401, code: 'unauthenticated' })),
    );
    const handler = vi.fn();
    setUnauthenticatedHandler(handler);
    await api.get('/staff').catch(() => undefined);
    await api.get('/me', { allow401: true }).catch(() => undefined);
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('fetches a fresh CSRF token and retries once on csrf_failed', async () => {
    const fetch = vi
      .fn()
      .mockResolvedValueOnce(reply(403, { status: 403, code: 'csrf_failed' }))
      .mockResolvedValueOnce(reply(200, { csrfToken: 'fresh' }))
      .mockResolvedValueOnce(reply(204));
    vi.stubGlobal('fetch', fetch);
    setCsrfToken('stale');
    await api.delete('/api-tokens/1');
    expect(fetch).toHaveBeenCalledTimes(3);
    const retry = fetch.mock.calls[2]?.[1] as RequestInit;
    expect((retry.headers as Record<string, string>)['X-CSRF-Token']).toBe('fresh');
  });

  it('reports an unreachable server as a network error', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    await expect(api.get('/health')).rejects.toMatchObject({ status: 0, code: 'network_error' });
  });

  it('builds query strings without empty values', () => {
    expect(buildUrl('/audit-log', { storeId: '', actorId: undefined, limit: 50, cursor: 'a b' })).toBe(
      '/api/v1/audit-log?limit=50&cursor=a+b',
    );
  });
});
