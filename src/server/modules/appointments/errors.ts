import { AppError, defineErrors } from '../../platform/errors.js';

export const AppointmentErrors = defineErrors({
  start_in_past: {
    status: 422,
    title: { en: 'This time has already passed', 'zh-CN': '该时间已经过去', 'zh-TW': '該時間已經過去' },
    detail: {
      en: 'The start time is in the past: choose a time from now on.',
      'zh-CN': '开始时间已经过去，请选择现在之后的时间。',
      'zh-TW': '開始時間已經過去，請選擇現在之後的時間。',
    },
  },
  too_soon: {
    status: 422,
    title: {
      en: 'This time is too soon to book online',
      'zh-CN': '该时间距离现在太近，无法在线预约',
      'zh-TW': '該時間距離現在太近，無法線上預約',
    },
    detail: {
      en: 'Online bookings need at least {minutes} minutes’ notice.',
      'zh-CN': '在线预约需至少提前 {minutes} 分钟。',
      'zh-TW': '線上預約需至少提前 {minutes} 分鐘。',
    },
  },
  beyond_horizon: {
    status: 422,
    title: { en: 'This date is too far ahead', 'zh-CN': '该日期太远，暂不开放预约', 'zh-TW': '該日期太遠，暫不開放預約' },
    detail: {
      en: 'Online bookings open at most {days} days ahead.',
      'zh-CN': '在线预约最多可提前 {days} 天。',
      'zh-TW': '線上預約最多可提前 {days} 天。',
    },
  },
  outside_working_hours: {
    status: 422,
    title: {
      en: 'This time is outside working hours',
      'zh-CN': '该时间不在营业或员工工作时间内',
      'zh-TW': '該時間不在營業或員工工作時間內',
    },
    detail: {
      en: 'The store is closed or the technician is not working for the whole visit at this time.',
      'zh-CN': '此时门店未营业，或技师在整个服务期间不在班。',
      'zh-TW': '此時門市未營業，或技師在整個服務期間不在班。',
    },
  },
  staff_cannot_perform: {
    status: 422,
    title: { en: 'This staff member does not offer this service', 'zh-CN': '该员工不提供此项服务', 'zh-TW': '該員工不提供此項服務' },
  },
  no_resource: {
    status: 422,
    title: {
      en: 'The store has no room or station this service needs',
      'zh-CN': '门店没有此服务所需的房间或工位',
      'zh-TW': '門市沒有此服務所需的房間或工位',
    },
  },
  slot_taken: {
    status: 409,
    title: { en: 'This time was just taken', 'zh-CN': '该时段已被预约', 'zh-TW': '該時段已被預約' },
    detail: {
      en: 'Someone else has this time already. The nearest free times are listed in “alternatives”.',
      'zh-CN': '该时段已被他人预约。“alternatives”中列出了最近的空闲时间。',
      'zh-TW': '該時段已被他人預約。「alternatives」中列出了最近的空閒時間。',
    },
  },
  nonexistent_local_time: {
    status: 422,
    title: {
      en: 'This local time does not exist (clocks change that day)',
      'zh-CN': '该当地时间不存在（当天时钟调整）',
      'zh-TW': '該當地時間不存在（當天時鐘調整）',
    },
    detail: {
      en: '{time} on {date} does not exist in {timeZone}: the clocks skip that hour. Choose another time.',
      'zh-CN': '{timeZone} 的 {date} {time} 不存在：当天时钟跳过了这一小时。请选择其他时间。',
      'zh-TW': '{timeZone} 的 {date} {time} 不存在：當天時鐘跳過了這一小時。請選擇其他時間。',
    },
  },
  unknown_reference: {
    status: 422,
    title: { en: 'Something this request names does not exist', 'zh-CN': '请求中引用的记录不存在', 'zh-TW': '請求中引用的紀錄不存在' },
    detail: {
      en: '“{field}” names something that does not exist or is not available here.',
      'zh-CN': '“{field}”引用的记录不存在或在此不可用。',
      'zh-TW': '「{field}」引用的紀錄不存在或在此不可用。',
    },
  },
  invalid_status_transition: {
    status: 409,
    title: { en: 'The appointment cannot change to this status', 'zh-CN': '预约无法变更为此状态', 'zh-TW': '預約無法變更為此狀態' },
    detail: {
      en: 'An appointment that is “{from}” cannot become “{to}”.',
      'zh-CN': '状态为“{from}”的预约不能变为“{to}”。',
      'zh-TW': '狀態為「{from}」的預約不能變為「{to}」。',
    },
  },
  no_show_too_early: {
    status: 422,
    title: {
      en: 'A no-show can only be recorded once the start time has passed',
      'zh-CN': '预约开始时间过后才能记为未到店',
      'zh-TW': '預約開始時間過後才能記為未到店',
    },
  },
  appointment_closed: {
    status: 409,
    title: { en: 'This appointment can no longer be changed', 'zh-CN': '此预约已无法更改', 'zh-TW': '此預約已無法更改' },
    detail: {
      en: 'The appointment is “{status}”: only booked or confirmed appointments can be moved.',
      'zh-CN': '预约状态为“{status}”：只有已预约或已确认的预约可以改期。',
      'zh-TW': '預約狀態為「{status}」：只有已預約或已確認的預約可以改期。',
    },
  },
  add_on_not_for_service: {
    status: 422,
    title: {
      en: 'This add-on is not offered with this service',
      'zh-CN': '此附加项目不适用于该服务',
      'zh-TW': '此附加項目不適用於該服務',
    },
    detail: {
      en: '“{field}” names an add-on that is not attached to the service of its line, or is no longer offered.',
      'zh-CN': '“{field}”中的附加项目未关联到该行的服务，或已停止提供。',
      'zh-TW': '「{field}」中的附加項目未關聯到該行的服務，或已停止提供。',
    },
  },
  service_not_bookable_online: {
    status: 422,
    title: { en: 'This service cannot be booked online', 'zh-CN': '此服务不支持在线预约', 'zh-TW': '此服務不支援線上預約' },
  },
  online_booking_disabled: {
    status: 404,
    title: { en: 'This store does not take online bookings', 'zh-CN': '该门店未开放在线预约', 'zh-TW': '該門市未開放線上預約' },
  },
  new_clients_not_allowed: {
    status: 422,
    title: {
      en: 'Online booking is for existing clients: please call the store',
      'zh-CN': '在线预约仅限老顾客，请致电门店预约',
      'zh-TW': '線上預約僅限老顧客，請致電門市預約',
    },
  },
  otp_invalid: {
    status: 422,
    title: { en: 'The code is not correct', 'zh-CN': '验证码不正确', 'zh-TW': '驗證碼不正確' },
    detail: {
      en: 'The code is not correct. {triesLeft} tries left.',
      'zh-CN': '验证码不正确，还可尝试 {triesLeft} 次。',
      'zh-TW': '驗證碼不正確，還可嘗試 {triesLeft} 次。',
    },
  },
  otp_expired: {
    status: 422,
    title: { en: 'The code has expired: ask for a new one', 'zh-CN': '验证码已失效，请重新获取', 'zh-TW': '驗證碼已失效，請重新取得' },
  },
  otp_too_many_attempts: {
    status: 429,
    title: {
      en: 'Too many wrong codes: ask for a new one',
      'zh-CN': '验证码错误次数过多，请重新获取',
      'zh-TW': '驗證碼錯誤次數過多，請重新取得',
    },
  },
  cancellation_window_passed: {
    status: 422,
    title: {
      en: 'It is too late to change this appointment online: please call the store',
      'zh-CN': '已过在线更改期限，请致电门店',
      'zh-TW': '已過線上更改期限，請致電門市',
    },
    detail: {
      en: 'Online changes close {hours} hours before the appointment. Please call the store.',
      'zh-CN': '预约开始前 {hours} 小时内无法在线更改，请致电门店。',
      'zh-TW': '預約開始前 {hours} 小時內無法線上更改，請致電門市。',
    },
  },
  waitlist_entry_closed: {
    status: 409,
    title: { en: 'This waitlist entry is no longer waiting', 'zh-CN': '此候补登记已不在等待中', 'zh-TW': '此候補登記已不在等待中' },
  },
  appointment_fee_none: {
    status: 422,
    title: {
      en: 'This appointment has no fee to collect',
      'zh-CN': '此预约没有需要收取的费用',
      'zh-TW': '此預約沒有需要收取的費用',
    },
    detail: {
      en: 'Only a late cancellation or a no-show with a fee under the store’s policy can be charged here.',
      'zh-CN': '只有按门店政策记录了费用的临时取消或爽约才能在此收费。',
      'zh-TW': '只有依門市政策記錄了費用的臨時取消或爽約才能在此收費。',
    },
  },
  appointment_fee_collected: {
    status: 409,
    title: { en: 'This fee has already been collected', 'zh-CN': '该费用已收取', 'zh-TW': '該費用已收取' },
    detail: {
      en: 'It was paid on receipt {receipt}. Refund that line first to charge it again.',
      'zh-CN': '已在收据 {receipt} 中支付。如需重新收取，请先退还该项。',
      'zh-TW': '已在收據 {receipt} 中支付。如需重新收取，請先退還該項。',
    },
  },
  appointment_fee_twice: {
    status: 422,
    title: {
      en: 'This fee is on the ticket twice',
      'zh-CN': '该费用在同一单据中出现了两次',
      'zh-TW': '該費用在同一單據中出現了兩次',
    },
    detail: {
      en: 'Remove one of the two lines, then take payment.',
      'zh-CN': '请删除其中一项，再收款。',
      'zh-TW': '請刪除其中一項，再收款。',
    },
  },
  appointment_fee_other_client: {
    status: 422,
    title: {
      en: 'This fee belongs to another client',
      'zh-CN': '该费用属于其他顾客',
      'zh-TW': '該費用屬於其他顧客',
    },
    detail: {
      en: 'Put the appointment’s client on the ticket to collect its fee.',
      'zh-CN': '请先将该预约的顾客加到单据上，再收取费用。',
      'zh-TW': '請先將該預約的顧客加到單據上，再收取費用。',
    },
  },
});

export type SlotAlternative = {
  start: string;
  startLocal: string;
  date: string;
  end: string;
  lines: Array<{ serviceId: string; staffId: string; resourceId: string | null; start: string; end: string }>;
};

/** 409 slot_taken carrying the nearest free starts in the problem body (`alternatives`). */
export function slotTaken(alternatives: SlotAlternative[] | null): AppError {
  return new AppError('slot_taken', 409, {}, [], {}, alternatives ? { alternatives } : {});
}

export const isSlotTaken = (err: unknown): err is AppError => err instanceof AppError && err.code === 'slot_taken';
