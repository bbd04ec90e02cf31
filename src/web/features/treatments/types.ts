// Shapes of the treatments API (src/server/modules/treatments: fields.ts, records.ts, timeline.ts, due.ts).
import type { ClientPackage, Recommendation, Translations } from '../packages/types.js';

export type Label = { en: string; 'zh-CN'?: string; 'zh-TW'?: string };
export type Option = { value: string; label: Label };

type Base = { key: string; label: Label; required?: boolean };
export type FieldDef =
  | (Base & { type: 'scale'; min: number; max: number; higherIsBetter?: boolean; chart?: boolean })
  | (Base & { type: 'number'; min: number; max: number; unit?: string; higherIsBetter?: boolean; chart?: boolean })
  | (Base & { type: 'choice'; options: Option[] })
  | (Base & { type: 'multi'; options: Option[] })
  | (Base & { type: 'text'; maxLength?: number })
  | (Base & { type: 'boolean' });

export type MetricValue = string | number | boolean | string[];
export type Metrics = Record<string, MetricValue>;

export interface TreatmentTemplate {
  id: string;
  name: string;
  nameTranslations: Translations;
  categoryIds: string[];
  fields: FieldDef[];
  archived: boolean;
  version: number;
}

export interface Photo {
  id: string;
  recordId: string;
  kind: 'before' | 'after' | 'other';
  width: number;
  height: number;
  url: string;
  thumbUrl: string;
  createdAt: string;
}

export interface Health {
  metrics: Metrics;
  reaction: string | null;
  notes: string | null;
  aftercare: string | null;
}

export interface Addendum {
  id: string;
  authorId: string;
  authorName: string;
  body: string;
  createdAt: string;
}

export interface TreatmentRecord {
  id: string;
  clientId: string;
  storeId: string;
  serviceId: string;
  serviceName?: string;
  staffId: string;
  staffName?: string;
  authorId: string;
  appointmentId: string | null;
  appointmentLineId: string | null;
  packageSessionId: string | null;
  templateId: string | null;
  startedAt: string;
  endedAt: string | null;
  products: Array<{ productId: string; amount: number }>;
  technique: string | null;
  settings: Record<string, string | number>;
  nextRecommendedOn: string | null;
  sharedWithClient: boolean;
  editableUntil: string;
  locked: boolean;
  canEdit: boolean;
  health?: Health;
  photos?: Photo[];
  addenda?: Addendum[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface RecordBody {
  clientId?: string;
  storeId?: string;
  serviceId?: string;
  appointmentLineId?: string;
  packageSessionId?: string;
  staffId?: string;
  startedAt?: string;
  endedAt?: string | null;
  products?: Array<{ productId: string; amount: number }>;
  technique?: string | null;
  metrics?: Metrics;
  reaction?: string | null;
  notes?: string | null;
  aftercare?: string | null;
  nextRecommendedOn?: string | null;
  sharedWithClient?: boolean;
  version?: number;
}

export interface Series {
  templateId: string;
  key: string;
  label: Label;
  type: 'scale' | 'number';
  min: number;
  max: number;
  unit: string | null;
  higherIsBetter: boolean | null;
  points: Array<{ recordId: string; date: string; value: number }>;
}

export interface TimelineRecord {
  id: string;
  date: string;
  startedAt: string;
  storeId: string;
  storeName: string;
  service: { id: string; name: string; nameTranslations: Translations };
  staff: { id: string; name: string };
  templateId: string | null;
  packageSession: {
    id: string;
    packageId: string;
    packageName: string;
    packageNameTranslations: Translations;
    sessionNumber: number;
    status: string | null;
  } | null;
  nextRecommendedOn: string | null;
  sharedWithClient?: boolean;
  technique?: string | null;
  products?: Array<{ productId: string; amount: number }>;
  addenda?: number;
  locked?: boolean;
  health?: Health | { metrics: Metrics; aftercare: string | null };
  photos?: Photo[];
}

export interface Timeline {
  client: { id: string; name: string } | null;
  packages: ClientPackage[];
  records: TimelineRecord[];
  photoComparison?: { first: Photo; latest: Photo } | null;
  metrics?: Series[];
  nextRecommended: {
    date: string;
    serviceId: string;
    recordId: string;
    overdue: boolean;
    booked: { appointmentId: string; startAt: string } | null;
  } | null;
  recommendations?: Recommendation[];
}

export interface PackageTimeline extends Timeline {
  sessions: Array<{
    id: string;
    itemId: string;
    clientId: string;
    serviceId: string;
    staffId: string | null;
    sessionNumber: number;
    value?: number;
    status: string;
    redeemedAt: string;
    recordId: string | null;
  }>;
}

export interface DueEntry {
  recordId: string;
  client: { id: string; name: string; phone: string | null };
  service: { id: string; name: string; nameTranslations: Translations };
  staff: { id: string; name: string };
  lastVisitOn: string;
  recommendedOn: string;
  daysOverdue: number;
  booked: boolean;
}
