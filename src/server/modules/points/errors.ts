import { defineErrors } from '../../platform/errors.js';

export const PointsErrors = defineErrors({
  points_disabled: {
    status: 422,
    title: { en: 'Points are turned off for this business', 'zh-CN': '本店未开启积分', 'zh-TW': '本店未開啟積分' },
  },
  points_client_required: {
    status: 422,
    title: { en: 'Choose the client first', 'zh-CN': '请先选择会员', 'zh-TW': '請先選擇會員' },
    detail: {
      en: 'Points belong to a client: put a client on the ticket to pay with points.',
      'zh-CN': '积分属于会员本人：请先在单据上选择会员，再用积分付款。',
      'zh-TW': '積分屬於會員本人：請先在單據上選擇會員，再用積分付款。',
    },
  },
  points_below_minimum: {
    status: 422,
    title: { en: 'Too few points to redeem', 'zh-CN': '积分不足最低兑换数量', 'zh-TW': '積分未達最低兌換數量' },
    detail: {
      en: 'At least {min} points must be redeemed at a time; this needs {points}.',
      'zh-CN': '每次至少兑换 {min} 积分；本次为 {points}。',
      'zh-TW': '每次至少兌換 {min} 積分；本次為 {points}。',
    },
  },
  points_discount_mismatch: {
    status: 422,
    title: {
      en: 'The discount is worth more than the points redeemed',
      'zh-CN': '折扣金额超过所兑换积分的价值',
      'zh-TW': '折扣金額超過所兌換積分的價值',
    },
    detail: {
      en: '{points} points are worth at most {max}.',
      'zh-CN': '{points} 积分最多抵 {max}。',
      'zh-TW': '{points} 積分最多抵 {max}。',
    },
  },
});
