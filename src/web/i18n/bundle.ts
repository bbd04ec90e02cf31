import en from './en.json';
import zhCN from './zh-CN.json';
import zhTW from './zh-TW.json';

export type LocaleTree = { [key: string]: string | LocaleTree };

// Shared strings live in i18n/{lang}.json; each feature may keep its own strings beside its code in
// features/<name>/locales/{lang}.json (top-level key = the feature), merged here. Features stay
// self-contained and several people can add screens without editing one giant file.
const featureFiles = import.meta.glob<LocaleTree>('../features/*/locales/*.json', { eager: true, import: 'default' });

function merge(into: LocaleTree, from: LocaleTree): LocaleTree {
  for (const [key, value] of Object.entries(from)) {
    const existing = into[key];
    into[key] = typeof value === 'object' && typeof existing === 'object' ? merge({ ...existing }, value) : value;
  }
  return into;
}

function bundle(base: LocaleTree, language: string): LocaleTree {
  const merged = merge({}, base);
  for (const [path, tree] of Object.entries(featureFiles)) {
    if (path.endsWith(`/locales/${language}.json`)) merge(merged, tree);
  }
  return merged;
}

export const localeBundles: Record<'en' | 'zh-CN' | 'zh-TW', LocaleTree> = {
  en: bundle(en as LocaleTree, 'en'),
  'zh-CN': bundle(zhCN as LocaleTree, 'zh-CN'),
  'zh-TW': bundle(zhTW as LocaleTree, 'zh-TW'),
};

/** Feature locale files found, for the completeness test. */
export const featureLocaleFiles = Object.keys(featureFiles);
