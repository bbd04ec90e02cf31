// Who is signed in, and the first-run status. Shared by the route guards and the shell.
import { type QueryClient, queryOptions } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import { api, setCsrfToken } from '../../http/client.js';
import { isApiError } from '../../http/problem.js';
import type { Language, Me } from '../../http/types.js';
import { currentLanguage, setUiLanguage } from '../../i18n/index.js';

export const setupStatusQuery = queryOptions({
  queryKey: ['setup-status'],
  queryFn: () => api.get<{ setUp: boolean }>('/setup/status'),
  staleTime: Number.POSITIVE_INFINITY,
});

async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api.get<Me>('/me', { allow401: true });
    applyMe(me);
    return me;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export const meQuery = queryOptions({
  queryKey: ['me'],
  queryFn: fetchMe,
  staleTime: 5 * 60_000,
});

/** Takes what we need from a fresh Me: the CSRF token and the user's remembered language. */
export function applyMe(me: Me): void {
  setCsrfToken(me.csrfToken);
  if (me.staff.language !== currentLanguage()) void setUiLanguage(me.staff.language);
}

/** Stores a Me returned by setup, login, PIN or PATCH /me as the signed-in user. */
export function signedIn(queryClient: QueryClient, me: Me): void {
  applyMe(me);
  queryClient.setQueryData(meQuery.queryKey, me);
}

/** A different person is now signed in on this browser (PIN switch): forget the previous one's data. */
export function switchedUser(queryClient: QueryClient, me: Me): void {
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'setup-status' && q.queryKey[0] !== 'me' });
  signedIn(queryClient, me);
}

// Why the user was last signed out: an expired session sends them back where they were after sign-in.
let expired = false;

/** Called when the server says the session is gone (401) while the app thought it was signed in. */
export function sessionExpired(queryClient: QueryClient): void {
  if (!queryClient.getQueryData(meQuery.queryKey)) return;
  expired = true;
  signedOut(queryClient);
}

/** True once after a session expired (as opposed to a deliberate sign-out). */
export function takeSessionExpired(): boolean {
  const value = expired;
  expired = false;
  return value;
}

export function signedOut(queryClient: QueryClient): void {
  setCsrfToken(null);
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'setup-status' && q.queryKey[0] !== 'me' });
  queryClient.setQueryData(meQuery.queryKey, null);
}

export async function logout(queryClient: QueryClient): Promise<void> {
  try {
    await api.post('/auth/logout', {}, { allow401: true });
  } finally {
    signedOut(queryClient);
  }
}

export function saveLanguage(language: Language): Promise<Me> {
  return api.patch<Me>('/me', { language });
}

/** The signed-in user, provided by the app frame (where the route guard guarantees one). */
export const MeContext = createContext<Me | null>(null);

export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe() used outside the signed-in app frame');
  return me;
}

export function useCan(): (permission: string) => boolean {
  const me = useMe();
  return (permission) => me.permissions.includes(permission);
}
