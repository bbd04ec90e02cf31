import { en, zhCN, zhTW } from 'zod/locales';
import type { Language, Messages } from '../platform/i18n.js';

// zod ships translations of its own messages; we use them for field errors so a Chinese-speaking
// receptionist reads 「無效的郵件地址」, not "Invalid email address".
const maps = { en: en().localeError, 'zh-CN': zhCN().localeError, 'zh-TW': zhTW().localeError } as const;

const REQUIRED: Messages = { en: 'Required', 'zh-CN': '必填', 'zh-TW': '必填' };
const EXPECTED: Messages = { en: 'Expected {type}', 'zh-CN': '应为 {type}', 'zh-TW': '應為 {type}' };

type Issue = { code?: string; expected?: string; message?: string; keys?: unknown[] } & Record<string, unknown>;

/** The field error message for one zod issue in the caller's language. */
export function localizeIssue(issue: Issue | undefined, fallback: string, lang: Language): string {
  if (!issue?.code) return fallback;
  // Our own refinements carry hand-written text; zod's built-in codes are translated.
  if (issue.code === 'custom') return issue.message ?? fallback;
  // The input is not kept on issues, so zod would say "received undefined" for a wrong type too.
  if (issue.code === 'invalid_type') {
    return /received undefined$/.test(issue.message ?? '') ? REQUIRED[lang] : EXPECTED[lang].replace('{type}', String(issue.expected));
  }
  try {
    const text = maps[lang](issue as never);
    return (typeof text === 'string' ? text : text?.message) ?? fallback;
  } catch {
    return fallback;
  }
}
