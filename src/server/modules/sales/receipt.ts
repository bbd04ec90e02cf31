// Receipts: an 80 mm printable HTML page, plain text for ESC/POS printers (42 columns, CJK counted as
// two), and the emailed HTML receipt, in the client's language unless another is asked for.
import type { Executor } from '../../db/tx.js';
import { PlatformErrors } from '../../platform/errors.js';
import { isLanguage, type Language } from '../../platform/i18n.js';
import { interpolate } from '../../platform/interpolate.js';
import { type Currency, formatMoney } from '../../platform/money.js';
import type { OutgoingMessage } from '../../platform/notifications/index.js';
import { clientRowName } from '../clients/index.js';
import { parseJson, snapshot } from './model.js';
import { word } from './receipt-text.js';
import { allReceiptSections, type StaffShare, tenderKind } from './registry.js';
import { linesOf, refundPartsOf, refundsOf, type SaleRow, taxesOf, tendersOf } from './repo.js';
import { rateName, storedRateName } from './tax.js';
import type { StoreContext } from './ticket.js';

export type ReceiptData = {
  kind: 'sale' | 'refund' | 'void';
  lang: Language;
  currency: Currency;
  store: { name: string; address: string | null; phone: string | null };
  code: string;
  originalCode: string | null;
  at: string;
  clientName: string | null;
  voided: boolean;
  pricesIncludeTax: boolean;
  lines: Array<{ name: string; quantity: number; amount: number; discount: number; technicians: string[] }>;
  subtotal: number;
  discountTotal: number;
  taxes: Array<{ name: string; rate: string; amount: number }>;
  total: number;
  tip: number;
  cashRounding: number;
  paid: number;
  change: number;
  tenders: Array<{ label: string; amount: number }>;
  reason: string | null;
  footer: string | null;
  sections: Array<{ label: string; value: string }>;
};

function when(ms: number, tz: string, lang: Language): string {
  return new Intl.DateTimeFormat(lang, { timeZone: tz, dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

function tenderLabel(kind: string, data: Record<string, unknown>, lang: Language): string {
  const base = tenderKind(kind)?.label[lang] ?? kind;
  const brand = typeof data.brand === 'string' ? ` ${data.brand.toUpperCase()}` : '';
  const last4 = typeof data.last4 === 'string' ? ` ${word('cardEnding', lang)} ${data.last4}` : '';
  const ref = typeof data.method === 'string' ? ` (${data.method}${typeof data.reference === 'string' ? ` ${data.reference}` : ''})` : '';
  return `${base}${brand}${last4}${ref}`;
}

/** Everything a receipt prints, for a sale or one of its refunds / its void. */
export async function loadReceipt(
  db: Executor,
  sale: SaleRow,
  sc: StoreContext,
  opts: { lang?: Language | undefined; refundId?: string | undefined },
): Promise<ReceiptData> {
  const client = sale.client_id
    ? await db
        .selectFrom('clients')
        .select(['first_name', 'last_name', 'preferred_name', 'language'])
        .where('id', '=', sale.client_id)
        .executeTakeFirst()
    : undefined;
  const fallback = sale.receipt_language ?? client?.language;
  const lang: Language = opts.lang ?? (isLanguage(fallback) ? fallback : 'en');
  const [lines, tenders, taxes, refunds] = await Promise.all([
    linesOf(db, sale.id),
    tendersOf(db, sale.id),
    taxesOf(db, sale.id),
    refundsOf(db, sale.id),
  ]);
  const staffIds = [...new Set(lines.flatMap((l) => parseJson<StaffShare[]>(l.staff, []).map((s) => s.staffId)))];
  const staffNames = new Map(
    staffIds.length
      ? (await db.selectFrom('staff').select(['id', 'display_name']).where('id', 'in', staffIds).execute()).map((s) => [
          s.id,
          s.display_name,
        ])
      : [],
  );
  const nameOf = (l: (typeof lines)[number]) => parseJson<Record<string, string>>(l.name_translations, {})[lang] || l.name;
  // Tax names as the sale saved them, in `lang` (a rate renamed or removed since prints as it was); rows
  // saved without translations fall back to the store's current rate of the same code and name.
  const savedTax = new Map(taxes.map((t) => [t.code, t]));
  const taxName = (code: string) => {
    const saved = savedTax.get(code);
    if (saved && saved.name_translations !== '{}') return storedRateName(saved.name, saved.name_translations, lang);
    const rate = sc.tax.rates.find((r) => r.code === code && (!saved || r.name === saved.name));
    return rate ? rateName(rate, lang) : (saved?.name ?? code);
  };
  const taxRate = (code: string) => savedTax.get(code)?.rate ?? sc.tax.rates.find((r) => r.code === code)?.rate ?? '';
  const base = {
    lang,
    currency: sc.currency,
    store: { name: sc.store.name, address: sc.store.address, phone: sc.store.phone },
    clientName: client ? clientRowName(client) : null,
    pricesIncludeTax: sc.tax.pricesIncludeTax,
    footer: sc.settings.receiptFooter,
  };

  if (opts.refundId) {
    const refund = refunds.find((r) => r.id === opts.refundId);
    if (!refund) throw PlatformErrors.not_found();
    const parts = await refundPartsOf(db, [refund.id]);
    const byRate = new Map<string, number>();
    for (const p of parts.lines)
      for (const t of parseJson<Array<{ code: string; amount: number }>>(p.taxes, []))
        byRate.set(t.code, (byRate.get(t.code) ?? 0) + t.amount);
    const lineById = new Map(lines.map((l) => [l.id, l]));
    return {
      ...base,
      kind: refund.kind === 'void' ? 'void' : 'refund',
      code: refund.receipt_code,
      originalCode: sale.receipt_code,
      at: when(refund.created_at, sc.store.time_zone, lang),
      voided: false,
      lines: parts.lines.map((p) => ({
        name: nameOf(lineById.get(p.line_id)!),
        quantity: p.quantity,
        amount: p.total,
        discount: 0,
        technicians: [],
      })),
      subtotal: parts.lines.reduce((a, p) => a + p.total, 0),
      discountTotal: 0,
      taxes: [...byRate].filter(([, a]) => a !== 0).map(([code, amount]) => ({ name: taxName(code), rate: taxRate(code), amount })),
      total: refund.total - refund.tip - refund.cash_rounding,
      tip: refund.tip,
      cashRounding: refund.cash_rounding,
      paid: refund.total,
      change: 0,
      tenders: parts.tenders.map((t) => {
        const tender = tenders.find((x) => x.id === t.tender_id);
        return { label: tenderLabel(t.kind, parseJson(tender?.data ?? '{}', {}), lang), amount: t.amount };
      }),
      reason: refund.reason,
      sections: [],
    };
  }

  const byRate = new Map<string, { name: string; rate: string; amount: number }>();
  for (const t of taxes) {
    const cur = byRate.get(t.code) ?? { name: taxName(t.code), rate: t.rate, amount: 0 };
    cur.amount += t.amount;
    byRate.set(t.code, cur);
  }
  const snap = snapshot(sale, lines, tenders);
  const sections: ReceiptData['sections'] = [];
  for (const s of allReceiptSections()) sections.push(...(await s.lines(db, snap, lang)));
  return {
    ...base,
    kind: 'sale',
    code: sale.receipt_code ?? '',
    originalCode: null,
    at: when(sale.completed_at ?? sale.created_at, sc.store.time_zone, lang),
    voided: sale.status === 'voided',
    lines: lines.map((l) => ({
      name: nameOf(l),
      quantity: l.quantity,
      amount: l.gross,
      discount: l.line_discount + l.ticket_discount,
      technicians: parseJson<StaffShare[]>(l.staff, []).map((s) => staffNames.get(s.staffId) ?? ''),
    })),
    subtotal: sale.subtotal,
    discountTotal: sale.discount_total,
    taxes: [...byRate.values()],
    total: sale.total,
    tip: sale.tip_total,
    cashRounding: sale.cash_rounding,
    paid: sale.amount_paid,
    change: sale.change_due,
    tenders: tenders.map((t) => ({ label: tenderLabel(t.kind, parseJson(t.data, {}), lang), amount: t.amount })),
    reason: sale.void_reason,
    sections,
  };
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function title(r: ReceiptData): string {
  return word(r.kind === 'sale' ? 'receipt' : r.kind === 'void' ? 'voidReceipt' : 'refundReceipt', r.lang);
}

/** Summary rows below the lines, shared by HTML and text. */
function summary(r: ReceiptData): Array<[string, string, boolean?]> {
  const m = (n: number) => formatMoney(n, r.currency, r.lang);
  const rows: Array<[string, string, boolean?]> = [];
  if (r.kind === 'sale') {
    rows.push([word('subtotal', r.lang), m(r.subtotal)]);
    if (r.discountTotal) rows.push([word('discount', r.lang), m(-r.discountTotal)]);
  }
  for (const t of r.taxes)
    rows.push([`${r.pricesIncludeTax ? `${word('taxIncluded', r.lang)} ` : ''}${t.name}${t.rate ? ` ${t.rate}%` : ''}`, m(t.amount)]);
  rows.push([word(r.kind === 'sale' ? 'total' : 'refundTotal', r.lang), m(r.total), true]);
  if (r.tip) rows.push([word('tip', r.lang), m(r.tip)]);
  if (r.cashRounding) rows.push([word('cashRounding', r.lang), m(r.cashRounding)]);
  if (r.tip || r.cashRounding) rows.push([word('amountPaid', r.lang), m(r.paid), true]);
  for (const t of r.tenders) rows.push([t.label, m(t.amount)]);
  if (r.change) rows.push([word('change', r.lang), m(r.change), true]);
  return rows;
}

export function renderReceiptHtml(r: ReceiptData): string {
  const m = (n: number) => formatMoney(n, r.currency, r.lang);
  const lines = r.lines
    .map(
      (l) =>
        `<tr><td>${l.quantity > 1 ? `${l.quantity} × ` : ''}${esc(l.name)}${l.technicians.filter(Boolean).length ? `<div class="sub">${esc(l.technicians.filter(Boolean).join(' / '))}</div>` : ''}${l.discount ? `<div class="sub">${esc(word('discount', r.lang))} ${m(-l.discount)}</div>` : ''}</td><td class="amt">${m(l.amount)}</td></tr>`,
    )
    .join('');
  const rows = summary(r)
    .map(([k, v, strong]) => `<tr${strong ? ' class="strong"' : ''}><td>${esc(k)}</td><td class="amt">${esc(v)}</td></tr>`)
    .join('');
  const sections = r.sections.length
    ? `<h2>${esc(word('balances', r.lang))}</h2><table>${r.sections.map((s) => `<tr><td>${esc(s.label)}</td><td class="amt">${esc(s.value)}</td></tr>`).join('')}</table>`
    : '';
  return `<!doctype html>
<html lang="${r.lang}"><head><meta charset="utf-8"><title>${esc(title(r))} ${esc(r.code)}</title>
<style>
@page { size: 80mm auto; margin: 3mm; }
body { width: 72mm; margin: 0 auto; font: 12px/1.35 "Helvetica Neue", Arial, "PingFang SC", "Microsoft YaHei", sans-serif; color: #000; }
h1 { font-size: 16px; text-align: center; margin: 0 0 2px; } h2 { font-size: 13px; margin: 8px 0 2px; }
.center { text-align: center; } .sub { font-size: 11px; color: #333; } table { width: 100%; border-collapse: collapse; }
td { vertical-align: top; padding: 1px 0; } .amt { text-align: right; white-space: nowrap; padding-left: 6px; }
.strong td { font-weight: bold; } hr { border: 0; border-top: 1px dashed #000; margin: 6px 0; }
.stamp { text-align: center; font-size: 18px; font-weight: bold; border: 2px solid #000; margin: 6px 0; }
@media screen { body { padding: 12px; background: #fff; box-shadow: 0 0 4px #aaa; } }
</style></head><body>
<h1>${esc(r.store.name)}</h1>
${r.store.address ? `<div class="center">${esc(r.store.address)}</div>` : ''}${r.store.phone ? `<div class="center">${esc(r.store.phone)}</div>` : ''}
<hr><div>${esc(r.kind === 'sale' ? word('receiptNo', r.lang) : title(r))} <strong>${esc(r.code)}</strong></div>
${r.originalCode ? `<div>${esc(word('originalReceipt', r.lang))} ${esc(r.originalCode)}</div>` : ''}
<div>${esc(word('date', r.lang))} ${esc(r.at)}</div>${r.clientName ? `<div>${esc(word('client', r.lang))} ${esc(r.clientName)}</div>` : ''}
${r.voided ? `<div class="stamp">${esc(word('voided', r.lang))}</div>` : ''}
<hr><table>${lines}</table><hr><table>${rows}</table>
${r.reason ? `<div>${esc(word('reason', r.lang))}: ${esc(r.reason)}</div>` : ''}${sections}
<hr><div class="center">${esc(r.footer ?? word('thanks', r.lang))}</div>
</body></html>`;
}

/** Terminal columns a string takes: CJK and full-width characters count two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}

function cut(s: string, width: number): string {
  let out = '';
  for (const ch of s) {
    if (displayWidth(out + ch) > width) break;
    out += ch;
  }
  return out;
}

export function renderReceiptText(r: ReceiptData, width = 42): string {
  const m = (n: number) => formatMoney(n, r.currency, r.lang);
  const center = (s: string) => ' '.repeat(Math.max(0, Math.floor((width - displayWidth(s)) / 2))) + s;
  const pair = (left: string, right: string) => {
    const l = cut(left, width - displayWidth(right) - 1);
    return l + ' '.repeat(Math.max(1, width - displayWidth(l) - displayWidth(right))) + right;
  };
  const rule = '-'.repeat(width);
  const out: string[] = [center(r.store.name)];
  if (r.store.address) out.push(center(r.store.address));
  if (r.store.phone) out.push(center(r.store.phone));
  out.push(rule, `${r.kind === 'sale' ? word('receiptNo', r.lang) : title(r)} ${r.code}`);
  if (r.originalCode) out.push(`${word('originalReceipt', r.lang)} ${r.originalCode}`);
  out.push(`${word('date', r.lang)} ${r.at}`);
  if (r.clientName) out.push(`${word('client', r.lang)} ${r.clientName}`);
  if (r.voided) out.push(center(`*** ${word('voided', r.lang)} ***`));
  out.push(rule);
  for (const l of r.lines) {
    out.push(pair(`${l.quantity > 1 ? `${l.quantity} x ` : ''}${l.name}`, m(l.amount)));
    const techs = l.technicians.filter(Boolean);
    if (techs.length) out.push(`  ${cut(techs.join(' / '), width - 2)}`);
    if (l.discount) out.push(pair(`  ${word('discount', r.lang)}`, m(-l.discount)));
  }
  out.push(rule);
  for (const [k, v] of summary(r)) out.push(pair(k, v));
  if (r.reason) out.push(`${word('reason', r.lang)}: ${r.reason}`);
  if (r.sections.length) {
    out.push(rule, word('balances', r.lang));
    for (const s of r.sections) out.push(pair(s.label, s.value));
  }
  out.push(rule, center(r.footer ?? word('thanks', r.lang)), '');
  return out.join('\n');
}

/** The emailed receipt for a completed sale, or null when the client has no email address. */
export async function receiptEmail(db: Executor, sale: SaleRow, sc: StoreContext, lang?: Language): Promise<OutgoingMessage | null> {
  if (!sale.client_id) return null;
  const client = await db.selectFrom('clients').select(['email']).where('id', '=', sale.client_id).executeTakeFirst();
  if (!client?.email) return null;
  const data = await loadReceipt(db, sale, sc, { lang });
  return {
    channel: 'email',
    to: client.email,
    subject: interpolate(word('emailSubject', data.lang), { code: data.code, store: data.store.name }),
    text: renderReceiptText(data),
    html: renderReceiptHtml(data),
  };
}
