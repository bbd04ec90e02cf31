// Client messages about appointments, in the client's language. Every template exists in en, zh-CN and
// zh-TW: the Record<Language, …> types make a missing one a compile error.
import type { Language } from '../../platform/i18n.js';

export const MESSAGE_EVENTS = ['booked', 'changed', 'cancelled', 'reminder'] as const;
export type MessageEvent = (typeof MESSAGE_EVENTS)[number];

export type MessageFacts = {
  storeName: string;
  storePhone: string | null;
  storeAddress: string | null;
  clientName: string;
  /** Store-local date and time, formatted for the language. */
  when: string;
  services: string[];
  staff: string[];
  /** The client's link to cancel or move it online (absent when the deployment has no PUBLIC_URL). */
  manageUrl?: string | null;
};

type Template = { subject: (f: MessageFacts) => string; intro: (f: MessageFacts) => string; sms: (f: MessageFacts) => string };

const list = (items: string[], lang: Language) => items.join(lang === 'en' ? ', ' : '、');

const TEMPLATES: Record<MessageEvent, Record<Language, Template>> = {
  booked: {
    en: {
      subject: (f) => `Your appointment at ${f.storeName} is booked`,
      intro: (f) => `Hi ${f.clientName}, your appointment at ${f.storeName} is booked for ${f.when}.`,
      sms: (f) => `${f.storeName}: you're booked for ${f.when} (${list(f.services, 'en')}). See you then!`,
    },
    'zh-CN': {
      subject: (f) => `您在${f.storeName}的预约已确认`,
      intro: (f) => `${f.clientName}您好，您在${f.storeName}的预约已确认，时间为${f.when}。`,
      sms: (f) => `【${f.storeName}】您已预约${f.when}（${list(f.services, 'zh-CN')}），期待您的光临！`,
    },
    'zh-TW': {
      subject: (f) => `您在${f.storeName}的預約已確認`,
      intro: (f) => `${f.clientName}您好，您在${f.storeName}的預約已確認，時間為${f.when}。`,
      sms: (f) => `【${f.storeName}】您已預約${f.when}（${list(f.services, 'zh-TW')}），期待您的光臨！`,
    },
  },
  changed: {
    en: {
      subject: (f) => `Your appointment at ${f.storeName} has moved`,
      intro: (f) => `Hi ${f.clientName}, your appointment at ${f.storeName} is now on ${f.when}.`,
      sms: (f) => `${f.storeName}: your appointment is now ${f.when} (${list(f.services, 'en')}).`,
    },
    'zh-CN': {
      subject: (f) => `您在${f.storeName}的预约时间已更改`,
      intro: (f) => `${f.clientName}您好，您在${f.storeName}的预约已改为${f.when}。`,
      sms: (f) => `【${f.storeName}】您的预约已改为${f.when}（${list(f.services, 'zh-CN')}）。`,
    },
    'zh-TW': {
      subject: (f) => `您在${f.storeName}的預約時間已更改`,
      intro: (f) => `${f.clientName}您好，您在${f.storeName}的預約已改為${f.when}。`,
      sms: (f) => `【${f.storeName}】您的預約已改為${f.when}（${list(f.services, 'zh-TW')}）。`,
    },
  },
  cancelled: {
    en: {
      subject: (f) => `Your appointment at ${f.storeName} is cancelled`,
      intro: (f) => `Hi ${f.clientName}, your appointment at ${f.storeName} on ${f.when} has been cancelled.`,
      sms: (f) => `${f.storeName}: your appointment on ${f.when} is cancelled. Call us to book again.`,
    },
    'zh-CN': {
      subject: (f) => `您在${f.storeName}的预约已取消`,
      intro: (f) => `${f.clientName}您好，您在${f.storeName}于${f.when}的预约已取消。`,
      sms: (f) => `【${f.storeName}】您${f.when}的预约已取消，如需重新预约请致电我们。`,
    },
    'zh-TW': {
      subject: (f) => `您在${f.storeName}的預約已取消`,
      intro: (f) => `${f.clientName}您好，您在${f.storeName}於${f.when}的預約已取消。`,
      sms: (f) => `【${f.storeName}】您${f.when}的預約已取消，如需重新預約請致電我們。`,
    },
  },
  reminder: {
    en: {
      subject: (f) => `Reminder: your appointment at ${f.storeName}`,
      intro: (f) => `Hi ${f.clientName}, a reminder of your appointment at ${f.storeName} on ${f.when}.`,
      sms: (f) => `${f.storeName}: reminder of your appointment ${f.when} (${list(f.services, 'en')}).`,
    },
    'zh-CN': {
      subject: (f) => `预约提醒：${f.storeName}`,
      intro: (f) => `${f.clientName}您好，提醒您在${f.storeName}的预约时间为${f.when}。`,
      sms: (f) => `【${f.storeName}】提醒：您的预约时间为${f.when}（${list(f.services, 'zh-CN')}）。`,
    },
    'zh-TW': {
      subject: (f) => `預約提醒：${f.storeName}`,
      intro: (f) => `${f.clientName}您好，提醒您在${f.storeName}的預約時間為${f.when}。`,
      sms: (f) => `【${f.storeName}】提醒：您的預約時間為${f.when}（${list(f.services, 'zh-TW')}）。`,
    },
  },
};

type Labels = { services: string; staff: string; phone: string; address: string; change: string; manage: string; smsManage: string };

const LABELS: Record<Language, Labels> = {
  en: {
    services: 'Services',
    staff: 'With',
    phone: 'Phone',
    address: 'Address',
    change: 'To change or cancel, please call the store.',
    manage: 'To change or cancel online (up to the store’s cancellation deadline), open:',
    smsManage: 'Change/cancel:',
  },
  'zh-CN': {
    services: '服务项目',
    staff: '服务人员',
    phone: '电话',
    address: '地址',
    change: '如需更改或取消，请致电门店。',
    manage: '如需在线更改或取消（须在门店规定的取消期限前），请打开：',
    smsManage: '更改/取消：',
  },
  'zh-TW': {
    services: '服務項目',
    staff: '服務人員',
    phone: '電話',
    address: '地址',
    change: '如需更改或取消，請致電門市。',
    manage: '如需線上更改或取消（須在門市規定的取消期限前），請開啟：',
    smsManage: '更改/取消：',
  },
};

/** The email (subject + text) and the SMS text of one event. */
export function renderMessage(event: MessageEvent, lang: Language, f: MessageFacts): { subject: string; text: string; sms: string } {
  const t = TEMPLATES[event][lang];
  const l = LABELS[lang];
  // Nothing left to manage once it is cancelled.
  const link = event === 'cancelled' ? null : f.manageUrl;
  const lines = [
    t.intro(f),
    '',
    ...(f.services.length ? [`${l.services}: ${list(f.services, lang)}`] : []),
    ...(f.staff.length ? [`${l.staff}: ${list(f.staff, lang)}`] : []),
    ...(f.storeAddress ? [`${l.address}: ${f.storeAddress}`] : []),
    ...(f.storePhone ? [`${l.phone}: ${f.storePhone}`] : []),
    ...(event === 'cancelled' ? [] : ['', l.change]),
    ...(link ? [l.manage, link] : []),
  ];
  return { subject: t.subject(f), text: lines.join('\n'), sms: link ? `${t.sms(f)} ${l.smsManage} ${link}` : t.sms(f) };
}

const OTP: Record<Language, { subject: (store: string) => string; text: (code: string, store: string) => string }> = {
  en: {
    subject: (s) => `Your ${s} booking code`,
    text: (c, s) => `${c} is your ${s} booking code. It expires in 10 minutes. If you did not ask for it, ignore this message.`,
  },
  'zh-CN': {
    subject: (s) => `${s}预约验证码`,
    text: (c, s) => `您的${s}预约验证码为 ${c}，10 分钟内有效。如非本人操作，请忽略此消息。`,
  },
  'zh-TW': {
    subject: (s) => `${s}預約驗證碼`,
    text: (c, s) => `您的${s}預約驗證碼為 ${c}，10 分鐘內有效。如非本人操作，請忽略此訊息。`,
  },
};

export function renderOtp(lang: Language, code: string, storeName: string): { subject: string; text: string } {
  return { subject: OTP[lang].subject(storeName), text: OTP[lang].text(code, storeName) };
}

const LOCALES: Record<Language, string> = { en: 'en-US', 'zh-CN': 'zh-CN', 'zh-TW': 'zh-TW' };

/** "Tue, Mar 10, 2026, 10:30 AM" / "2026年3月10日星期二 10:30": store-local, in the client's language. */
export function formatWhen(ms: number, tz: string, lang: Language): string {
  return new Intl.DateTimeFormat(LOCALES[lang], {
    timeZone: tz,
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  }).format(new Date(ms));
}
