import { AppError, defineErrors } from '../../platform/errors.js';
import { formatMoney } from '../../platform/money.js';
import type { Unit } from './ledger.js';

export const LedgerErrors = defineErrors({
  insufficient_balance: {
    status: 422,
    title: { en: 'The balance is not enough', 'zh-CN': '余额不足', 'zh-TW': '餘額不足' },
    detail: {
      en: 'Available: {availableText}; needed: {requestedText}.',
      'zh-CN': '可用：{availableText}；所需：{requestedText}。',
      'zh-TW': '可用：{availableText}；所需：{requestedText}。',
    },
  },
  ledger_amount_invalid: {
    status: 422,
    title: { en: 'The amount is not valid', 'zh-CN': '金额无效', 'zh-TW': '金額無效' },
    detail: {
      en: 'Amounts are whole numbers of cents, points or uses, other than zero and at most {max}.',
      'zh-CN': '金额须为非零整数（分、积分或次数），且不超过 {max}。',
      'zh-TW': '金額須為非零整數（分、積分或次數），且不超過 {max}。',
    },
  },
});

/** The text shown for an amount of a unit: "$12.34" for cents, "120" for points and uses. */
export function unitText(amount: number, unit: Unit): string {
  return unit === 'cents' ? formatMoney(amount, 'USD', 'en') : String(amount);
}

/**
 * 422 insufficient_balance, with the amounts as top-level members of the problem (`available`,
 * `requested`, `unit`) so a client can offer "top up" or "pay the rest another way".
 */
export function insufficientBalance(p: { available: number; requested: number; unit: Unit; account?: string }): AppError {
  const base = LedgerErrors.insufficient_balance({
    availableText: unitText(p.available, p.unit),
    requestedText: unitText(p.requested, p.unit),
  });
  return new AppError(
    base.code,
    base.status,
    base.params,
    [],
    {},
    {
      available: p.available,
      requested: p.requested,
      unit: p.unit,
      ...(p.account ? { account: p.account } : {}),
    },
  );
}
