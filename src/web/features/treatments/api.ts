// Treatments API: record templates, records (write, read, edit within 24 h, addenda), photos, the due list
// and the progress timelines. Every query key starts with 'treatments'.
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../http/client.js';
import type { Page } from '../../http/types.js';
import { type UploadOptions, uploadRaw } from '../../http/upload.js';
import type { DueEntry, PackageTimeline, Photo, RecordBody, Timeline, TreatmentRecord, TreatmentTemplate } from './types.js';

const enc = encodeURIComponent;
export const TREATMENTS_KEY = ['treatments'] as const;

export const treatmentTemplatesQuery = queryOptions({
  queryKey: [...TREATMENTS_KEY, 'templates'],
  queryFn: () => api.get<Page<TreatmentTemplate>>('/treatment-templates'),
  staleTime: 5 * 60_000,
});

export const recordsQuery = (clientId: string) =>
  queryOptions({
    queryKey: [...TREATMENTS_KEY, 'records', clientId],
    queryFn: () => api.get<Page<TreatmentRecord>>('/treatment-records', { query: { clientId, limit: 100 } }),
  });

export const recordQuery = (id: string) =>
  queryOptions({
    queryKey: [...TREATMENTS_KEY, 'record', id],
    queryFn: () => api.get<TreatmentRecord>(`/treatment-records/${enc(id)}`),
  });

export const createRecord = (body: RecordBody) => api.post<TreatmentRecord>('/treatment-records', body);
export const updateRecord = (id: string, body: RecordBody & { version: number }) =>
  api.patch<TreatmentRecord>(`/treatment-records/${enc(id)}`, body);
export const addAddendum = (id: string, body: string) => api.post<TreatmentRecord>(`/treatment-records/${enc(id)}/addenda`, { body });
export const deletePhoto = (id: string) => api.delete(`/treatment-photos/${enc(id)}`);

export const clientTimelineQuery = (clientId: string) =>
  queryOptions({
    queryKey: [...TREATMENTS_KEY, 'timeline', 'client', clientId],
    queryFn: () => api.get<Timeline>(`/clients/${enc(clientId)}/timeline`),
  });

export const packageTimelineQuery = (packageId: string) =>
  queryOptions({
    queryKey: [...TREATMENTS_KEY, 'timeline', 'package', packageId],
    queryFn: () => api.get<PackageTimeline>(`/client-packages/${enc(packageId)}/timeline`),
  });

export const dueQuery = (params: { storeId: string; staffId?: string | undefined; within: number; includeBooked: boolean }) =>
  queryOptions({
    queryKey: [...TREATMENTS_KEY, 'due', params],
    queryFn: () =>
      api.get<{ today: string; data: DueEntry[] }>('/treatments/due', {
        query: {
          storeId: params.storeId,
          staffId: params.staffId,
          within: params.within,
          includeBooked: params.includeBooked ? 'true' : 'false',
        },
      }),
  });

/** Uploads a photo as the raw request body (http/upload.ts). */
export function uploadPhoto(recordId: string, kind: 'before' | 'after' | 'other', file: Blob, opts: UploadOptions): Promise<Photo> {
  const path = `/treatment-records/${enc(recordId)}/photos?kind=${kind}`;
  return uploadRaw<Photo>(path, file, file.type || 'application/octet-stream', opts);
}
