// A money write (refund, void) sent with an Idempotency-Key that stays the same while the body does, so a
// retry after a lost answer never refunds twice. When the server wants a manager, the PIN pad is shown
// and the request sent again with the approval.
import { useCallback, useRef, useState } from 'react';
import { isApiError } from '../../../http/problem.js';
import { useStaffPost } from '../../calendar/api.js';
import { newIdempotencyKey } from '../../calendar/http.js';
import { attemptFor } from '../pay/useCompletion.js';
import type { Approval } from '../types.js';

export type AskApproval = { detail: string; error: unknown; sending: boolean };

export function useKeyedAction<B extends object, R>(path: string) {
  const post = useStaffPost();
  const attempt = useRef<{ key: string; body: string } | null>(null);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [approval, setApproval] = useState<AskApproval | null>(null);
  const pending = useRef<B | null>(null);

  const send = useCallback(
    async (body: B, given?: Approval): Promise<R | null> => {
      const full = (given ? { ...body, approval: given } : body) as B & { approval?: Approval };
      attempt.current = attemptFor(attempt.current, full, newIdempotencyKey);
      setSending(true);
      setError(null);
      try {
        const result = await post<R>(path, full, attempt.current.key);
        setApproval(null);
        return result;
      } catch (err) {
        if (
          isApiError(err) &&
          (err.code === 'approval_required' || (given && (err.code === 'approval_invalid' || err.code === 'rate_limited')))
        ) {
          pending.current = body;
          setApproval({
            detail: err.code === 'approval_required' ? (err.detail ?? '') : (approval?.detail ?? ''),
            error: given ? err : null,
            sending: false,
          });
          return null;
        }
        setApproval(null);
        setError(err);
        return null;
      } finally {
        setSending(false);
      }
    },
    [approval?.detail, path, post],
  );

  return {
    send,
    sending,
    error,
    approval,
    approve: (a: Approval) => {
      setApproval((cur) => (cur ? { ...cur, sending: true } : cur));
      return pending.current ? send(pending.current, a) : Promise.resolve(null);
    },
    cancelApproval: () => setApproval(null),
  };
}
