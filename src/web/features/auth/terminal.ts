import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { Me, TerminalStaff } from '../../api/types.js';

/** Staff with a PIN at this browser's store; fails when this browser is not a registered terminal. */
export const terminalStaffQuery = queryOptions({
  queryKey: ['terminal-staff'],
  queryFn: () => api.get<{ data: TerminalStaff[] }>('/terminals/current/staff', { allow401: true }).then((r) => r.data),
  retry: false,
  staleTime: 60_000,
});

export function pinSignIn(staffId: string, pin: string): Promise<Me> {
  return api.post<Me>('/auth/pin', { staffId, pin }, { allow401: true });
}
