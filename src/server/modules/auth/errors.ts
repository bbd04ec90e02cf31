import { defineErrors } from '../../platform/errors.js';

export const AuthErrors = defineErrors({
  invalid_credentials: {
    status: 401,
    title: { en: 'Email or password is incorrect', 'zh-CN': '邮箱或密码不正确', 'zh-TW': '電子郵件或密碼不正確' },
  },
  weak_password: {
    status: 422,
    title: { en: 'This password is too weak', 'zh-CN': '密码强度不够', 'zh-TW': '密碼強度不足' },
    detail: {
      en: 'Use at least 10 characters and avoid common passwords.',
      'zh-CN': '请至少使用 10 个字符，并避免常见密码。',
      'zh-TW': '請至少使用 10 個字元，並避免常見密碼。',
    },
  },
  invalid_pin: {
    status: 401,
    title: { en: 'Wrong PIN', 'zh-CN': 'PIN 码错误', 'zh-TW': 'PIN 碼錯誤' },
    detail: {
      en: 'Wrong PIN. {remaining} tries left before it locks for 15 minutes.',
      'zh-CN': 'PIN 码错误。再错 {remaining} 次将锁定 15 分钟。',
      'zh-TW': 'PIN 碼錯誤。再錯 {remaining} 次將鎖定 15 分鐘。',
    },
  },
  pin_locked: {
    status: 423,
    title: { en: 'This PIN is locked', 'zh-CN': '此 PIN 码已锁定', 'zh-TW': '此 PIN 碼已鎖定' },
    detail: {
      en: 'Too many wrong PINs. Try again in {minutes} minutes or sign in with your password.',
      'zh-CN': 'PIN 码错误次数过多，请 {minutes} 分钟后再试，或使用密码登录。',
      'zh-TW': 'PIN 碼錯誤次數過多，請 {minutes} 分鐘後再試，或使用密碼登入。',
    },
  },
  terminal_required: {
    status: 403,
    title: {
      en: 'This browser is not registered as a store terminal',
      'zh-CN': '此浏览器尚未登记为门店终端',
      'zh-TW': '此瀏覽器尚未登記為門市終端',
    },
  },
});
