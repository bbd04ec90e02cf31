import { defineErrors } from '../../platform/errors.js';

export const GiftCardErrors = defineErrors({
  gift_card_expired: {
    status: 422,
    title: { en: 'This gift card has expired', 'zh-CN': '此礼品卡已过期', 'zh-TW': '此禮品卡已過期' },
    detail: { en: 'It expired on {date}.', 'zh-CN': '已于 {date} 过期。', 'zh-TW': '已於 {date} 過期。' },
  },
  gift_card_inactive: {
    status: 422,
    title: { en: 'This gift card is not active', 'zh-CN': '此礼品卡未激活或已作废', 'zh-TW': '此禮品卡未啟用或已作廢' },
    detail: {
      en: 'A gift card works once the sale that sold it is completed, and not after it was refunded or voided.',
      'zh-CN': '礼品卡在售卡的单据结账后才能使用，退款或作废后不能再用。',
      'zh-TW': '禮品卡在售卡的單據結帳後才能使用，退款或作廢後不能再用。',
    },
  },
  gift_card_replaced: {
    status: 422,
    title: { en: 'This gift card was replaced', 'zh-CN': '此礼品卡已换新卡', 'zh-TW': '此禮品卡已換新卡' },
    detail: {
      en: 'Its balance moved to a replacement card: use the new card.',
      'zh-CN': '余额已转入补发的新卡，请使用新卡。',
      'zh-TW': '餘額已轉入補發的新卡，請使用新卡。',
    },
  },
  gift_card_unknown: {
    status: 422,
    title: { en: 'No gift card has this number', 'zh-CN': '没有这个卡号的礼品卡', 'zh-TW': '沒有這個卡號的禮品卡' },
  },
  gift_card_code_invalid: {
    status: 422,
    title: { en: 'This gift card number is not valid', 'zh-CN': '礼品卡号无效', 'zh-TW': '禮品卡號無效' },
    detail: {
      en: 'Check the number: a generated code is 16 characters and its last one is a check character.',
      'zh-CN': '请核对卡号：系统生成的卡号为 16 位，最后一位是校验位。',
      'zh-TW': '請核對卡號：系統產生的卡號為 16 位，最後一位是檢查碼。',
    },
  },
  gift_card_code_taken: {
    status: 409,
    title: { en: 'A gift card with this number already exists', 'zh-CN': '已有相同卡号的礼品卡', 'zh-TW': '已有相同卡號的禮品卡' },
    detail: {
      en: 'Use another card, or sell it as a reload of the existing one.',
      'zh-CN': '请换一张卡，或作为该卡的充值出售。',
      'zh-TW': '請換一張卡，或作為該卡的加值出售。',
    },
  },
  gift_card_amount_out_of_range: {
    status: 422,
    title: { en: 'This gift card amount is not allowed', 'zh-CN': '礼品卡金额不在允许范围内', 'zh-TW': '禮品卡金額不在允許範圍內' },
    detail: {
      en: 'Choose between {min} and {max}.',
      'zh-CN': '请选择 {min} 至 {max} 之间的金额。',
      'zh-TW': '請選擇 {min} 至 {max} 之間的金額。',
    },
  },
  gift_card_unknown_design: {
    status: 422,
    title: { en: 'There is no such gift card design', 'zh-CN': '没有这个礼品卡款式', 'zh-TW': '沒有這個禮品卡款式' },
  },
  gift_card_not_found: {
    status: 404,
    title: { en: 'Gift card not found', 'zh-CN': '未找到礼品卡', 'zh-TW': '找不到禮品卡' },
    detail: {
      en: 'Check the number on the card and try again.',
      'zh-CN': '请核对卡上的号码后再试。',
      'zh-TW': '請核對卡上的號碼後再試。',
    },
  },
});
