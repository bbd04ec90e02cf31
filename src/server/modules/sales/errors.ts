import { defineErrors } from '../../platform/errors.js';

export const SalesErrors = defineErrors({
  sale_not_open: {
    status: 409,
    title: { en: 'This ticket is no longer open', 'zh-CN': '此单据已不再是未结状态', 'zh-TW': '此單據已不再是未結狀態' },
    detail: {
      en: 'The ticket is {status}: it cannot be changed any more.',
      'zh-CN': '此单据状态为 {status}，不能再修改。',
      'zh-TW': '此單據狀態為 {status}，不能再修改。',
    },
  },
  sale_already_completed: {
    status: 409,
    title: { en: 'This sale is already completed', 'zh-CN': '此销售已完成结账', 'zh-TW': '此銷售已完成結帳' },
    detail: {
      en: 'Receipt {receipt} was already issued for this ticket. Nothing was charged again.',
      'zh-CN': '此单据已开具收据 {receipt}，未重复收费。',
      'zh-TW': '此單據已開立收據 {receipt}，未重複收費。',
    },
  },
  sale_not_completed: {
    status: 422,
    title: {
      en: 'Only a completed sale can be refunded or voided',
      'zh-CN': '只有已完成的销售才能退款或作废',
      'zh-TW': '只有已完成的銷售才能退款或作廢',
    },
  },
  empty_ticket: {
    status: 422,
    title: { en: 'The ticket has no lines', 'zh-CN': '单据中没有任何项目', 'zh-TW': '單據中沒有任何項目' },
  },
  payment_mismatch: {
    status: 422,
    title: { en: 'The payments do not match the amount due', 'zh-CN': '付款金额与应付金额不符', 'zh-TW': '付款金額與應付金額不符' },
    detail: {
      en: 'Amount due {due}, payments {paid}: difference {difference}.',
      'zh-CN': '应付 {due}，已付 {paid}，差额 {difference}。',
      'zh-TW': '應付 {due}，已付 {paid}，差額 {difference}。',
    },
  },
  refund_exceeds_paid: {
    status: 422,
    title: { en: 'The refund is more than what was paid', 'zh-CN': '退款金额超过已付金额', 'zh-TW': '退款金額超過已付金額' },
    detail: {
      en: 'At most {available} can still be refunded here.',
      'zh-CN': '此处最多还能退 {available}。',
      'zh-TW': '此處最多還能退 {available}。',
    },
  },
  refund_empty: {
    status: 422,
    title: { en: 'Nothing to refund', 'zh-CN': '没有可退款的内容', 'zh-TW': '沒有可退款的內容' },
  },
  approval_required: {
    status: 403,
    title: { en: 'A manager must approve this', 'zh-CN': '需要经理批准', 'zh-TW': '需要經理核准' },
    detail: {
      en: '{what_en} needs a manager’s approval: ask a manager to enter their PIN.',
      'zh-CN': '{what_zh_CN}需要经理批准，请经理输入 PIN 码。',
      'zh-TW': '{what_zh_TW}需要經理核准，請經理輸入 PIN 碼。',
    },
  },
  approval_invalid: {
    status: 403,
    title: { en: 'The approval PIN is not valid', 'zh-CN': '批准 PIN 码无效', 'zh-TW': '核准 PIN 碼無效' },
    detail: {
      en: 'This PIN does not belong to a manager of this store who may approve it.',
      'zh-CN': '此 PIN 码不属于本店有批准权限的经理。',
      'zh-TW': '此 PIN 碼不屬於本店有核准權限的經理。',
    },
  },
  item_not_sold_here: {
    status: 422,
    title: { en: 'This item is not sold at this store', 'zh-CN': '本店不销售此项目', 'zh-TW': '本店不販售此項目' },
    detail: {
      en: '“{item}” is archived, unknown or hidden at this store.',
      'zh-CN': '“{item}”已归档、不存在或在本店隐藏。',
      'zh-TW': '「{item}」已封存、不存在或在本店隱藏。',
    },
  },
  technician_cannot_perform: {
    status: 422,
    title: {
      en: 'This technician does not perform this service here',
      'zh-CN': '该技师在本店不提供此服务',
      'zh-TW': '該技師在本店不提供此服務',
    },
  },
  discount_too_large: {
    status: 422,
    title: { en: 'The discount is larger than the price', 'zh-CN': '折扣超过了价格', 'zh-TW': '折扣超過了價格' },
    detail: {
      en: 'The discount can be at most {max}.',
      'zh-CN': '折扣最多为 {max}。',
      'zh-TW': '折扣最多為 {max}。',
    },
  },
  not_discountable: {
    status: 422,
    title: { en: 'This line cannot be discounted', 'zh-CN': '此项目不能打折', 'zh-TW': '此項目不能打折' },
  },
  price_not_overridable: {
    status: 422,
    title: { en: 'The price of this line cannot be changed', 'zh-CN': '此项目的价格不能修改', 'zh-TW': '此項目的價格不能修改' },
  },
  tip_without_technician: {
    status: 422,
    title: { en: 'A tip needs a technician on the ticket', 'zh-CN': '小费需要单据中有技师', 'zh-TW': '小費需要單據中有技師' },
  },
  tip_split_mismatch: {
    status: 422,
    title: { en: 'The tip shares do not add up to the tip', 'zh-CN': '小费分配之和与小费不符', 'zh-TW': '小費分配之和與小費不符' },
    detail: {
      en: 'Tip {tip}, shares {shares}.',
      'zh-CN': '小费 {tip}，分配合计 {shares}。',
      'zh-TW': '小費 {tip}，分配合計 {shares}。',
    },
  },
  no_open_shift: {
    status: 422,
    title: { en: 'Open the cash drawer shift first', 'zh-CN': '请先开班（打开钱箱）', 'zh-TW': '請先開班（打開錢箱）' },
    detail: {
      en: 'Cash needs an open drawer shift at this store.',
      'zh-CN': '现金收付需要本店有一个已开的钱箱班次。',
      'zh-TW': '現金收付需要本店有一個已開的錢箱班次。',
    },
  },
  shift_required: {
    status: 422,
    title: { en: 'Say which drawer takes the cash', 'zh-CN': '请指定收现金的钱箱', 'zh-TW': '請指定收現金的錢箱' },
    detail: {
      en: 'Several drawers are open at this store: send shiftId.',
      'zh-CN': '本店有多个钱箱班次已开，请传入 shiftId。',
      'zh-TW': '本店有多個錢箱班次已開，請傳入 shiftId。',
    },
  },
  void_window_closed: {
    status: 422,
    title: { en: 'Too late to void: refund it instead', 'zh-CN': '已过作废时限，请改为退款', 'zh-TW': '已過作廢時限，請改為退款' },
    detail: {
      en: 'A sale can be voided only before its shift closes, on the day it was made.',
      'zh-CN': '只能在当天、班次结束前作废销售。',
      'zh-TW': '只能在當天、班次結束前作廢銷售。',
    },
  },
  sale_has_refunds: {
    status: 422,
    title: {
      en: 'This sale has refunds: refund the rest instead of voiding',
      'zh-CN': '此销售已有退款，请退还剩余部分而非作废',
      'zh-TW': '此銷售已有退款，請退還剩餘部分而非作廢',
    },
  },
  appointment_not_checkoutable: {
    status: 422,
    title: { en: 'This appointment cannot be checked out', 'zh-CN': '此预约无法结账', 'zh-TW': '此預約無法結帳' },
    detail: {
      en: 'The appointment is {status} or belongs to another store.',
      'zh-CN': '此预约状态为 {status}，或属于其他门店。',
      'zh-TW': '此預約狀態為 {status}，或屬於其他門市。',
    },
  },
  appointment_on_ticket: {
    status: 409,
    title: { en: 'This appointment is already on a ticket', 'zh-CN': '此预约已在另一张单据上', 'zh-TW': '此預約已在另一張單據上' },
  },
  unknown_client: {
    status: 422,
    title: { en: 'Unknown client', 'zh-CN': '客户不存在', 'zh-TW': '客戶不存在' },
  },
  receipt_prefix_taken: {
    status: 409,
    title: { en: 'Another store uses this receipt prefix', 'zh-CN': '其他门店已使用此收据前缀', 'zh-TW': '其他門市已使用此收據前綴' },
    detail: {
      en: '{store} already prints receipts as {prefix}-…: choose another prefix.',
      'zh-CN': '{store} 的收据已使用 {prefix}-…，请换一个前缀。',
      'zh-TW': '{store} 的收據已使用 {prefix}-…，請換一個前綴。',
    },
  },
});
