import { type AppError, defineErrors } from '../../platform/errors.js';
import type { Language, Messages } from '../../platform/i18n.js';
import type { ProductLockField, ServiceLockField } from './catalog.js';

export const CatalogErrors = defineErrors({
  field_locked: {
    status: 422,
    title: {
      en: 'Head office locked this field',
      'zh-CN': '总部已锁定此字段',
      'zh-TW': '總部已鎖定此欄位',
    },
    detail: {
      en: 'Head office locked “{field}” for this item, so a store cannot override it.',
      'zh-CN': '总部已锁定此项目的“{field}”，门店不能修改。',
      'zh-TW': '總部已鎖定此項目的「{field}」，門市不能修改。',
    },
  },
  in_use: {
    status: 409,
    title: {
      en: 'Already booked or sold: archive it instead',
      'zh-CN': '已有预约或销售记录，请改为归档',
      'zh-TW': '已有預約或銷售紀錄，請改為封存',
    },
    detail: {
      en: 'This item was already booked or sold, so it cannot be deleted without losing history. Archive it instead: it disappears from menus and stays in past records.',
      'zh-CN': '此项目已有预约或销售记录，删除会丢失历史。请改为归档：它将从菜单中隐藏，但保留在历史记录中。',
      'zh-TW': '此項目已有預約或銷售紀錄，刪除會遺失歷史。請改為封存：它會從選單中隱藏，但保留在歷史紀錄中。',
    },
  },
  sku_taken: {
    status: 409,
    title: { en: 'Another product already uses this SKU', 'zh-CN': '此 SKU 已被其他商品使用', 'zh-TW': '此 SKU 已被其他商品使用' },
    detail: {
      en: 'The SKU “{sku}” already belongs to another product.',
      'zh-CN': 'SKU“{sku}”已属于另一件商品。',
      'zh-TW': 'SKU「{sku}」已屬於另一件商品。',
    },
  },
  barcode_taken: {
    status: 409,
    title: { en: 'Another product already uses this barcode', 'zh-CN': '此条形码已被其他商品使用', 'zh-TW': '此條碼已被其他商品使用' },
    detail: {
      en: 'The barcode “{barcode}” already belongs to another product.',
      'zh-CN': '条形码“{barcode}”已属于另一件商品。',
      'zh-TW': '條碼「{barcode}」已屬於另一件商品。',
    },
  },
  staff_not_assignable: {
    status: 422,
    title: {
      en: 'Some staff members do not exist or do not work at any store',
      'zh-CN': '部分员工不存在或未分配到任何门店',
      'zh-TW': '部分員工不存在或未分配到任何門市',
    },
    detail: {
      en: 'These staff members do not exist, are archived or work at no store: {staffIds}',
      'zh-CN': '以下员工不存在、已归档或未分配门店：{staffIds}',
      'zh-TW': '以下員工不存在、已封存或未分配門市：{staffIds}',
    },
  },
  unknown_category: {
    status: 422,
    title: { en: 'This service category does not exist', 'zh-CN': '此服务类别不存在', 'zh-TW': '此服務類別不存在' },
  },
  unknown_service: {
    status: 422,
    title: { en: 'Some services do not exist', 'zh-CN': '部分服务项目不存在', 'zh-TW': '部分服務項目不存在' },
  },
  unknown_add_on: {
    status: 422,
    title: { en: 'Some add-ons do not exist', 'zh-CN': '部分附加项目不存在', 'zh-TW': '部分加購項目不存在' },
  },
});

/** The lockable fields as each language names them (the catalog screens' words): field_locked shows these, not API keys. */
export const LOCK_FIELD_NAMES: Record<ServiceLockField | ProductLockField, Messages> = {
  price: { en: 'price', 'zh-CN': '价格', 'zh-TW': '價格' },
  duration: { en: 'duration', 'zh-CN': '时长', 'zh-TW': '時長' },
  available: { en: 'availability', 'zh-CN': '供应', 'zh-TW': '供應' },
};
const LIST_SEPARATOR: Messages = { en: ', ', 'zh-CN': '、', 'zh-TW': '、' };
const LOCKED_BY_HQ: Messages = { en: 'locked by head office', 'zh-CN': '总部已锁定', 'zh-TW': '總部已鎖定' };

/** 422 field_locked naming the touched fields in the reader's language; one field error per field, at its API path. */
export function fieldLocked(fields: readonly string[], lang: Language): AppError {
  const name = (f: string) => LOCK_FIELD_NAMES[f as ServiceLockField]?.[lang] ?? f;
  return CatalogErrors.field_locked(
    { field: fields.map(name).join(LIST_SEPARATOR[lang]) },
    fields.map((f) => ({ path: f === 'duration' ? 'durationMin' : f, message: LOCKED_BY_HQ[lang] })),
  );
}
