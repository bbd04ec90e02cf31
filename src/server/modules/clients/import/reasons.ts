// Why a row was not imported (or imported with a warning), in the three languages. Row outcomes store the
// stable code and its parameters; the text is rendered in the reader's language when shown or downloaded.
import type { Language, Messages } from '../../../platform/i18n.js';
import { interpolate } from '../../../platform/interpolate.js';
import type { RowIssue, RowIssueCode } from './mapping.js';

export const SKIP_REASONS = ['duplicate_in_file', 'client_exists', 'already_imported'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];
export type ReasonCode = RowIssueCode | SkipReason | 'save_failed';

const MESSAGES: Record<ReasonCode, Messages> = {
  name_missing: { en: 'No first or last name.', 'zh-CN': '缺少姓名。', 'zh-TW': '缺少姓名。' },
  invalid_phone: {
    en: '“{value}” is not a valid phone number.',
    'zh-CN': '“{value}”不是有效的电话号码。',
    'zh-TW': '「{value}」不是有效的電話號碼。',
  },
  invalid_email: {
    en: '“{value}” is not a valid email address.',
    'zh-CN': '“{value}”不是有效的电子邮箱地址。',
    'zh-TW': '「{value}」不是有效的電子郵件地址。',
  },
  invalid_birthday: {
    en: '“{value}” is not a date in the chosen format ({format}).',
    'zh-CN': '“{value}”不是所选格式（{format}）的日期。',
    'zh-TW': '「{value}」不是所選格式（{format}）的日期。',
  },
  invalid_consent: {
    en: '“{value}” in {field} is not yes or no.',
    'zh-CN': '{field} 中的“{value}”不是“是”或“否”。',
    'zh-TW': '{field} 中的「{value}」不是「是」或「否」。',
  },
  invalid_consent_date: {
    en: '“{value}” in {field} is not a date with a year in the chosen format ({format}).',
    'zh-CN': '{field} 中的“{value}”不是所选格式（{format}）且含年份的日期。',
    'zh-TW': '{field} 中的「{value}」不是所選格式（{format}）且含年份的日期。',
  },
  invalid_value: {
    en: '“{value}” is not valid for {field}.',
    'zh-CN': '“{value}”不是 {field} 的有效值。',
    'zh-TW': '「{value}」不是 {field} 的有效值。',
  },
  invalid_custom_field: {
    en: '“{value}” is not valid for {field}: {message}.',
    'zh-CN': '“{value}”不是 {field} 的有效值：{message}。',
    'zh-TW': '「{value}」不是 {field} 的有效值：{message}。',
  },
  custom_field_required: { en: '{field} is required.', 'zh-CN': '{field} 为必填项。', 'zh-TW': '{field} 為必填欄位。' },
  too_long: {
    en: '{field} is longer than {max} characters.',
    'zh-CN': '{field} 超过 {max} 个字符。',
    'zh-TW': '{field} 超過 {max} 個字元。',
  },
  too_many: { en: '{field} has more than {max} entries.', 'zh-CN': '{field} 超过 {max} 项。', 'zh-TW': '{field} 超過 {max} 項。' },
  invalid_tag: {
    en: 'The tag “{value}” contains a line break or “;”.',
    'zh-CN': '标签“{value}”含有换行或“;”。',
    'zh-TW': '標籤「{value}」含有換行或「;」。',
  },
  unknown_language: {
    en: 'Language “{value}” is not known; English is used.',
    'zh-CN': '无法识别语言“{value}”，将使用英语。',
    'zh-TW': '無法識別語言「{value}」，將使用英文。',
  },
  unknown_store: {
    en: 'No store “{value}”; the import’s store is used.',
    'zh-CN': '没有名为“{value}”的门店，将使用本次导入的门店。',
    'zh-TW': '沒有名為「{value}」的門市，將使用本次匯入的門市。',
  },
  unknown_staff: {
    en: 'No staff member “{value}”; the favourite technician is left empty.',
    'zh-CN': '没有员工“{value}”，常用技师留空。',
    'zh-TW': '沒有員工「{value}」，常用技師留空。',
  },
  duplicate_in_file: {
    en: 'Same {matchedOn} as row {row} of this file: skipped.',
    'zh-CN': '与本文件第 {row} 行的{matchedOn}相同，已跳过。',
    'zh-TW': '與本檔案第 {row} 列的{matchedOn}相同，已略過。',
  },
  client_exists: {
    en: 'A client with the same {matchedOn} already exists: skipped.',
    'zh-CN': '已有{matchedOn}相同的客户，已跳过。',
    'zh-TW': '已有{matchedOn}相同的客戶，已略過。',
  },
  already_imported: {
    en: 'This row was already imported by an earlier import: skipped.',
    'zh-CN': '此行已在之前的导入中导入，已跳过。',
    'zh-TW': '此列已在先前的匯入中匯入，已略過。',
  },
  save_failed: {
    en: 'Could not be saved: {message}',
    'zh-CN': '无法保存：{message}',
    'zh-TW': '無法儲存：{message}',
  },
};

const MATCHED_ON: Record<string, Messages> = {
  phone: { en: 'phone number', 'zh-CN': '电话', 'zh-TW': '電話' },
  email: { en: 'email', 'zh-CN': '邮箱', 'zh-TW': '電子郵件' },
  externalId: { en: 'client ID', 'zh-CN': '客户编号', 'zh-TW': '客戶編號' },
  row: { en: 'content', 'zh-CN': '内容', 'zh-TW': '內容' },
};

const FORMAT: Record<string, string> = { MDY: 'MM/DD/YYYY', DMY: 'DD/MM/YYYY', YMD: 'YYYY-MM-DD' };

export type ReasonParams = Record<string, string | number | undefined>;

/** The reason in one language. Params: value, field, max, row, matchedOn, format, message. */
export function describeReason(code: string, params: ReasonParams, lang: Language): string {
  const template = MESSAGES[code as ReasonCode]?.[lang] ?? code;
  const matchedOn = params.matchedOn !== undefined ? (MATCHED_ON[String(params.matchedOn)]?.[lang] ?? String(params.matchedOn)) : undefined;
  const format = params.format !== undefined ? (FORMAT[String(params.format)] ?? String(params.format)) : undefined;
  const clean = Object.fromEntries(Object.entries({ ...params, matchedOn, format }).filter(([, v]) => v !== undefined));
  return interpolate(template, clean);
}

export const REASON_CODES = Object.keys(MESSAGES) as ReasonCode[];

/** One problem of a row, as the dry run lists it and the report explains it. */
export type Problem = { row: number; field: string | null; code: string; value?: string; message: string };

export function describeIssue(row: number, issue: RowIssue, format: string, lang: Language): Problem {
  const message = describeReason(
    issue.code,
    { value: issue.value, field: issue.field ?? '', max: issue.max, format, message: issue.message },
    lang,
  );
  return { row, field: issue.field, code: issue.code, ...(issue.value !== undefined ? { value: issue.value } : {}), message };
}
