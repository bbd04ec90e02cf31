import { defineErrors } from '../../platform/errors.js';

export const WalletErrors = defineErrors({
  wallet_client_required: {
    status: 422,
    title: { en: 'Choose the client first', 'zh-CN': '请先选择会员', 'zh-TW': '請先選擇會員' },
    detail: {
      en: 'Stored value belongs to a client: put a client on the ticket to top up or pay with it.',
      'zh-CN': '储值属于会员本人：请先在单据上选择会员，再充值或使用储值付款。',
      'zh-TW': '儲值屬於會員本人：請先在單據上選擇會員，再加值或使用儲值付款。',
    },
  },
  wallet_store_restricted: {
    status: 422,
    title: {
      en: 'Stored value cannot be used at this store',
      'zh-CN': '此门店不能使用储值',
      'zh-TW': '此門市不能使用儲值',
    },
    detail: {
      en: 'Head office limits this client’s stored value to: {stores}.',
      'zh-CN': '总部规定该会员的储值只能在以下门店使用：{stores}。',
      'zh-TW': '總部規定該會員的儲值只能在以下門市使用：{stores}。',
    },
  },
  top_up_amount_out_of_range: {
    status: 422,
    title: { en: 'This top-up amount is not allowed', 'zh-CN': '充值金额不在允许范围内', 'zh-TW': '加值金額不在允許範圍內' },
    detail: {
      en: 'A top-up is between {min} and {max}.',
      'zh-CN': '充值金额须在 {min} 至 {max} 之间。',
      'zh-TW': '加值金額須在 {min} 至 {max} 之間。',
    },
  },
  top_up_spent: {
    status: 422,
    title: {
      en: 'Only the unspent part of a top-up can be refunded',
      'zh-CN': '只能退还充值中尚未使用的部分',
      'zh-TW': '只能退還加值中尚未使用的部分',
    },
    detail: {
      en: 'At most {available} of this top-up can still be refunded.',
      'zh-CN': '此笔充值最多还能退 {available}。',
      'zh-TW': '此筆加值最多還能退 {available}。',
    },
  },
  bonus_over_cap: {
    status: 422,
    title: {
      en: 'This bonus is above the limit set by head office',
      'zh-CN': '赠送金额超过总部设定的上限',
      'zh-TW': '贈送金額超過總部設定的上限',
    },
    detail: {
      en: 'Paying {pay} may give at most {max} bonus.',
      'zh-CN': '充值 {pay} 最多赠送 {max}。',
      'zh-TW': '加值 {pay} 最多贈送 {max}。',
    },
  },
  wallet_confirmation_required: {
    status: 422,
    title: {
      en: 'The client must confirm this payment with a one-time code',
      'zh-CN': '需要会员用验证码确认此笔付款',
      'zh-TW': '需要會員以驗證碼確認此筆付款',
    },
  },
  wallet_code_invalid: {
    status: 422,
    title: { en: 'The confirmation code is wrong or has expired', 'zh-CN': '验证码错误或已过期', 'zh-TW': '驗證碼錯誤或已過期' },
  },
  wallet_no_contact: {
    status: 422,
    title: {
      en: 'The client has no phone or email to send a code to',
      'zh-CN': '会员没有可接收验证码的手机或邮箱',
      'zh-TW': '會員沒有可接收驗證碼的手機或電子郵件',
    },
  },
});
