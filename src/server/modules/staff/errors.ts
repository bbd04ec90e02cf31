import { defineErrors } from '../../platform/errors.js';

export const StaffErrors = defineErrors({
  email_taken: {
    status: 409,
    title: { en: 'Someone already uses this email', 'zh-CN': '此邮箱已被使用', 'zh-TW': '此電子郵件已被使用' },
  },
  unknown_store: {
    status: 422,
    title: { en: 'One of the stores does not exist', 'zh-CN': '所选门店中有不存在的门店', 'zh-TW': '所選門市中有不存在的門市' },
  },
  last_owner: {
    status: 422,
    title: {
      en: 'The business needs at least one active owner',
      'zh-CN': '企业至少需要一位在职的店主',
      'zh-TW': '企業至少需要一位在職的店主',
    },
  },
});
