import { AppError, defineErrors, type FieldError } from '../../platform/errors.js';

export const ClientErrors = defineErrors({
  invalid_phone: {
    status: 422,
    title: { en: 'This phone number is not valid', 'zh-CN': '电话号码无效', 'zh-TW': '電話號碼無效' },
    detail: {
      en: '“{value}” is not a valid phone number.',
      'zh-CN': '“{value}”不是有效的电话号码。',
      'zh-TW': '「{value}」不是有效的電話號碼。',
    },
  },
  invalid_email: {
    status: 422,
    title: { en: 'This email address is not valid', 'zh-CN': '电子邮箱地址无效', 'zh-TW': '電子郵件地址無效' },
    detail: {
      en: '“{value}” is not a valid email address.',
      'zh-CN': '“{value}”不是有效的电子邮箱地址。',
      'zh-TW': '「{value}」不是有效的電子郵件地址。',
    },
  },
  client_exists: {
    status: 409,
    title: {
      en: 'A client with this phone or email already exists',
      'zh-CN': '已有相同电话或邮箱的客户',
      'zh-TW': '已有相同電話或電子郵件的客戶',
    },
    detail: {
      en: 'A client with the same phone number or email already exists: open that card instead of creating a new one.',
      'zh-CN': '已有相同电话或邮箱的客户，请打开该客户档案，不要重复建档。',
      'zh-TW': '已有相同電話或電子郵件的客戶，請開啟該客戶檔案，不要重複建檔。',
    },
  },
  client_merged: {
    status: 409,
    title: {
      en: 'This client was merged into another card',
      'zh-CN': '此客户已合并到另一个档案',
      'zh-TW': '此客戶已合併到另一個檔案',
    },
  },
  unknown_home_store: {
    status: 422,
    title: { en: 'The home store does not exist', 'zh-CN': '所属门店不存在', 'zh-TW': '所屬門市不存在' },
  },
  unknown_staff: {
    status: 422,
    title: {
      en: 'The favourite technician is not a staff member',
      'zh-CN': '指定的常用技师不是本店员工',
      'zh-TW': '指定的常用技師不是本店員工',
    },
  },
  merge_same_client: {
    status: 422,
    title: {
      en: 'Choose two different clients to merge',
      'zh-CN': '请选择两个不同的客户进行合并',
      'zh-TW': '請選擇兩個不同的客戶進行合併',
    },
  },
  custom_field_key_taken: {
    status: 409,
    title: {
      en: 'A custom field with this key already exists',
      'zh-CN': '已存在相同键名的自定义字段',
      'zh-TW': '已存在相同鍵名的自訂欄位',
    },
  },
  custom_field_type_fixed: {
    status: 422,
    title: {
      en: 'The type of a custom field cannot change once created',
      'zh-CN': '自定义字段创建后不能更改类型',
      'zh-TW': '自訂欄位建立後不能變更類型',
    },
  },
});

/** 409 client_exists with `existingId` as an extra member of the problem JSON (the UI offers to open it). */
export function clientExists(existingId: string, matchedOn: 'phone' | 'email'): AppError {
  const base = ClientErrors.client_exists({ matchedOn, existingId });
  return new AppError(base.code, base.status, base.params, base.errors, base.headers, { existingId, matchedOn });
}

/** A 422 invalid_phone / invalid_email naming the field path, e.g. `phone`. */
export function invalidContact(kind: 'phone' | 'email', value: string, path: string = kind): AppError {
  const errors: FieldError[] = [{ path, message: kind === 'phone' ? 'not a valid phone number' : 'not a valid email address' }];
  return kind === 'phone' ? ClientErrors.invalid_phone({ value }, errors) : ClientErrors.invalid_email({ value }, errors);
}
