import type { Language } from '../http/types.js';

export const LANGUAGES: readonly Language[] = ['en', 'zh-CN', 'zh-TW'];

/**
 * Each language is named in its own script (an endonym), whatever the current UI language is,
 * so a reader can always find theirs. These are deliberately not translated.
 */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  'zh-CN': '简体中文',
  'zh-TW': '繁體中文',
};

const STORAGE_KEY = 'orchid.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Maps a BCP 47 tag from the browser to one of our three languages. */
export function matchLanguage(tag: string): Language | null {
  const lower = tag.toLowerCase();
  if (lower === 'en' || lower.startsWith('en-')) return 'en';
  if (!lower.startsWith('zh')) return null;
  if (/^zh-(hant|tw|hk|mo)\b/.test(lower) || lower.includes('-hant')) return 'zh-TW';
  return 'zh-CN';
}

export function storedLanguage(): Language | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

export function rememberLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
}

/** The language to start in before we know who is signed in. */
export function detectLanguage(browserLanguages: readonly string[] = navigator.languages ?? []): Language {
  const stored = storedLanguage();
  if (stored) return stored;
  for (const tag of browserLanguages) {
    const match = matchLanguage(tag);
    if (match) return match;
  }
  return 'en';
}
