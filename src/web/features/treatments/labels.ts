import { useTranslation } from 'react-i18next';
import type { Label } from './types.js';

/** A template label in the reader's language, else English. */
export const labelIn = (l: Label | undefined, lang: string): string => (l ? l[lang as keyof Label]?.trim() || l.en : '');

export function useLabel(): (l: Label | undefined) => string {
  const { i18n } = useTranslation();
  return (l) => labelIn(l, i18n.language);
}
