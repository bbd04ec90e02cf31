import { defineErrors } from '../../platform/errors.js';

export const TreatmentErrors = defineErrors({
  record_locked: {
    status: 409,
    title: { en: 'This record is locked', 'zh-CN': '该记录已锁定', 'zh-TW': '該紀錄已鎖定' },
    detail: {
      en: 'A treatment record can be edited for 24 hours after it was written. Add an addendum instead.',
      'zh-CN': '护理记录仅在写入后 24 小时内可修改，请改为添加补充说明。',
      'zh-TW': '護理紀錄僅在寫入後 24 小時內可修改，請改為新增補充說明。',
    },
  },
  record_not_author: {
    status: 403,
    title: { en: 'Only the author can edit this record', 'zh-CN': '只有记录作者可以修改', 'zh-TW': '只有紀錄作者可以修改' },
    detail: {
      en: 'Add an addendum to complete someone else’s record.',
      'zh-CN': '如需补充他人的记录，请添加补充说明。',
      'zh-TW': '如需補充他人的紀錄，請新增補充說明。',
    },
  },
  record_exists: {
    status: 409,
    title: { en: 'This service already has a record', 'zh-CN': '该服务已有护理记录', 'zh-TW': '該服務已有護理紀錄' },
  },
  record_link_invalid: {
    status: 422,
    title: {
      en: 'This visit or session is not this client’s service',
      'zh-CN': '该预约或疗程次数与此客户的服务不符',
      'zh-TW': '該預約或療程次數與此客戶的服務不符',
    },
  },
  treatment_template_conflict: {
    status: 409,
    title: { en: 'A category already has a record template', 'zh-CN': '该分类已有护理记录模板', 'zh-TW': '該分類已有護理紀錄範本' },
    detail: {
      en: 'Each service category uses one template: archive the other one first.',
      'zh-CN': '每个服务分类只能使用一个模板，请先归档另一个。',
      'zh-TW': '每個服務分類只能使用一個範本，請先封存另一個。',
    },
  },
  photo_too_large: {
    status: 413,
    title: { en: 'This photo is too large', 'zh-CN': '照片过大', 'zh-TW': '照片過大' },
    detail: { en: 'Photos can be at most {max} MB.', 'zh-CN': '照片不能超过 {max} MB。', 'zh-TW': '照片不能超過 {max} MB。' },
  },
  photo_type_unsupported: {
    status: 415,
    title: { en: 'This kind of file is not a supported photo', 'zh-CN': '不支持此文件格式', 'zh-TW': '不支援此檔案格式' },
    detail: {
      en: 'Send a JPEG, PNG, WebP or AVIF photo (HEIC: set the camera to “Most Compatible”).',
      'zh-CN': '请上传 JPEG、PNG、WebP 或 AVIF 格式的照片（HEIC 格式请将相机设为“兼容性最佳”）。',
      'zh-TW': '請上傳 JPEG、PNG、WebP 或 AVIF 格式的照片（HEIC 格式請將相機設為「最相容」）。',
    },
  },
  photo_storage_unavailable: {
    status: 503,
    title: { en: 'Photos cannot be stored on this server', 'zh-CN': '此服务器无法保存照片', 'zh-TW': '此伺服器無法儲存照片' },
  },
  portal_code_invalid: {
    status: 422,
    title: { en: 'That code is not right', 'zh-CN': '验证码不正确', 'zh-TW': '驗證碼不正確' },
    detail: { en: '{triesLeft} tries left.', 'zh-CN': '还可尝试 {triesLeft} 次。', 'zh-TW': '還可嘗試 {triesLeft} 次。' },
  },
  portal_code_expired: {
    status: 422,
    title: { en: 'This code has expired: ask for a new one', 'zh-CN': '验证码已过期，请重新获取', 'zh-TW': '驗證碼已過期，請重新取得' },
  },
  portal_signin_required: {
    status: 401,
    title: { en: 'Please sign in with a one-time code', 'zh-CN': '请使用验证码登录', 'zh-TW': '請使用驗證碼登入' },
  },
});
