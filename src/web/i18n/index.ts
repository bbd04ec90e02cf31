import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setApiLanguage } from '../http/client.js';
import type { Language } from '../http/types.js';
import { localeBundles } from './bundle.js';
import { detectLanguage, LANGUAGES, rememberLanguage } from './languages.js';

export const resources = {
  en: { translation: localeBundles.en },
  'zh-CN': { translation: localeBundles['zh-CN'] },
  'zh-TW': { translation: localeBundles['zh-TW'] },
} as const;

export const i18n = i18next.createInstance();

function applyDocumentLanguage(language: string): void {
  setApiLanguage(language);
  if (typeof document !== 'undefined') {
    document.documentElement.lang = language;
    document.title = i18n.t('app.title');
  }
}

i18n.on('languageChanged', applyDocumentLanguage);

export function initI18n(language: Language = detectLanguage()): typeof i18n {
  if (!i18n.isInitialized) {
    void i18n.use(initReactI18next).init({
      resources,
      lng: language,
      fallbackLng: 'en',
      supportedLngs: [...LANGUAGES],
      load: 'currentOnly',
      interpolation: { escapeValue: false },
      returnNull: false,
      initAsync: false,
    });
    applyDocumentLanguage(language);
  }
  return i18n;
}

/** Switches the UI language and remembers it on this device. */
export async function setUiLanguage(language: Language): Promise<void> {
  rememberLanguage(language);
  if (i18n.language !== language) await i18n.changeLanguage(language);
}

export function currentLanguage(): Language {
  const lng = i18n.language;
  return lng === 'zh-CN' || lng === 'zh-TW' ? lng : 'en';
}
