// Checkout API: tickets (open sales), completion, refunds, voids, receipts, checkout and tax settings.
// Line names come back in the reader's language, so the language is part of the sale's query key.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../http/client.js';
import type { Page } from '../../http/types.js';
import { currentLanguage } from '../../i18n/index.js';
import type { Approval, Discount, LineInput, Sale, SaleStatus, SaleSummary, SalesKinds, SalesSettings, TaxSettings } from './types.js';

const enc = encodeURIComponent;

/** Parked tickets on other terminals show up within this many milliseconds. */
export const TICKETS_POLL_MS = 5000;

export const saleQuery = (id: string) =>
  queryOptions({
    queryKey: ['sales', 'one', id, currentLanguage()],
    queryFn: () => api.get<Sale>(`/sales/${enc(id)}`),
    staleTime: 2000,
  });

export interface SalesListParams {
  storeId: string;
  status?: SaleStatus | undefined;
  from?: string | undefined;
  to?: string | undefined;
  receipt?: string | undefined;
  clientId?: string | undefined;
  /** A technician credited on the sale. */
  staffId?: string | undefined;
  /** A tender kind the sale was paid (in part) with. */
  tender?: string | undefined;
  cursor?: string | undefined;
}

export const salesListQuery = (p: SalesListParams) =>
  queryOptions({
    queryKey: ['sales', 'list', p],
    queryFn: ({ signal }) =>
      api.get<Page<SaleSummary>>('/sales', {
        query: {
          storeId: p.storeId,
          status: p.status,
          from: p.from,
          to: p.to,
          receipt: p.receipt,
          clientId: p.clientId,
          staffId: p.staffId,
          tender: p.tender,
          cursor: p.cursor,
          limit: 100,
        },
        signal,
      }),
    placeholderData: keepPreviousData,
  });

/** The parked tickets of a store (open sales), polled so other terminals' tickets appear. */
export const openTicketsQuery = (storeId: string) =>
  queryOptions({
    ...salesListQuery({ storeId, status: 'open' }),
    refetchInterval: TICKETS_POLL_MS,
    refetchIntervalInBackground: false,
  });

/** The line kinds and tenders the store offers (labels in the reader's language): rarely changes. */
export const salesKindsQuery = (storeId: string) =>
  queryOptions({
    queryKey: ['sales', 'kinds', storeId, currentLanguage()],
    queryFn: () => api.get<SalesKinds>('/sales/kinds', { query: { storeId } }),
    staleTime: 10 * 60_000,
  });

export const salesSettingsQuery = (storeId: string) =>
  queryOptions({
    queryKey: ['sales', 'settings', storeId],
    queryFn: () => api.get<SalesSettings>(`/stores/${enc(storeId)}/sales-settings`),
    staleTime: 60_000,
  });

export const taxSettingsQuery = (storeId: string) =>
  queryOptions({
    queryKey: ['sales', 'tax-settings', storeId],
    queryFn: () => api.get<TaxSettings>(`/stores/${enc(storeId)}/tax-settings`),
  });

export const taxPresetsQuery = queryOptions({
  queryKey: ['sales', 'tax-presets'],
  queryFn: () => api.get<{ data: TaxSettings[] }>('/tax-presets'),
  staleTime: 10 * 60_000,
});

// ---- tickets

export interface TicketCreate {
  storeId: string;
  clientId?: string | null;
  appointmentId?: string;
  label?: string | null;
  lines?: LineInput[];
}

export const createTicket = (body: TicketCreate) => api.post<Sale>('/sales', body);

export interface TicketPatch {
  version: number;
  clientId?: string | null;
  label?: string | null;
  note?: string | null;
  lines?: LineInput[];
  discount?: Discount | null;
  approval?: Approval;
}

export const patchTicket = (id: string, body: TicketPatch) => api.patch<Sale>(`/sales/${enc(id)}`, body);

export const addTicketLine = (id: string, body: { version: number; line: LineInput; approval?: Approval }) =>
  api.post<Sale>(`/sales/${enc(id)}/lines`, body);

export const removeTicketLine = (id: string, lineId: string, version: number) =>
  api.delete<Sale>(`/sales/${enc(id)}/lines/${enc(lineId)}`, { query: { version } });

export const discardTicket = (id: string, version: number) => api.delete(`/sales/${enc(id)}`, { query: { version } });

export const emailReceipt = (id: string, lang?: string) =>
  api.post<{ queued: boolean }>(`/sales/${enc(id)}/receipt/email`, lang ? { lang } : {});

/** The printable 80 mm receipt (a refund's with refundId), same origin: an iframe can load and print it. */
export function receiptUrl(id: string, opts: { lang?: string; refundId?: string } = {}): string {
  const q = new URLSearchParams({ format: 'html' });
  if (opts.lang) q.set('lang', opts.lang);
  if (opts.refundId) q.set('refundId', opts.refundId);
  return `/api/v1/sales/${enc(id)}/receipt?${q.toString()}`;
}

// ---- settings

export const putTaxSettings = (storeId: string, body: { preset: string; taxServices?: boolean } | Omit<TaxSettings, 'preset'>) =>
  api.put<TaxSettings>(`/stores/${enc(storeId)}/tax-settings`, body);

export const putSalesSettings = (storeId: string, body: Omit<SalesSettings, 'version' | 'receiptPrefix'> & { receiptPrefix?: string }) =>
  api.put<SalesSettings>(`/stores/${enc(storeId)}/sales-settings`, body);
