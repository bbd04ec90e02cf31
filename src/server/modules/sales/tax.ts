// Sales tax, pure. A store has named rates; each applies to some tax classes ('service', 'product'…),
// and is simple (on the line's amount) or compound (on the amount plus the taxes listed before it).
// Prices are tax-exclusive (tax added on top: US, most of Canada) or tax-inclusive (tax inside the price).
//
// Rounding rule, documented and the same everywhere: tax is computed PER LINE, PER RATE, on integer cents,
// rounded half-up (half away from zero), then summed. Exclusive: tax_r = round(base × rate).
// Inclusive: the base is estimated as round(amount ÷ (1 + effective rate)), each rate's tax is computed on
// that base as above, and the pre-tax amount is what remains: amount − taxes (so the two always add up).
// Lines never taxed (taxClass null: gift cards, stored-value top-ups) get no tax whatever the settings.
import type { Translations } from './registry.js';

export type TaxRate = {
  /** Stable code (lower_snake_case), e.g. 'gst', 'pst', 'hst', 'ny_sales'. */
  code: string;
  name: string;
  nameTranslations?: Translations;
  /** Percent as a decimal string with up to 4 decimals ("8.875"), exact (no floats). */
  rate: string;
  /** Tax classes it applies to. */
  appliesTo: string[];
  compound: boolean;
};

export type TaxSettings = {
  pricesIncludeTax: boolean;
  rates: TaxRate[];
  /** The preset this came from, for display ('us_nyc', 'ca_bc'…), or null for custom. */
  preset: string | null;
};

export const NO_TAX: TaxSettings = { pricesIncludeTax: false, rates: [], preset: null };

const RATE = /^(\d{1,2})(?:\.(\d{1,4}))?$/;
const MILLION = 1_000_000n;

/** "8.875" → 88 750 parts per million (1 % = 10 000 ppm). Throws RangeError on anything else. */
export function rateToPpm(rate: string): number {
  const m = RATE.exec(rate);
  if (!m) throw new RangeError(`not a tax rate: ${JSON.stringify(rate)}`);
  return Number(m[1]) * 10_000 + Number((m[2] ?? '').padEnd(4, '0'));
}

export const isTaxRate = (rate: string): boolean => RATE.test(rate) && rateToPpm(rate) < 1_000_000;

// Half away from zero for BigInt n / d, d > 0.
function divHalfUp(n: bigint, d: bigint): bigint {
  const neg = n < 0n;
  const a = neg ? -n : n;
  let q = a / d;
  if ((a % d) * 2n >= d) q += 1n;
  return neg ? -q : q;
}

export type LineTax = { code: string; amount: number };
export type LineTaxResult = {
  taxes: LineTax[];
  /** Σ taxes. */
  tax: number;
  /** The amount before tax (equals `amount` when prices exclude tax). */
  preTax: number;
};

/** Rates that apply to a tax class, in the order the store listed them. */
export function ratesFor(settings: TaxSettings, taxClass: string | null): TaxRate[] {
  if (taxClass === null) return [];
  return settings.rates.filter((r) => r.appliesTo.includes(taxClass));
}

/** Taxes of one line whose (discounted) amount is `amount` cents. */
export function taxLine(amount: number, taxClass: string | null, settings: TaxSettings): LineTaxResult {
  const rates = ratesFor(settings, taxClass);
  if (rates.length === 0 || amount === 0) return { taxes: rates.map((r) => ({ code: r.code, amount: 0 })), tax: 0, preTax: amount };
  const ppm = rates.map((r) => BigInt(rateToPpm(r.rate)));
  let base = BigInt(amount);
  if (settings.pricesIncludeTax) {
    // amount = base × F, F = n / d built rate by rate: simple adds r, compound multiplies by (1 + r).
    let n = 1n;
    let d = 1n;
    rates.forEach((r, i) => {
      const p = ppm[i]!;
      if (r.compound) n *= MILLION + p;
      else n = n * MILLION + p * d;
      d *= MILLION;
    });
    base = divHalfUp(BigInt(amount) * d, n);
  }
  const amounts: bigint[] = [];
  let running = 0n;
  rates.forEach((r, i) => {
    const on = r.compound ? base + running : base;
    const t = divHalfUp(on * ppm[i]!, MILLION);
    amounts.push(t);
    running += t;
  });
  const taxes = rates.map((r, i) => ({ code: r.code, amount: Number(amounts[i]) }));
  const tax = Number(running);
  return { taxes, tax, preTax: settings.pricesIncludeTax ? amount - tax : amount };
}

// ── Presets ─────────────────────────────────────────────────────────────────────────────────────────────

export const TAX_PRESETS = ['us_nyc', 'ca_bc', 'ca_on', 'ca_ab'] as const;
export type TaxPreset = (typeof TAX_PRESETS)[number];

/**
 * Ready-made settings. New York City: 8.875 % combined state + city sales tax on products, and on
 * services when the store says its services are taxable (`taxServices`). British Columbia: GST 5 % on
 * services and products, PST 7 % on products. Ontario: HST 13 % on both. Alberta: GST 5 % on both.
 * All exclusive (tax added at the till), as is usual in both countries.
 */
export function taxPreset(preset: TaxPreset, opts: { taxServices?: boolean } = {}): TaxSettings {
  const both = ['service', 'product'];
  switch (preset) {
    case 'us_nyc':
      return {
        pricesIncludeTax: false,
        preset,
        rates: [
          {
            code: 'ny_sales',
            name: 'NY Sales Tax',
            nameTranslations: { en: 'NY Sales Tax', 'zh-CN': '纽约销售税', 'zh-TW': '紐約銷售稅' },
            rate: '8.875',
            appliesTo: opts.taxServices ? both : ['product'],
            compound: false,
          },
        ],
      };
    case 'ca_bc':
      return {
        pricesIncludeTax: false,
        preset,
        rates: [
          {
            code: 'gst',
            name: 'GST',
            nameTranslations: { en: 'GST', 'zh-CN': '联邦消费税 GST', 'zh-TW': '聯邦消費稅 GST' },
            rate: '5',
            appliesTo: both,
            compound: false,
          },
          {
            code: 'pst',
            name: 'PST',
            nameTranslations: { en: 'PST', 'zh-CN': '省销售税 PST', 'zh-TW': '省銷售稅 PST' },
            rate: '7',
            appliesTo: ['product'],
            compound: false,
          },
        ],
      };
    case 'ca_on':
      return {
        pricesIncludeTax: false,
        preset,
        rates: [
          {
            code: 'hst',
            name: 'HST',
            nameTranslations: { en: 'HST', 'zh-CN': '统一销售税 HST', 'zh-TW': '統一銷售稅 HST' },
            rate: '13',
            appliesTo: both,
            compound: false,
          },
        ],
      };
    case 'ca_ab':
      return {
        pricesIncludeTax: false,
        preset,
        rates: [
          {
            code: 'gst',
            name: 'GST',
            nameTranslations: { en: 'GST', 'zh-CN': '联邦消费税 GST', 'zh-TW': '聯邦消費稅 GST' },
            rate: '5',
            appliesTo: both,
            compound: false,
          },
        ],
      };
  }
}

/**
 * A stored `stores.tax_settings` text → settings ('{}' and anything unreadable → no tax). A preset's rate
 * saved before presets carried every language gets the preset's names (same code, same English name).
 */
export function parseTaxSettings(text: string | null | undefined): TaxSettings {
  try {
    const v = JSON.parse(text ?? '{}') as Partial<TaxSettings>;
    if (!Array.isArray(v.rates)) return NO_TAX;
    const preset = v.preset ?? null;
    const rates = v.rates.filter((r) => isTaxRate(r.rate));
    const known = (TAX_PRESETS as readonly string[]).includes(preset ?? '') ? taxPreset(preset as TaxPreset).rates : [];
    return {
      pricesIncludeTax: v.pricesIncludeTax === true,
      rates: known.length ? rates.map((r) => withPresetNames(r, known)) : rates,
      preset,
    };
  } catch {
    return NO_TAX;
  }
}

function withPresetNames(rate: TaxRate, preset: readonly TaxRate[]): TaxRate {
  const p = preset.find((x) => x.code === rate.code && x.name === rate.name);
  if (!p?.nameTranslations || LANGUAGE_KEYS.every((l) => rate.nameTranslations?.[l])) return rate;
  return { ...rate, nameTranslations: { ...p.nameTranslations, ...rate.nameTranslations } };
}

const LANGUAGE_KEYS = ['en', 'zh-CN', 'zh-TW'] as const;

/** The JSON a sale's tax row keeps of its rate's names (every language, English included). */
export const rateNamesJson = (rate: Pick<TaxRate, 'name' | 'nameTranslations'>): string =>
  JSON.stringify({ en: rate.name, ...rate.nameTranslations });

/** A sale's stored tax name in a language: its saved translation, else the English name it was saved with. */
export function storedRateName(name: string, translations: string | null | undefined, lang: keyof Translations): string {
  if (!translations || translations === '{}') return name;
  try {
    const t = JSON.parse(translations) as Translations;
    return t[lang] || name;
  } catch {
    return name;
  }
}

/** A rate's name in a language (falls back to its default name). */
export function rateName(rate: Pick<TaxRate, 'name' | 'nameTranslations'>, lang: keyof Translations): string {
  return rate.nameTranslations?.[lang] || rate.name;
}
