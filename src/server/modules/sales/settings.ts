// Per-store checkout settings and the tax settings' request schema. Pure: no database here.
import { z } from 'zod';
import { percentToBp } from './pricing.js';
import { isTaxRate, TAX_PRESETS, type TaxSettings, taxPreset } from './tax.js';
import { DEFAULT_TIP_PRESETS } from './tips.js';

const cents = z.int().min(0).max(100_000_000);
const percent = z
  .number()
  .min(0)
  .max(100)
  .refine((p) => Math.abs(p * 100 - percentToBp(p)) < 1e-6, 'at most 2 decimals');

/** Printed before receipt numbers: "FLU-000042". */
export const RECEIPT_PREFIX = /^[A-Z0-9]{1,6}$/;

export const salesSettingsSchema = z.strictObject({
  /** Printed before receipt numbers: "FLU-000042". Default: derived from the store's name (see receiptPrefix). */
  receiptPrefix: z.string().regex(RECEIPT_PREFIX, '1–6 capital letters or digits').optional(),
  /** Tip buttons, percent of the pre-tax service amount. */
  tipPresets: z
    .array(z.int().min(1).max(100))
    .min(1)
    .max(5)
    .default([...DEFAULT_TIP_PRESETS]),
  /** A discount (or a price typed below the list price) above either limit needs a manager's PIN. */
  discountApproval: z
    .strictObject({ percent: percent.default(20), amount: cents.nullable().default(null) })
    .default({ percent: 20, amount: null }),
  /** Refunds a front desk may give without a manager (cents; 0 = every refund needs one). */
  frontDeskRefundLimit: cents.default(0),
  /** Footer line printed on receipts. */
  receiptFooter: z.string().trim().max(200).nullable().default(null),
});
export type SalesSettings = z.infer<typeof salesSettingsSchema>;

export const DEFAULT_SALES_SETTINGS: SalesSettings = salesSettingsSchema.parse({});

// Rows saved while prefixes could have 8 characters still read (and print) as they were saved.
const storedSettingsSchema = salesSettingsSchema.extend({
  receiptPrefix: z
    .string()
    .regex(/^[A-Z0-9]{1,8}$/)
    .optional(),
});

/** Stored JSON → settings with defaults; an unreadable row falls back to defaults. */
export function parseSalesSettings(text: string | null | undefined): SalesSettings {
  try {
    const parsed = storedSettingsSchema.safeParse(JSON.parse(text ?? '{}'));
    return parsed.success ? parsed.data : DEFAULT_SALES_SETTINGS;
  } catch {
    return DEFAULT_SALES_SETTINGS;
  }
}

/**
 * The store's receipt prefix: its setting, or one derived from its slug (its name, Chinese as pinyin):
 * the initials of a name of several words ("lotus-flushing" → "LF", "lotus-flushing-2" → "LF2"), or the
 * first three characters of a one-word name ("richmond" → "RIC").
 */
export function receiptPrefix(settings: SalesSettings, slug: string): string {
  if (settings.receiptPrefix) return settings.receiptPrefix;
  return defaultReceiptPrefix(slug);
}

export function defaultReceiptPrefix(slug: string): string {
  const words = slug
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
  const prefix = words.length > 1 ? words.map((w) => (/^\d+$/.test(w) ? w : w[0])).join('') : (words[0] ?? '').slice(0, 3);
  return prefix.slice(0, 6) || 'R';
}

export const formatReceipt = (prefix: string, n: number): string => `${prefix}-${String(n).padStart(6, '0')}`;

// ── Tax settings (PUT /stores/:id/tax-settings) ─────────────────────────────────────────────────────────

const code = z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, 'lower_snake_case, up to 32 characters');
const translations = z.strictObject({
  en: z.string().trim().min(1).max(60).optional(),
  'zh-CN': z.string().trim().min(1).max(60).optional(),
  'zh-TW': z.string().trim().min(1).max(60).optional(),
});

const taxRate = z.strictObject({
  code,
  name: z.string().trim().min(1).max(60),
  nameTranslations: translations.optional(),
  rate: z.string().refine(isTaxRate, 'a percent below 100 with up to 4 decimals, as a string: "8.875"'),
  appliesTo: z.array(code).min(1).max(10),
  compound: z.boolean().default(false),
});

const customTax = z.strictObject({
  pricesIncludeTax: z.boolean(),
  rates: z
    .array(taxRate)
    .max(10)
    .superRefine((rates, ctx) => {
      const seen = new Set<string>();
      rates.forEach((r, i) => {
        if (seen.has(r.code)) ctx.addIssue({ code: 'custom', message: 'this code is used twice', path: [i, 'code'] });
        seen.add(r.code);
      });
    }),
});

const presetTax = z.strictObject({
  preset: z.enum(TAX_PRESETS),
  /** New York City: whether the store's services are taxable (products always are). */
  taxServices: z.boolean().default(false),
});

export const taxSettingsBody = z.union([presetTax, customTax]);
export type TaxSettingsBody = z.infer<typeof taxSettingsBody>;

export function toTaxSettings(body: TaxSettingsBody): TaxSettings {
  if ('preset' in body) return taxPreset(body.preset, { taxServices: body.taxServices });
  return {
    pricesIncludeTax: body.pricesIncludeTax,
    preset: null,
    rates: body.rates.map((r) => ({ ...r, ...(r.nameTranslations ? { nameTranslations: r.nameTranslations } : {}) })),
  };
}
