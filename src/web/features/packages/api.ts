// Packages API: templates, rules, settings and reports (HQ); client packages, sessions and their actions.
// Every query key starts with 'packages', so one invalidation after a write refreshes every screen.
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../http/client.js';
import type { Page } from '../../http/types.js';
import type {
  Applicable,
  ClientPackage,
  PackageReport,
  PackageSession,
  PackageSettings,
  PackageTemplate,
  Recommendation,
  RecommendationReport,
  RefundQuote,
  Rule,
  RuleBody,
  TemplateBody,
} from './types.js';

const enc = encodeURIComponent;

export const PACKAGES_KEY = ['packages'] as const;

// ---- HQ

export const templatesQuery = (params: { includeInactive?: boolean; storeId?: string | undefined } = {}) =>
  queryOptions({
    queryKey: [...PACKAGES_KEY, 'templates', params],
    queryFn: () =>
      api.get<Page<PackageTemplate>>('/package-templates', {
        query: { includeInactive: params.includeInactive ? 'true' : undefined, storeId: params.storeId, limit: 200 },
      }),
  });

export const templateQuery = (id: string) =>
  queryOptions({
    queryKey: [...PACKAGES_KEY, 'template', id],
    queryFn: () => api.get<PackageTemplate>(`/package-templates/${enc(id)}`),
  });

export const createTemplate = (body: TemplateBody) => api.post<PackageTemplate>('/package-templates', body);
export const updateTemplate = (id: string, body: Partial<TemplateBody> & { version: number }) =>
  api.patch<PackageTemplate>(`/package-templates/${enc(id)}`, body);

export const rulesQuery = queryOptions({
  queryKey: [...PACKAGES_KEY, 'rules'],
  queryFn: () => api.get<Page<Rule>>('/package-rules'),
});
export const createRule = (body: RuleBody) => api.post<Rule>('/package-rules', body);
export const updateRule = (id: string, body: Partial<RuleBody> & { version: number }) => api.patch<Rule>(`/package-rules/${enc(id)}`, body);

export const settingsQuery = queryOptions({
  queryKey: [...PACKAGES_KEY, 'settings'],
  queryFn: () => api.get<{ settings: PackageSettings; version: number }>('/package-settings'),
});
export const saveSettings = (settings: PackageSettings, version: number) =>
  api.put<{ settings: PackageSettings; version: number }>('/package-settings', { settings, version });

export type ReportRange = { from?: string | undefined; to?: string | undefined; storeId?: string | undefined };

export const packageReportQuery = (range: ReportRange) =>
  queryOptions({
    queryKey: [...PACKAGES_KEY, 'report', range],
    queryFn: () => api.get<PackageReport>('/reports/packages', { query: range }),
  });

export const recommendationReportQuery = (range: ReportRange) =>
  queryOptions({
    queryKey: [...PACKAGES_KEY, 'recommendation-report', range],
    queryFn: () => api.get<RecommendationReport>('/reports/package-recommendations', { query: range }),
  });

// ---- a client's packages

export const clientPackagesQuery = (clientId: string, status: 'all' | 'active' = 'all') =>
  queryOptions({
    queryKey: [...PACKAGES_KEY, 'client', clientId, status],
    queryFn: () => api.get<Page<ClientPackage>>('/client-packages', { query: { clientId, status } }),
  });

export const clientPackageQuery = (id: string) =>
  queryOptions({
    queryKey: [...PACKAGES_KEY, 'one', id],
    queryFn: () => api.get<ClientPackage>(`/client-packages/${enc(id)}`),
  });

export const sessionsQuery = (packageId: string) =>
  queryOptions({
    queryKey: [...PACKAGES_KEY, 'sessions', packageId],
    queryFn: () => api.get<{ data: PackageSession[] }>(`/client-packages/${enc(packageId)}/sessions`),
  });

export const applicableQuery = (params: { clientId: string; storeId: string; serviceId?: string | undefined }) =>
  queryOptions({
    queryKey: [...PACKAGES_KEY, 'applicable', params],
    queryFn: () => api.get<{ data: Applicable[] }>('/client-packages/applicable', { query: params }),
  });

export const recommendationsQuery = (clientId: string) =>
  queryOptions({
    queryKey: [...PACKAGES_KEY, 'recommendations', clientId],
    queryFn: () => api.get<{ data: Recommendation[] }>(`/clients/${enc(clientId)}/package-recommendations`),
  });

export const refundQuoteQuery = (packageId: string) =>
  queryOptions({
    queryKey: [...PACKAGES_KEY, 'refund-quote', packageId],
    queryFn: () => api.get<RefundQuote>(`/client-packages/${enc(packageId)}/refund-quote`),
    staleTime: 0,
  });

export interface OpenPackageBody {
  templateId: string;
  clientId: string;
  storeId: string;
  price?: number;
  reason: string;
}
export const openPackage = (body: OpenPackageBody) => api.post<ClientPackage>('/client-packages', body);

export interface RedeemBody {
  storeId: string;
  serviceId: string;
  itemId?: string;
  clientId?: string;
  staffId?: string;
  appointmentLineId?: string;
  stepOverride?: { reason: string };
}
export const redeemSession = (packageId: string, body: RedeemBody, idempotencyKey: string) =>
  api.post<PackageSession>(`/client-packages/${enc(packageId)}/redemptions`, body, { headers: { 'Idempotency-Key': idempotencyKey } });

export const reverseSession = (sessionId: string, reason: string) =>
  api.post<PackageSession>(`/package-sessions/${enc(sessionId)}/reverse`, { reason });

export const extendPackage = (id: string, body: { until?: string; months?: number; reason: string }) =>
  api.post<ClientPackage>(`/client-packages/${enc(id)}/extend`, body);
export const freezePackage = (id: string, body: { days: number; reason: string }) =>
  api.post<ClientPackage>(`/client-packages/${enc(id)}/freeze`, body);
export const unfreezePackage = (id: string, reason: string) => api.post<ClientPackage>(`/client-packages/${enc(id)}/unfreeze`, { reason });
export const addMember = (id: string, body: { clientId: string; relation?: string }) =>
  api.post<ClientPackage>(`/client-packages/${enc(id)}/members`, body);
export const removeMember = (id: string, clientId: string) =>
  api.delete<ClientPackage>(`/client-packages/${enc(id)}/members/${enc(clientId)}`);
export const refundPackage = (id: string, reason: string) =>
  api.post<{ quote: RefundQuote; package: ClientPackage }>(`/client-packages/${enc(id)}/refund`, { reason });

export const dismissRecommendation = (id: string) => api.post<unknown>(`/package-recommendations/${enc(id)}/dismiss`, {});

export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}
