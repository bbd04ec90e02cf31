import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../http/client.js';
import type { Me, Terminal, TerminalStaff } from '../../http/types.js';

export interface ThisTerminal {
  /** Null when the server did not say which terminal (it still is one). */
  terminal: Terminal | null;
  staff: TerminalStaff[];
}

/**
 * This browser as a store terminal, from its (HttpOnly) terminal cookie: the terminal and the staff
 * who can unlock it with a PIN. Fails (403 terminal_required) when the browser is not registered.
 * Independent of who is signed in: Me.terminal is only set on sessions opened with a PIN.
 */
export const terminalQuery = queryOptions({
  queryKey: ['terminal'],
  queryFn: async (): Promise<ThisTerminal> => {
    const r = await api.get<{ terminal?: Terminal; data: TerminalStaff[] }>('/terminals/current/staff', { allow401: true });
    return { terminal: r.terminal ?? null, staff: r.data };
  },
  retry: false,
  staleTime: 60_000,
});

/** Whether this browser is a registered terminal, and which one (if known). */
export function useThisTerminal(me?: Me | null): { registered: boolean; terminal: Terminal | null } {
  const query = useQuery(terminalQuery);
  const terminal = query.data?.terminal ?? me?.terminal ?? null;
  return { registered: query.isSuccess || !!me?.terminal, terminal };
}

export function pinSignIn(staffId: string, pin: string): Promise<Me> {
  return api.post<Me>('/auth/pin', { staffId, pin }, { allow401: true });
}
