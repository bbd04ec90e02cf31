// The open ticket on screen: the server's sale plus the changes still on their way (optimistic), sent one
// after another so each carries the latest `version`. Every answer is the re-priced sale: amounts on
// screen are always the server's. A stale version (another terminal) is fetched again and the change
// retried once; a change above the store's discount limit pauses for a manager's PIN and is re-sent with it.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { isApiError } from '../../../http/problem.js';
import { saleQuery } from '../api.js';
import type { Approval, Sale } from '../types.js';

export type TicketOp = {
  /** Sends the change against `sale` (the latest known), with a manager's approval when one was given. */
  run: (sale: Sale, approval?: Approval) => Promise<Sale | undefined>;
  /** How the ticket looks while the change is on its way (only what is safe to show before the server answers). */
  optimistic?: (sale: Sale) => Sale;
};

type Pending = { id: number; optimistic?: ((sale: Sale) => Sale) | undefined };

export type ApprovalAsk = { detail: string; error: unknown; sending: boolean };

const newer = (a: Sale | undefined, b: Sale | undefined) => (!a ? b : !b ? a : b.version > a.version ? b : a);

export function useTicket(saleId: string) {
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<Pending[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [approval, setApproval] = useState<ApprovalAsk | null>(null);
  const approvalWaiter = useRef<{ resolve: (a: Approval | null) => void } | null>(null);
  const latest = useRef<Sale | undefined>(undefined);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const seq = useRef(0);

  const idle = pending.length === 0;
  const query = useQuery({ ...saleQuery(saleId), refetchInterval: (q) => (idle && q.state.data?.status === 'open' ? 5000 : false) });
  // A poll that left before a change was saved must not bring the older ticket back.
  const server = newer(latest.current?.id === saleId ? latest.current : undefined, query.data);
  latest.current = server;

  const store = useCallback(
    (sale: Sale) => {
      latest.current = newer(latest.current, sale);
      queryClient.setQueryData(saleQuery(saleId).queryKey, latest.current);
      void queryClient.invalidateQueries({ queryKey: ['sales', 'list'] });
    },
    [queryClient, saleId],
  );

  const askApproval = useCallback(
    (detail: string, err: unknown) =>
      new Promise<Approval | null>((resolve) => {
        approvalWaiter.current = { resolve };
        setApproval({ detail, error: err, sending: false });
      }),
    [],
  );

  const perform = useCallback(
    async (op: TicketOp) => {
      let given: Approval | undefined;
      let why = '';
      let retriedStale = false;
      for (;;) {
        const current = latest.current;
        if (!current) throw new Error('ticket not loaded');
        try {
          const next = await op.run(current, given);
          if (next) store(next);
          return;
        } catch (err) {
          if (!isApiError(err)) throw err;
          if (err.code === 'stale_version' && !retriedStale) {
            retriedStale = true;
            const fresh = await queryClient.fetchQuery({ ...saleQuery(saleId), staleTime: 0 });
            latest.current = fresh;
            continue;
          }
          if (err.code === 'approval_required' || (given && (err.code === 'approval_invalid' || err.code === 'rate_limited'))) {
            // Keep saying why the approval is needed; a refused PIN shows as the error.
            if (err.code === 'approval_required') why = err.detail ?? err.title ?? '';
            const answer = await askApproval(why, given ? err : null);
            if (!answer) return;
            given = answer;
            continue;
          }
          throw err;
        }
      }
    },
    [askApproval, queryClient, saleId, store],
  );

  /** Queues a change; resolves once it is saved (null) or refused (the error, also shown on the ticket). */
  const apply = useCallback(
    (op: TicketOp): Promise<unknown> => {
      const id = ++seq.current;
      setPending((list) => [...list, { id, optimistic: op.optimistic }]);
      setError(null);
      let failure: unknown = null;
      const done = chain.current.then(async () => {
        try {
          await perform(op);
        } catch (err) {
          failure = err;
          setError(err);
        } finally {
          setPending((list) => list.filter((p) => p.id !== id));
          setApproval(null);
          approvalWaiter.current = null;
        }
      });
      chain.current = done;
      return done.then(() => failure);
    },
    [perform],
  );

  const approve = useCallback((a: Approval) => {
    setApproval((cur) => (cur ? { ...cur, sending: true } : cur));
    approvalWaiter.current?.resolve(a);
  }, []);
  const cancelApproval = useCallback(() => {
    approvalWaiter.current?.resolve(null);
    approvalWaiter.current = null;
    setApproval(null);
  }, []);

  // Leaving the screen with a PIN prompt open gives up that change.
  useEffect(() => () => approvalWaiter.current?.resolve(null), []);

  const sale = useMemo(() => {
    if (!server) return undefined;
    return pending.reduce((s, p) => (p.optimistic ? p.optimistic(s) : s), server);
  }, [server, pending]);

  return {
    query,
    /** The ticket as shown: the server's, with the changes on their way laid over it. */
    sale,
    /** The server's ticket, exactly (for payment: only confirmed amounts). */
    saved: server,
    busy: pending.length > 0,
    error,
    clearError: () => setError(null),
    apply,
    approval,
    approve,
    cancelApproval,
    refresh: () => queryClient.invalidateQueries({ queryKey: saleQuery(saleId).queryKey }),
  };
}

export type TicketState = ReturnType<typeof useTicket>;
