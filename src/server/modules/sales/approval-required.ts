// 403 approval_required, worded in the caller's language with the amount in the store's currency. The
// problem handler picks the language when it answers, so every language's text rides along as a param
// (what_en, what_zh_CN, what_zh_TW) and the catalog's detail of each language uses its own.
import type { AppError } from '../../platform/errors.js';
import type { Messages } from '../../platform/i18n.js';
import { interpolate } from '../../platform/interpolate.js';
import { type Currency, formatMoney } from '../../platform/money.js';
import { SalesErrors } from './errors.js';

const WHAT = {
  line_discount: { en: 'This discount ({amount})', 'zh-CN': '此折扣（{amount}）', 'zh-TW': '此折扣（{amount}）' },
  ticket_discount: { en: 'This ticket discount ({amount})', 'zh-CN': '此整单折扣（{amount}）', 'zh-TW': '此整單折扣（{amount}）' },
  refund: { en: 'A refund of {amount}', 'zh-CN': '退款 {amount} ', 'zh-TW': '退款 {amount} ' },
  void: { en: 'Voiding a sale', 'zh-CN': '作废销售', 'zh-TW': '作廢銷售' },
} satisfies Record<string, Messages>;

export type ApprovalReason = keyof typeof WHAT;

export function approvalRequired(reason: ApprovalReason, amount: number, currency: Currency): AppError {
  const text = (lang: keyof Messages) => interpolate(WHAT[reason][lang], { amount: formatMoney(amount, currency, lang) });
  return SalesErrors.approval_required({ what_en: text('en'), what_zh_CN: text('zh-CN'), what_zh_TW: text('zh-TW') });
}
