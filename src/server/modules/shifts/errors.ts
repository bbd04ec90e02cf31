import { defineErrors } from '../../platform/errors.js';

export const ShiftErrors = defineErrors({
  shift_already_open: {
    status: 409,
    title: { en: 'This drawer already has an open shift', 'zh-CN': '此钱箱已有未结班次', 'zh-TW': '此錢箱已有未結班次' },
    detail: {
      en: 'Close the open shift of drawer “{drawer}” before opening another.',
      'zh-CN': '请先结束钱箱“{drawer}”的当前班次，再开新班。',
      'zh-TW': '請先結束錢箱「{drawer}」的目前班次，再開新班。',
    },
  },
  shift_not_open: {
    status: 409,
    title: { en: 'This shift is already closed', 'zh-CN': '此班次已结束', 'zh-TW': '此班次已結束' },
  },
  unknown_denomination: {
    status: 400,
    title: { en: 'Unknown bill or coin', 'zh-CN': '无效的纸币或硬币面额', 'zh-TW': '無效的紙鈔或硬幣面額' },
    detail: {
      en: '{denomination} is not a {currency} bill or coin (in cents).',
      'zh-CN': '{denomination} 不是 {currency} 的纸币或硬币面额（以分为单位）。',
      'zh-TW': '{denomination} 不是 {currency} 的紙鈔或硬幣面額（以分為單位）。',
    },
  },
});
