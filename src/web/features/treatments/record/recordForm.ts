// The treatment record form: what the technician taps and types ⇄ the API body. Template fields keep
// their typed values (numbers as text while typing); checks mirror the server's so mistakes show at once.
import type { FieldDef, Metrics, MetricValue, RecordBody, TreatmentRecord } from '../types.js';

export type FormError = { key: string; values?: Record<string, string | number> } | { message: string };
export type FormErrors = Record<string, FormError>;

export interface RecordForm {
  serviceId: string;
  storeId: string;
  staffId: string;
  /** Local wall time "YYYY-MM-DDTHH:mm" in the browser (the salon's device). */
  startedAt: string;
  /** "HH:mm" on the same day, or empty. */
  endedAt: string;
  metrics: Record<string, MetricValue | undefined>;
  products: Array<{ productId: string; amount: string }>;
  technique: string;
  reaction: string;
  notes: string;
  aftercare: string;
  nextRecommendedOn: string;
  sharedWithClient: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');
export const localDateTime = (d: Date) =>
  `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;

/** An ISO instant with offset ("2026-03-10T14:30:00-04:00") as the device's local wall time. */
export function isoToLocal(iso: string): string {
  return localDateTime(new Date(iso));
}

export function emptyRecordForm(p: { serviceId?: string; storeId: string; staffId: string; now?: Date }): RecordForm {
  return {
    serviceId: p.serviceId ?? '',
    storeId: p.storeId,
    staffId: p.staffId,
    startedAt: localDateTime(p.now ?? new Date()),
    endedAt: '',
    metrics: {},
    products: [],
    technique: '',
    reaction: '',
    notes: '',
    aftercare: '',
    nextRecommendedOn: '',
    sharedWithClient: true,
  };
}

export function recordToForm(r: TreatmentRecord, fields: readonly FieldDef[]): RecordForm {
  const metrics: RecordForm['metrics'] = {};
  for (const [k, v] of Object.entries(r.health?.metrics ?? {})) {
    const f = fields.find((x) => x.key === k);
    metrics[k] = f?.type === 'number' && typeof v === 'number' ? String(v) : v;
  }
  return {
    serviceId: r.serviceId,
    storeId: r.storeId,
    staffId: r.staffId,
    startedAt: isoToLocal(r.startedAt),
    endedAt: r.endedAt ? isoToLocal(r.endedAt).slice(11, 16) : '',
    metrics,
    products: r.products.map((p) => ({ productId: p.productId, amount: String(p.amount) })),
    technique: r.technique ?? '',
    reaction: r.health?.reaction ?? '',
    notes: r.health?.notes ?? '',
    aftercare: r.health?.aftercare ?? '',
    nextRecommendedOn: r.nextRecommendedOn ?? '',
    sharedWithClient: r.sharedWithClient,
  };
}

const twoDecimals = (n: number) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6;
const NUMBER = /^-?\d+(?:[.,]\d+)?$/;
const parseNum = (s: string) => (NUMBER.test(s.trim()) ? Number(s.trim().replace(',', '.')) : Number.NaN);

/** Template values as the API takes them; errors on `metrics.<key>`. */
export function metricsOf(fields: readonly FieldDef[], values: RecordForm['metrics'], errors: FormErrors): Metrics {
  const out: Metrics = {};
  for (const f of fields) {
    const v = values[f.key];
    const at = `metrics.${f.key}`;
    const empty = v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
    if (empty) {
      if (f.required) errors[at] = { key: 'validation.required' };
      continue;
    }
    if (f.type === 'number') {
      const n = typeof v === 'number' ? v : parseNum(String(v));
      if (!Number.isFinite(n) || n < f.min || n > f.max || !twoDecimals(n))
        errors[at] = { key: 'treatments.form.errors.numberRange', values: { min: f.min, max: f.max } };
      else out[f.key] = n;
    } else if (f.type === 'text') {
      const text = String(v).trim();
      if (text) out[f.key] = text;
    } else {
      out[f.key] = v as MetricValue;
    }
  }
  return out;
}

/** The body to POST (new) or PATCH (with `version`), or the errors to show. */
export function toRecordBody(form: RecordForm, fields: readonly FieldDef[]): { body: RecordBody | null; errors: FormErrors } {
  const errors: FormErrors = {};
  if (!form.serviceId) errors.serviceId = { key: 'validation.required' };
  if (!form.staffId) errors.staffId = { key: 'validation.required' };
  const started = new Date(form.startedAt);
  if (Number.isNaN(started.getTime())) errors.startedAt = { key: 'validation.required' };
  let ended: string | null = null;
  if (form.endedAt) {
    const end = new Date(`${form.startedAt.slice(0, 10)}T${form.endedAt}`);
    if (Number.isNaN(end.getTime()) || end < started) errors.endedAt = { key: 'treatments.form.errors.endBeforeStart' };
    else ended = end.toISOString();
  }
  const metrics = metricsOf(fields, form.metrics, errors);
  const products = form.products.map((p, i) => {
    const amount = parseNum(p.amount);
    if (!p.productId) errors[`products.${i}.productId`] = { key: 'validation.required' };
    if (!Number.isFinite(amount) || amount <= 0 || amount > 100_000 || !twoDecimals(amount))
      errors[`products.${i}.amount`] = { key: 'treatments.form.errors.amount' };
    return { productId: p.productId, amount };
  });
  if (form.nextRecommendedOn && !/^\d{4}-\d{2}-\d{2}$/.test(form.nextRecommendedOn)) errors.nextRecommendedOn = { key: 'validation.date' };
  if (Object.keys(errors).length) return { body: null, errors };
  const text = (s: string) => s.trim() || null;
  return {
    errors,
    body: {
      staffId: form.staffId,
      startedAt: started.toISOString(),
      endedAt: ended,
      products,
      technique: text(form.technique),
      metrics,
      reaction: text(form.reaction),
      notes: text(form.notes),
      aftercare: text(form.aftercare),
      nextRecommendedOn: form.nextRecommendedOn || null,
      sharedWithClient: form.sharedWithClient,
    },
  };
}

/** A calendar day `days` after the local day of "YYYY-MM-DDTHH:mm". */
export function dayAfter(local: string, days: number): string {
  const [y, m, d] = local.slice(0, 10).split('-').map(Number);
  const at = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days));
  return at.toISOString().slice(0, 10);
}
