import { defineErrors } from '../../platform/errors.js';

export const SetupErrors = defineErrors({
  already_set_up: {
    status: 409,
    title: { en: 'Orchid is already set up', 'zh-CN': 'Orchid 已完成初始设置', 'zh-TW': 'Orchid 已完成初始設定' },
    detail: {
      en: 'This Orchid already has a business. Sign in instead.',
      'zh-CN': '此 Orchid 已有企业信息，请直接登录。',
      'zh-TW': '此 Orchid 已有企業資料，請直接登入。',
    },
  },
});
