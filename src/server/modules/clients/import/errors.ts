import { AppError, defineErrors } from '../../../platform/errors.js';
import type { Messages } from '../../../platform/i18n.js';

export const ImportErrors = defineErrors({
  import_unreadable: {
    status: 422,
    title: { en: 'This file cannot be read as CSV', 'zh-CN': '无法以 CSV 格式读取此文件', 'zh-TW': '無法以 CSV 格式讀取此檔案' },
    detail: { en: '{reason_en}', 'zh-CN': '{reason_zh_CN}', 'zh-TW': '{reason_zh_TW}' },
  },
  import_mapping_invalid: {
    status: 422,
    title: { en: 'The column mapping is not usable', 'zh-CN': '列对应关系无法使用', 'zh-TW': '欄位對應無法使用' },
    detail: { en: '{reason_en}', 'zh-CN': '{reason_zh_CN}', 'zh-TW': '{reason_zh_TW}' },
  },
  import_running: {
    status: 409,
    title: {
      en: 'This import is running: wait until it finishes',
      'zh-CN': '此导入正在进行中，请等待完成',
      'zh-TW': '此匯入正在進行中，請等待完成',
    },
  },
  import_busy: {
    status: 409,
    title: {
      en: 'Another import is running: start this one when it has finished',
      'zh-CN': '另一个导入正在进行中，请在其完成后再开始',
      'zh-TW': '另一個匯入正在進行中，請在其完成後再開始',
    },
  },
  import_finished: {
    status: 409,
    title: {
      en: 'This import has finished: upload the file again to import it once more',
      'zh-CN': '此导入已完成；如需再次导入，请重新上传文件',
      'zh-TW': '此匯入已完成；如需再次匯入，請重新上傳檔案',
    },
  },
});

/** Why a file cannot be read; the code is stable and returned as the problem's `reason` member. */
export const UNREADABLE_REASONS = {
  empty: { en: 'The file is empty.', 'zh-CN': '文件是空的。', 'zh-TW': '檔案是空的。' },
  no_rows: {
    en: 'The file has a header row but no clients below it.',
    'zh-CN': '文件只有标题行，没有客户数据。',
    'zh-TW': '檔案只有標題列，沒有客戶資料。',
  },
  spreadsheet: {
    en: 'This is an Excel workbook, not a CSV file. Open it in Excel and use “Save as → CSV UTF-8”.',
    'zh-CN': '这是 Excel 工作簿，不是 CSV 文件。请在 Excel 中选择“另存为 → CSV UTF-8”。',
    'zh-TW': '這是 Excel 活頁簿，不是 CSV 檔案。請在 Excel 中選擇「另存新檔 → CSV UTF-8」。',
  },
  binary: {
    en: 'This is not a text file (it looks like an image, a PDF or another binary file).',
    'zh-CN': '这不是文本文件（看起来是图片、PDF 或其他二进制文件）。',
    'zh-TW': '這不是文字檔（看起來是圖片、PDF 或其他二進位檔案）。',
  },
  html: {
    en: 'This is a web page (HTML), not a CSV file. Export the clients as CSV instead.',
    'zh-CN': '这是网页（HTML）文件，不是 CSV 文件。请改为以 CSV 格式导出客户。',
    'zh-TW': '這是網頁（HTML）檔案，不是 CSV 檔案。請改以 CSV 格式匯出客戶。',
  },
  malformed: {
    en: 'The file is not valid CSV (problem near line {line}), for example a quote that is never closed.',
    'zh-CN': '文件不是有效的 CSV（第 {line} 行附近有问题），例如引号没有闭合。',
    'zh-TW': '檔案不是有效的 CSV（第 {line} 行附近有問題），例如引號沒有閉合。',
  },
  too_many_columns: {
    en: 'The file has more than 200 columns; this does not look like a client list.',
    'zh-CN': '文件超过 200 列，看起来不是客户名单。',
    'zh-TW': '檔案超過 200 欄，看起來不是客戶名單。',
  },
} satisfies Record<string, Messages>;
export type UnreadableReason = keyof typeof UNREADABLE_REASONS;

export const MAPPING_REASONS = {
  no_identity: {
    en: 'Map at least a name, a phone or an email column.',
    'zh-CN': '请至少对应姓名、电话或邮箱中的一列。',
    'zh-TW': '請至少對應姓名、電話或電子郵件中的一欄。',
  },
  unknown_custom_field: {
    en: 'There is no custom field “{key}”.',
    'zh-CN': '没有名为“{key}”的自定义字段。',
    'zh-TW': '沒有名為「{key}」的自訂欄位。',
  },
  column_out_of_range: {
    en: 'Column {column} does not exist in this file (it has {count} columns).',
    'zh-CN': '此文件中不存在第 {column} 列（共 {count} 列）。',
    'zh-TW': '此檔案中不存在第 {column} 欄（共 {count} 欄）。',
  },
} satisfies Record<string, Messages>;
export type MappingReason = keyof typeof MAPPING_REASONS;

function withReason(
  raise: (p?: Record<string, string | number>, e?: { path: string; message: string }[]) => AppError,
  code: string,
  messages: Messages,
  params: Record<string, string | number>,
  path: string,
): AppError {
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (w, k: string) => (k in params ? String(params[k]) : w));
  const base = raise(
    { ...params, reason: code, reason_en: fill(messages.en), reason_zh_CN: fill(messages['zh-CN']), reason_zh_TW: fill(messages['zh-TW']) },
    [{ path, message: fill(messages.en) }],
  );
  return new AppError(base.code, base.status, base.params, base.errors, base.headers, { reason: code });
}

/** 422 import_unreadable with `reason` (stable code) and a translated `detail`. */
export function unreadable(reason: UnreadableReason, params: Record<string, string | number> = {}): AppError {
  return withReason(ImportErrors.import_unreadable, reason, UNREADABLE_REASONS[reason], params, 'file');
}

/** 422 import_mapping_invalid with `reason` and the offending path in `errors[0]`. */
export function mappingInvalid(reason: MappingReason, path: string, params: Record<string, string | number> = {}): AppError {
  return withReason(ImportErrors.import_mapping_invalid, reason, MAPPING_REASONS[reason], params, path);
}
