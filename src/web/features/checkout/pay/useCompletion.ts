// Completing a sale exactly once. One Idempotency-Key per completion attempt (the same payment), kept in
// this tab's session storage: a lost answer (network error, closed tab) is retried with the same key and
// the server returns its first answer — the client is never charged twice. Another payment is another
// attempt with a fresh key; if the sale was completed meanwhile, the server says so and we show it.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { isApiError, NETWORK_ERROR } from '../../../http/problem.js';
import { useStaffPost } from '../../calendar/api.js';
import { newIdempotencyKey } from '../../calendar/http.js';
import { PACKAGES_KEY } from '../../packages/api.js';
import { saleQuery } from '../api.js';
import type { CompleteBody, Sale } from '../types.js';

type Attempt = { key: string; body: string };

const storageKey = (saleId: string) => `orchid.checkout.attempt.${saleId}`;

function loadAttempt(saleId: string): Attempt | null {
  try {
    const raw = sessionStorage.getItem(storageKey(saleId));
    return raw ? (JSON.parse(raw) as Attempt) : null;
  } catch {
    return null;
  }
}

function saveAttempt(saleId: string, attempt: Attempt | null): void {
  try {
    if (attempt) sessionStorage.setItem(storageKey(saleId), JSON.stringify(attempt));
    else sessionStorage.removeItem(storageKey(saleId));
  } catch {
    // storage unavailable: the attempt lives in memory for this page
  }
}

/** The attempt for this payment: the stored one when the body is the same, else a new key. */
export function attemptFor(stored: Attempt | null, body: unknown, newKey: () => string): Attempt {
  const json = JSON.stringify(body);
  return stored && stored.body === json ? stored : { key: newKey(), body: json };
}

export type CompletionState =
  | { status: 'idle' }
  | { status: 'sending' }
  /** The answer never came: retry (same key) until it does. */
  | { status: 'lost'; error: unknown }
  | { status: 'refused'; error: unknown };

export function useCompletion(saleId: string, onDone: (sale: Sale, replayed: boolean) => void) {
  const post = useStaffPost();
  const queryClient = useQueryClient();
  const [state, setState] = useState<CompletionState>({ status: 'idle' });
  const [memory, setMemory] = useState<Attempt | null>(() => loadAttempt(saleId));

  const finish = useCallback(
    (sale: Sale, replayed: boolean) => {
      saveAttempt(saleId, null);
      setMemory(null);
      queryClient.setQueryData(saleQuery(saleId).queryKey, sale);
      void queryClient.invalidateQueries({ queryKey: ['sales', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['shifts'] });
      void queryClient.invalidateQueries({ queryKey: ['appointments'] });
      // Packages sold or sessions used: her sessions left change.
      void queryClient.invalidateQueries({ queryKey: PACKAGES_KEY });
      setState({ status: 'idle' });
      onDone(sale, replayed);
    },
    [onDone, queryClient, saleId],
  );

  const send = useCallback(
    async (attempt: Attempt) => {
      setState({ status: 'sending' });
      try {
        const sale = await post<Sale>(`/sales/${encodeURIComponent(saleId)}/complete`, JSON.parse(attempt.body), attempt.key);
        finish(sale, false);
      } catch (error) {
        if (isApiError(error) && (error.code === NETWORK_ERROR || error.status >= 500)) {
          setState({ status: 'lost', error });
          return;
        }
        if (isApiError(error) && error.code === 'sale_already_completed') {
          // An earlier attempt went through (its answer was lost): show that sale.
          const sale = await queryClient.fetchQuery({ ...saleQuery(saleId), staleTime: 0 }).catch(() => null);
          if (sale && sale.status !== 'open') {
            finish(sale, true);
            return;
          }
        }
        // A package refused (a session used in the room meanwhile, expired, used up): show her packages as they are now.
        if (isApiError(error) && error.code.startsWith('package_')) void queryClient.invalidateQueries({ queryKey: PACKAGES_KEY });
        saveAttempt(saleId, null);
        setMemory(null);
        setState({ status: 'refused', error });
      }
    },
    [finish, post, queryClient, saleId],
  );

  const complete = useCallback(
    (body: CompleteBody) => {
      const attempt = attemptFor(memory ?? loadAttempt(saleId), body, newIdempotencyKey);
      saveAttempt(saleId, attempt);
      setMemory(attempt);
      void send(attempt);
    },
    [memory, saleId, send],
  );

  const retry = useCallback(() => {
    const attempt = memory ?? loadAttempt(saleId);
    if (attempt) void send(attempt);
  }, [memory, saleId, send]);

  return { state, complete, retry, reset: () => setState({ status: 'idle' }) };
}
