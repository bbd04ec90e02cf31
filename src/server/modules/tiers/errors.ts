import { defineErrors } from '../../platform/errors.js';

export const TierErrors = defineErrors({
  tier_discount_not_applicable: {
    status: 422,
    title: {
      en: 'This tier discount does not apply to this client',
      'zh-CN': '此会员等级折扣不适用于该会员',
      'zh-TW': '此會員等級折扣不適用於該會員',
    },
    detail: {
      en: 'Use the client’s current tier (its id as the source ref) and at most its discount percent.',
      'zh-CN': '请使用会员当前等级（以等级编号作为来源），折扣不得超过该等级的折扣比例。',
      'zh-TW': '請使用會員目前等級（以等級編號作為來源），折扣不得超過該等級的折扣比例。',
    },
  },
});
