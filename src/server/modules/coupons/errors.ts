import { AppError, defineErrors } from '../../platform/errors.js';
import type { NotApplicableReason } from './rules.js';

export const CouponErrors = defineErrors({
  coupon_exhausted: {
    status: 422,
    title: { en: 'This coupon has been used up', 'zh-CN': '此优惠券已用完', 'zh-TW': '此優惠券已用完' },
    detail: {
      en: 'Its use limit ({limit}) is reached.',
      'zh-CN': '已达到使用次数上限（{limit}）。',
      'zh-TW': '已達到使用次數上限（{limit}）。',
    },
  },
  coupon_not_applicable: {
    status: 422,
    title: { en: 'This coupon cannot be used here', 'zh-CN': '此优惠券不适用', 'zh-TW': '此優惠券不適用' },
    detail: { en: 'Reason: {reason_en}.', 'zh-CN': '原因：{reason_zh_CN}。', 'zh-TW': '原因：{reason_zh_TW}。' },
  },
  coupon_code_taken: {
    status: 409,
    title: { en: 'Another coupon already uses this code', 'zh-CN': '已有其他优惠券使用此代码', 'zh-TW': '已有其他優惠券使用此代碼' },
  },
  coupon_limit_below_used: {
    status: 422,
    title: {
      en: 'The limit cannot be lower than the uses already made',
      'zh-CN': '上限不能低于已使用次数',
      'zh-TW': '上限不能低於已使用次數',
    },
  },
});

const REASONS: Record<NotApplicableReason, Record<'en' | 'zh-CN' | 'zh-TW', string>> = {
  inactive: { en: 'the coupon is not active', 'zh-CN': '优惠券未启用', 'zh-TW': '優惠券未啟用' },
  not_started: { en: 'the coupon is not valid yet', 'zh-CN': '优惠券尚未生效', 'zh-TW': '優惠券尚未生效' },
  ended: { en: 'the coupon has expired', 'zh-CN': '优惠券已过期', 'zh-TW': '優惠券已過期' },
  store: { en: 'not valid at this store', 'zh-CN': '本门店不可用', 'zh-TW': '本門市不可用' },
  min_spend: { en: 'the minimum spend is not reached', 'zh-CN': '未达到最低消费', 'zh-TW': '未達到最低消費' },
  client_required: { en: 'it needs a client on the ticket', 'zh-CN': '需要在单据上选择会员', 'zh-TW': '需要在單據上選擇會員' },
  not_issued: { en: 'it was not issued to this client', 'zh-CN': '未发放给该会员', 'zh-TW': '未發放給該會員' },
  discount_too_large: { en: 'the discount is more than the coupon gives', 'zh-CN': '折扣超过优惠券面额', 'zh-TW': '折扣超過優惠券面額' },
  wrong_kind: { en: 'the discount type does not match the coupon', 'zh-CN': '折扣类型与优惠券不符', 'zh-TW': '折扣類型與優惠券不符' },
  not_stackable: {
    en: 'it cannot be combined with other coupons',
    'zh-CN': '不可与其他优惠券同时使用',
    'zh-TW': '不可與其他優惠券同時使用',
  },
  not_with_tier: {
    en: 'it cannot be combined with the member discount',
    'zh-CN': '不可与会员等级折扣同时使用',
    'zh-TW': '不可與會員等級折扣同時使用',
  },
  not_with_manual: {
    en: 'it cannot be combined with a discount given at the desk',
    'zh-CN': '不可与前台手动折扣同时使用',
    'zh-TW': '不可與櫃台手動折扣同時使用',
  },
  duplicate: { en: 'it is already on this ticket', 'zh-CN': '此单据已使用该优惠券', 'zh-TW': '此單據已使用該優惠券' },
  category: {
    en: 'nothing on the ticket is in its categories or is its free service',
    'zh-CN': '单据上没有适用类别的项目或指定的免费服务',
    'zh-TW': '單據上沒有適用類別的項目或指定的免費服務',
  },
};

/** 422 coupon_not_applicable with a machine-readable `reason` member beside the human text. */
export function notApplicable(reason: NotApplicableReason): AppError {
  const r = REASONS[reason];
  const base = CouponErrors.coupon_not_applicable({ reason_en: r.en, reason_zh_CN: r['zh-CN'], reason_zh_TW: r['zh-TW'] });
  return new AppError(base.code, base.status, base.params, [], {}, { reason });
}

export function exhausted(limit: 'total' | 'client', n: number | null): AppError {
  const base = CouponErrors.coupon_exhausted({ limit: n ?? '' });
  return new AppError(base.code, base.status, base.params, [], {}, { limit });
}
