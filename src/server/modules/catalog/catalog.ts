// Pure catalog rules: translations, HQ values vs store overrides and locks, per-staff terms, the
// processing gap. No database, no clock, no Fastify.
import type { FieldError } from '../../platform/errors.js';
import { LANGUAGES, type Language } from '../../platform/i18n.js';

export type Translations = Partial<Record<Language, string>>;

/** Fields HQ may lock on a service so that no store overrides them. */
export const SERVICE_LOCKABLE = ['price', 'duration', 'available'] as const;
export type ServiceLockField = (typeof SERVICE_LOCKABLE)[number];
/** Fields HQ may lock on a product. */
export const PRODUCT_LOCKABLE = ['price', 'available'] as const;
export type ProductLockField = (typeof PRODUCT_LOCKABLE)[number];

export const DURATION_MIN = 5;
export const DURATION_MAX = 600;
export const DURATION_STEP = 5;

/** A length of service time: a multiple of 5 minutes, 5 to 600. */
export function isValidDuration(min: number): boolean {
  return Number.isInteger(min) && min >= DURATION_MIN && min <= DURATION_MAX && min % DURATION_STEP === 0;
}

/** The text in the reader's language, else the base text (what the owner typed first). */
export function resolveText(base: string, translations: Translations | undefined, lang: Language): string;
export function resolveText(base: string | null, translations: Translations | undefined, lang: Language): string | null;
export function resolveText(base: string | null, translations: Translations | undefined, lang: Language): string | null {
  const t = translations?.[lang]?.trim();
  return t ? t : base;
}

/** Keeps only known languages with non-blank text (forms send "" for an empty field). */
export function cleanTranslations(input: Translations | undefined | null): Translations {
  const out: Translations = {};
  if (!input) return out;
  for (const lang of LANGUAGES) {
    const v = input[lang]?.trim();
    if (v) out[lang] = v;
  }
  return out;
}

/** What a store may set for a service; null means "use the HQ value". */
export type ServiceOverride = { price: number | null; durationMin: number | null; available: boolean | null };
export type ProductOverride = { price: number | null; available: boolean | null };

export type Overridden<F extends string> = Record<F, boolean>;

/**
 * The service as one store sells it: the store's price, duration and availability where it overrides
 * them and HQ did not lock the field, HQ values otherwise. An override of a field HQ locked later is
 * kept but ignored (unlocking brings it back).
 */
export function effectiveService<S extends { price: number; durationMin: number; locks: readonly ServiceLockField[] }>(
  service: S,
  override: ServiceOverride | null | undefined,
): S & { available: boolean; overridden: Overridden<ServiceLockField> } {
  const open = (f: ServiceLockField) => !service.locks.includes(f);
  const price = override?.price != null && open('price') ? override.price : null;
  const duration = override?.durationMin != null && open('duration') ? override.durationMin : null;
  const available = override?.available != null && open('available') ? override.available : null;
  return {
    ...service,
    price: price ?? service.price,
    durationMin: duration ?? service.durationMin,
    available: available ?? true,
    overridden: { price: price !== null, duration: duration !== null, available: available !== null },
  };
}

/** The product as one store sells it (same rules as services, without a duration). */
export function effectiveProduct<P extends { price: number; locks: readonly ProductLockField[] }>(
  product: P,
  override: ProductOverride | null | undefined,
): P & { available: boolean; overridden: Overridden<ProductLockField> } {
  const open = (f: ProductLockField) => !product.locks.includes(f);
  const price = override?.price != null && open('price') ? override.price : null;
  const available = override?.available != null && open('available') ? override.available : null;
  return {
    ...product,
    price: price ?? product.price,
    available: available ?? true,
    overridden: { price: price !== null, available: available !== null },
  };
}

/** The fields a store tries to override that HQ locked (clearing a locked field back to null is fine). */
export function lockedFieldsTouched(locks: readonly string[], override: ServiceOverride | ProductOverride): string[] {
  const touched: Array<[string, unknown]> = [
    ['price', override.price],
    ['duration', 'durationMin' in override ? override.durationMin : null],
    ['available', override.available],
  ];
  return touched.filter(([field, value]) => value !== null && value !== undefined && locks.includes(field)).map(([f]) => f);
}

/** An override that sets nothing is no override: the row can go. */
export function isEmptyOverride(o: ServiceOverride | ProductOverride): boolean {
  return o.price === null && o.available === null && (!('durationMin' in o) || o.durationMin === null);
}

export type ProcessingGap = { processingStartMin: number | null; processingMin: number | null };

/**
 * The processing gap (colour or a mask sets while the technician is free) is both numbers or neither,
 * multiples of 5, starts at or after the beginning and ends within every duration the service can have
 * (HQ's, each store's override, each technician's own).
 */
export function checkProcessingGap(gap: ProcessingGap, durations: ReadonlyArray<{ path: string; durationMin: number }>): FieldError[] {
  const { processingStartMin: start, processingMin: length } = gap;
  if (start === null && length === null) return [];
  if (start === null || length === null) {
    const path = start === null ? 'processingStartMin' : 'processingMin';
    return [{ path, message: 'give both processingStartMin and processingMin, or neither' }];
  }
  const errors: FieldError[] = [];
  if (!Number.isInteger(start) || start < 0 || start % DURATION_STEP !== 0) {
    errors.push({ path: 'processingStartMin', message: 'a multiple of 5 minutes, 0 or more' });
  }
  if (!Number.isInteger(length) || length < DURATION_STEP || length % DURATION_STEP !== 0) {
    errors.push({ path: 'processingMin', message: 'a multiple of 5 minutes, at least 5' });
  }
  if (errors.length) return errors;
  for (const d of durations) {
    if (start + length > d.durationMin) {
      errors.push({ path: d.path, message: `the processing gap ends at ${start + length} min, after the service's ${d.durationMin} min` });
    }
  }
  return errors;
}

/** What one technician charges and takes: their own price/duration where set, the store's otherwise. */
export function staffTerms(
  effective: { price: number; durationMin: number },
  own: { price: number | null; durationMin: number | null },
): { price: number; durationMin: number; ownPrice: boolean; ownDuration: boolean } {
  return {
    price: own.price ?? effective.price,
    durationMin: own.durationMin ?? effective.durationMin,
    ownPrice: own.price !== null,
    ownDuration: own.durationMin !== null,
  };
}

/** What `?q=` matches: lowercased texts and translation values, one per line (not the JSON keys). */
export function searchText(...parts: Array<string | null | undefined | Translations>): string {
  const texts = parts.flatMap((p) => (p == null ? [] : typeof p === 'string' ? [p] : Object.values(p)));
  return texts
    .map((t) => t?.trim().toLowerCase())
    .filter(Boolean)
    .join('\n');
}

/** Escapes a user's search text for `LIKE … ESCAPE '\'`; lowercased for a case-insensitive match. */
export function containsPattern(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
