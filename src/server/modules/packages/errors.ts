import { defineErrors } from '../../platform/errors.js';

export const PackageErrors = defineErrors({
  package_exhausted: {
    status: 422,
    title: { en: 'No session left in this package', 'zh-CN': '该疗程已无剩余次数', 'zh-TW': '該療程已無剩餘次數' },
    detail: {
      en: '“{item}” has no session left.',
      'zh-CN': '“{item}”已无剩余次数。',
      'zh-TW': '「{item}」已無剩餘次數。',
    },
  },
  package_expired: {
    status: 422,
    title: { en: 'This package has expired', 'zh-CN': '该疗程已过期', 'zh-TW': '該療程已過期' },
    detail: {
      en: 'It was valid through {date}. A manager can extend it.',
      'zh-CN': '有效期至 {date}。店长可为其延期。',
      'zh-TW': '有效期至 {date}。店長可為其延期。',
    },
  },
  package_not_valid_here: {
    status: 422,
    title: { en: 'This package cannot be used at this store', 'zh-CN': '该疗程不能在本店使用', 'zh-TW': '該療程不能在本店使用' },
  },
  package_step_out_of_order: {
    status: 422,
    title: {
      en: 'An earlier step of this course is not finished',
      'zh-CN': '该疗程的前一阶段尚未完成',
      'zh-TW': '該療程的前一階段尚未完成',
    },
    detail: {
      en: 'Step {step} still has sessions left. A manager can override the order.',
      'zh-CN': '第 {step} 阶段仍有剩余次数。店长可允许跳过顺序。',
      'zh-TW': '第 {step} 階段仍有剩餘次數。店長可允許略過順序。',
    },
  },
  package_frozen: {
    status: 422,
    title: { en: 'This package is frozen', 'zh-CN': '该疗程已冻结', 'zh-TW': '該療程已凍結' },
    detail: { en: 'It is frozen until {date}.', 'zh-CN': '冻结至 {date}。', 'zh-TW': '凍結至 {date}。' },
  },
  package_not_active: {
    status: 422,
    title: { en: 'This package is closed', 'zh-CN': '该疗程已关闭', 'zh-TW': '該療程已關閉' },
    detail: { en: 'Its status is “{status}”.', 'zh-CN': '当前状态：{status}。', 'zh-TW': '目前狀態：{status}。' },
  },
  package_service_not_included: {
    status: 422,
    title: { en: 'This service is not part of the package', 'zh-CN': '该服务不在疗程内', 'zh-TW': '該服務不在療程內' },
  },
  package_not_for_client: {
    status: 422,
    title: {
      en: 'This package belongs to someone else',
      'zh-CN': '该疗程属于其他客户',
      'zh-TW': '該療程屬於其他客戶',
    },
    detail: {
      en: 'Only its owner and the family members named on it can use it.',
      'zh-CN': '仅限疗程所有人及登记的家庭成员使用。',
      'zh-TW': '僅限療程所有人及登記的家庭成員使用。',
    },
  },
  package_client_required: {
    status: 422,
    title: { en: 'Choose the client first', 'zh-CN': '请先选择客户', 'zh-TW': '請先選擇客戶' },
    detail: {
      en: 'A package is sold to and used by a client: put the client on the ticket.',
      'zh-CN': '疗程须绑定客户购买和使用，请先在单据上选择客户。',
      'zh-TW': '療程須綁定客戶購買與使用，請先在單據上選擇客戶。',
    },
  },
  package_template_unavailable: {
    status: 422,
    title: { en: 'This package is not for sale here', 'zh-CN': '该疗程在本店不可销售', 'zh-TW': '該療程在本店不可銷售' },
  },
  package_freeze_refused: {
    status: 422,
    title: { en: 'This package cannot be frozen that long', 'zh-CN': '该疗程无法冻结这么久', 'zh-TW': '該療程無法凍結這麼久' },
    detail: {
      en: '{days} freeze day(s) are left on it.',
      'zh-CN': '剩余可冻结天数：{days} 天。',
      'zh-TW': '剩餘可凍結天數：{days} 天。',
    },
  },
  package_not_frozen: {
    status: 409,
    title: { en: 'This package is not frozen', 'zh-CN': '该疗程未冻结', 'zh-TW': '該療程未凍結' },
  },
  package_not_shareable: {
    status: 422,
    title: { en: 'This package cannot be shared', 'zh-CN': '该疗程不可共享', 'zh-TW': '該療程不可共享' },
  },
  package_members_full: {
    status: 422,
    title: { en: 'No more family members can be added', 'zh-CN': '无法再添加家庭成员', 'zh-TW': '無法再新增家庭成員' },
    detail: { en: 'At most {max} can share it.', 'zh-CN': '最多 {max} 人共享。', 'zh-TW': '最多 {max} 人共享。' },
  },
  package_refund_through_sale: {
    status: 409,
    title: {
      en: 'Refund this package through its sale',
      'zh-CN': '请通过原销售单退款',
      'zh-TW': '請透過原銷售單退款',
    },
    detail: {
      en: 'It was sold on receipt {receipt}: refund its line there, so the money goes back to the original payment.',
      'zh-CN': '该疗程由小票 {receipt} 售出，请在该单据上退该项目，款项会原路退回。',
      'zh-TW': '該療程由收據 {receipt} 售出，請在該單據上退該項目，款項會原路退回。',
    },
  },
  package_session_reversed: {
    status: 409,
    title: { en: 'This session was already reversed', 'zh-CN': '该次消费已撤销', 'zh-TW': '該次消費已撤銷' },
  },
  package_line_redeemed: {
    status: 409,
    title: {
      en: 'A session was already used for this service of the visit',
      'zh-CN': '本次预约的该项目已扣过疗程次数',
      'zh-TW': '本次預約的該項目已扣過療程次數',
    },
    detail: {
      en: 'Reverse that session first if it was used by mistake.',
      'zh-CN': '如系误扣，请先撤销那一次。',
      'zh-TW': '如係誤扣，請先撤銷那一次。',
    },
  },
  package_session_via_sale: {
    status: 409,
    title: { en: 'Reverse this session through its sale', 'zh-CN': '请通过原单据撤销该次消费', 'zh-TW': '請透過原單據撤銷該次消費' },
    detail: {
      en: 'It was redeemed on receipt {receipt}: refund or void that line.',
      'zh-CN': '该次消费记录在小票 {receipt} 上，请退款或作废该项目。',
      'zh-TW': '該次消費記錄在收據 {receipt} 上，請退款或作廢該項目。',
    },
  },
});
