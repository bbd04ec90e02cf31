// The client portal's API (/api/v1/portal/*): a one-time code to her phone or email, then her own
// timeline. The session is an HttpOnly cookie; nothing here touches the staff session.
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../http/client.js';
import type { Language } from '../../http/types.js';
import type { PackageTimeline, Timeline } from '../treatments/types.js';

export type Contact = { phone: string } | { email: string };

export const PORTAL_KEY = ['portal'] as const;

export const requestCode = (contact: Contact, language: Language) =>
  api.post<{ channel: 'sms' | 'email'; expiresAt: string }>('/portal/codes', { ...contact, language }, { allow401: true });

export const signIn = (contact: Contact, code: string) =>
  api.post<{ token: string; expiresAt: string; client: { id: string; firstName: string } }>(
    '/portal/sessions',
    { ...contact, code },
    { allow401: true },
  );

export const signOut = () => api.post<void>('/portal/sign-out', {}, { allow401: true });

export const portalTimelineQuery = queryOptions({
  queryKey: [...PORTAL_KEY, 'timeline'],
  queryFn: () => api.get<Timeline>('/portal/timeline', { allow401: true }),
  retry: false,
});

export const portalPackageQuery = (id: string) =>
  queryOptions({
    queryKey: [...PORTAL_KEY, 'package', id],
    queryFn: () => api.get<PackageTimeline>(`/portal/packages/${encodeURIComponent(id)}/timeline`, { allow401: true }),
    retry: false,
  });
