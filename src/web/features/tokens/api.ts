import { queryOptions } from '@tanstack/react-query';
import { api } from '../../http/client.js';
import type { ApiToken, CreatedApiToken } from '../../http/types.js';

export const tokensQuery = queryOptions({
  queryKey: ['api-tokens'],
  queryFn: () => api.get<{ data: ApiToken[] }>('/api-tokens').then((r) => r.data),
});

export function createToken(body: { name: string; expiresAt?: string }) {
  return api.post<CreatedApiToken>('/api-tokens', body);
}

export function revokeToken(id: string) {
  return api.delete(`/api-tokens/${encodeURIComponent(id)}`);
}

export const EXPIRY_CHOICES = ['30', '90', '365', 'never'] as const;
export type ExpiryChoice = (typeof EXPIRY_CHOICES)[number];

export function expiryDate(choice: ExpiryChoice, now: Date = new Date()): string | undefined {
  if (choice === 'never') return undefined;
  return new Date(now.getTime() + Number(choice) * 86_400_000).toISOString();
}
