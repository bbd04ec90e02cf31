// Receipt wording in the three languages.
import type { Language, Messages } from '../../platform/i18n.js';

const M = {
  receipt: { en: 'Receipt', 'zh-CN': '收据', 'zh-TW': '收據' },
  refundReceipt: { en: 'Refund', 'zh-CN': '退款单', 'zh-TW': '退款單' },
  voidReceipt: { en: 'Void', 'zh-CN': '作废单', 'zh-TW': '作廢單' },
  voided: { en: 'VOIDED', 'zh-CN': '已作废', 'zh-TW': '已作廢' },
  receiptNo: { en: 'Receipt no.', 'zh-CN': '收据号', 'zh-TW': '收據號' },
  originalReceipt: { en: 'Original receipt', 'zh-CN': '原收据', 'zh-TW': '原收據' },
  date: { en: 'Date', 'zh-CN': '日期', 'zh-TW': '日期' },
  client: { en: 'Client', 'zh-CN': '客户', 'zh-TW': '客戶' },
  technician: { en: 'Technician', 'zh-CN': '技师', 'zh-TW': '技師' },
  subtotal: { en: 'Subtotal', 'zh-CN': '小计', 'zh-TW': '小計' },
  discount: { en: 'Discount', 'zh-CN': '折扣', 'zh-TW': '折扣' },
  ticketDiscount: { en: 'Ticket discount', 'zh-CN': '整单折扣', 'zh-TW': '整單折扣' },
  tax: { en: 'Tax', 'zh-CN': '税', 'zh-TW': '稅' },
  taxIncluded: { en: 'incl.', 'zh-CN': '含', 'zh-TW': '含' },
  total: { en: 'Total', 'zh-CN': '合计', 'zh-TW': '合計' },
  tip: { en: 'Tip', 'zh-CN': '小费', 'zh-TW': '小費' },
  cashRounding: { en: 'Cash rounding', 'zh-CN': '现金尾数调整', 'zh-TW': '現金尾數調整' },
  amountPaid: { en: 'Paid', 'zh-CN': '实付', 'zh-TW': '實付' },
  change: { en: 'Change', 'zh-CN': '找零', 'zh-TW': '找零' },
  tendered: { en: 'Tendered', 'zh-CN': '收款', 'zh-TW': '收款' },
  refunded: { en: 'Refunded', 'zh-CN': '已退款', 'zh-TW': '已退款' },
  refundTotal: { en: 'Total refunded', 'zh-CN': '退款合计', 'zh-TW': '退款合計' },
  reason: { en: 'Reason', 'zh-CN': '原因', 'zh-TW': '原因' },
  balances: { en: 'Your balances', 'zh-CN': '您的余额', 'zh-TW': '您的餘額' },
  thanks: { en: 'Thank you for your visit!', 'zh-CN': '感谢您的光临！', 'zh-TW': '感謝您的光臨！' },
  emailSubject: { en: 'Your receipt {code} from {store}', 'zh-CN': '{store} 的收据 {code}', 'zh-TW': '{store} 的收據 {code}' },
  cardEnding: { en: 'ending', 'zh-CN': '尾号', 'zh-TW': '末四碼' },
} satisfies Record<string, Messages>;

export type ReceiptWord = keyof typeof M;
export const word = (key: ReceiptWord, lang: Language): string => M[key][lang];
