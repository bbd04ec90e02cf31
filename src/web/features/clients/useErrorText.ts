import { useTranslation } from 'react-i18next';
import type { ClientErrorRef } from './form.js';

/** A client form error as text in the current language (follows a language switch). */
export function useClientErrorText(): (error: ClientErrorRef | undefined) => string | undefined {
  const { t } = useTranslation();
  return (error) => {
    if (!error) return undefined;
    if ('message' in error) return error.message;
    return t(`clients.validation.${error.key}`, { max: 30, ...error.params });
  };
}
