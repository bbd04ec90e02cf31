import type { Page } from 'playwright-core';

// The owner of the e2e salon, set up through the API, and her sign-in in the browser: shared by the
// e2e files that start from "Lotus Flushing" in New York.
export const ZONE = 'America/New_York';
export const OWNER = 'owner@lotus.test';
export const PASSWORD = 'correct-horse-battery';

export type Api = <T = unknown>(method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<T>;

/** Sets the business up and returns a signed-in API client for the owner (cookie + CSRF). */
export async function ownerApi(baseUrl: string): Promise<{ call: Api; storeId: string; slug: string; ownerId: string }> {
  let cookie = '';
  let csrf = '';
  const call: Api = async (method, path, body, headers = {}) => {
    const res = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf, ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const set = res.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0] ?? '';
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as never;
  };
  const me = await call<{ csrfToken: string; staff: { id: string }; stores: { id: string; slug: string }[] }>('POST', '/setup', {
    business: { name: 'Lotus Nail & Spa', currency: 'USD', language: 'en' },
    store: { name: 'Lotus Flushing', timeZone: ZONE, address: '136-20 38th Ave, Flushing, NY', phone: '+1 718 555 0136' },
    owner: { name: 'Mei Lin', email: OWNER, password: PASSWORD },
  });
  csrf = me.csrfToken;
  const store = me.stores[0];
  if (!store) throw new Error('setup made no store');
  return { call, storeId: store.id, slug: store.slug, ownerId: me.staff.id };
}

/** Signs someone (the owner unless told) in through the login page and picks the app's language. */
export async function signIn(
  page: Page,
  lang: 'en' | 'zh-CN' | 'zh-TW' = 'en',
  who: { email: string; password: string } = { email: OWNER, password: PASSWORD },
) {
  await page.goto('/login');
  await page.getByTestId('login-email').fill(who.email);
  await page.getByTestId('login-password').fill(who.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('sidebar').waitFor();
  await page.getByTestId('language-switcher').selectOption(lang);
}
