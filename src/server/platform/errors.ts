import type { Language, Messages } from './i18n.js';
import { interpolate } from './interpolate.js';

export type FieldError = { path: string; message: string };

/** One error code: its HTTP status, a short title and an optional detail template with {params}. */
export type ErrorDef = { status: number; title: Messages; detail?: Messages };

/** The single error type of Orchid. Its `code` is stable and documented; messages come from the catalog. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly params: Record<string, string | number> = {},
    readonly errors: FieldError[] = [],
    readonly headers: Record<string, string> = {},
    /** Extra top-level members of the problem JSON (e.g. `existingId`); they never replace a standard one. */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(code);
    this.name = 'AppError';
  }
}

const catalog = new Map<string, ErrorDef>();

type Raise = (params?: Record<string, string | number>, errors?: FieldError[]) => AppError;

/**
 * Declares a module's error codes. Each module owns its codes; the catalog refuses a code
 * declared twice so two modules cannot disagree on one.
 */
export function defineErrors<const T extends Record<string, ErrorDef>>(defs: T): { [K in keyof T]: Raise } {
  const raisers = {} as { [K in keyof T]: Raise };
  for (const [code, def] of Object.entries(defs)) {
    if (catalog.has(code) && catalog.get(code) !== def) throw new Error(`error code declared twice: ${code}`);
    catalog.set(code, def);
    raisers[code as keyof T] = (params = {}, errors = []) => new AppError(code, def.status, params, errors);
  }
  return raisers;
}

export function errorCatalog(): ReadonlyMap<string, ErrorDef> {
  return catalog;
}

export function describeError(err: AppError, lang: Language): { title: string; detail: string } {
  const def = catalog.get(err.code);
  if (!def) return { title: err.code, detail: err.code };
  const title = def.title[lang];
  const detail = def.detail ? interpolate(def.detail[lang], err.params) : title;
  return { title, detail };
}

/** Codes every module may raise. */
export const PlatformErrors = defineErrors({
  validation_failed: {
    status: 400,
    title: { en: 'The request is not valid', 'zh-CN': '请求内容无效', 'zh-TW': '請求內容無效' },
    detail: {
      en: 'Some fields are missing or invalid: {fields}',
      'zh-CN': '部分字段缺失或无效：{fields}',
      'zh-TW': '部分欄位缺少或無效：{fields}',
    },
  },
  invalid_json: {
    status: 400,
    title: { en: 'The request body is not valid JSON', 'zh-CN': '请求正文不是有效的 JSON', 'zh-TW': '請求內容不是有效的 JSON' },
  },
  unauthenticated: {
    status: 401,
    title: { en: 'Please sign in', 'zh-CN': '请先登录', 'zh-TW': '請先登入' },
  },
  forbidden: {
    status: 403,
    title: { en: 'You do not have permission to do this', 'zh-CN': '您没有执行此操作的权限', 'zh-TW': '您沒有執行此操作的權限' },
    detail: {
      en: 'This needs the permission “{permission}”.',
      'zh-CN': '此操作需要“{permission}”权限。',
      'zh-TW': '此操作需要「{permission}」權限。',
    },
  },
  store_forbidden: {
    status: 403,
    title: { en: 'You do not work at this store', 'zh-CN': '您无权访问此门店', 'zh-TW': '您無權存取此門市' },
  },
  csrf_failed: {
    status: 403,
    title: {
      en: 'Security check failed: reload the page and try again',
      'zh-CN': '安全校验失败，请刷新页面后重试',
      'zh-TW': '安全驗證失敗，請重新整理頁面後再試',
    },
  },
  not_found: {
    status: 404,
    title: { en: 'Not found', 'zh-CN': '未找到', 'zh-TW': '找不到' },
    detail: {
      en: 'Nothing with this id exists, or it is not visible to you.',
      'zh-CN': '此编号的记录不存在，或您无权查看。',
      'zh-TW': '此編號的紀錄不存在，或您無權檢視。',
    },
  },
  route_not_found: {
    status: 404,
    title: { en: 'There is no such address in the API', 'zh-CN': 'API 中没有这个地址', 'zh-TW': 'API 中沒有這個位址' },
    detail: { en: '{method} {url} does not exist.', 'zh-CN': '{method} {url} 不存在。', 'zh-TW': '{method} {url} 不存在。' },
  },
  method_not_allowed: {
    status: 405,
    title: { en: 'Method not allowed', 'zh-CN': '不支持该请求方法', 'zh-TW': '不支援此請求方法' },
    detail: {
      en: '{method} is not allowed here; use {allowed}.',
      'zh-CN': '此处不允许 {method}，请使用 {allowed}。',
      'zh-TW': '此處不允許 {method}，請使用 {allowed}。',
    },
  },
  payload_too_large: {
    status: 413,
    title: { en: 'The request is too large', 'zh-CN': '请求内容过大', 'zh-TW': '請求內容過大' },
  },
  unsupported_media_type: {
    status: 415,
    title: {
      en: 'Unsupported content type: send application/json',
      'zh-CN': '不支持的内容类型，请发送 application/json',
      'zh-TW': '不支援的內容類型，請傳送 application/json',
    },
  },
  conflict: {
    status: 409,
    title: {
      en: 'This conflicts with existing data',
      'zh-CN': '与现有数据冲突',
      'zh-TW': '與現有資料衝突',
    },
  },
  stale_version: {
    status: 409,
    title: {
      en: 'Someone else changed this in the meantime: reload and try again',
      'zh-CN': '此记录已被他人修改，请刷新后重试',
      'zh-TW': '此紀錄已被他人修改，請重新整理後再試',
    },
  },
  idempotency_key_reused: {
    status: 409,
    title: {
      en: 'This Idempotency-Key was already used for a different request',
      'zh-CN': '此 Idempotency-Key 已用于另一个不同的请求',
      'zh-TW': '此 Idempotency-Key 已用於另一個不同的請求',
    },
  },
  idempotency_key_required: {
    status: 400,
    title: {
      en: 'This request needs an Idempotency-Key header',
      'zh-CN': '此请求需要 Idempotency-Key 请求头',
      'zh-TW': '此請求需要 Idempotency-Key 標頭',
    },
  },
  rate_limited: {
    status: 429,
    title: { en: 'Too many attempts: please wait', 'zh-CN': '尝试次数过多，请稍候', 'zh-TW': '嘗試次數過多，請稍候' },
    detail: {
      en: 'Too many attempts. Try again in {seconds} seconds.',
      'zh-CN': '尝试次数过多，请在 {seconds} 秒后重试。',
      'zh-TW': '嘗試次數過多，請在 {seconds} 秒後再試。',
    },
  },
  internal_error: {
    status: 500,
    title: {
      en: 'Something went wrong on our side',
      'zh-CN': '服务器出现问题',
      'zh-TW': '伺服器發生問題',
    },
    detail: {
      en: 'Something went wrong on our side. Reference: {requestId}',
      'zh-CN': '服务器出现问题。参考编号：{requestId}',
      'zh-TW': '伺服器發生問題。參考編號：{requestId}',
    },
  },
});
