// One part of the business's ledger settings (stored value, points, gift cards, reminders, tiers) edited
// as a draft and saved with the version it was read at: the server keeps one settings document, so
// saving writes the whole document with only this part changed, and a stale version is 409.
import { type UseQueryResult, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useToast } from '../../components/Toast.js';
import { fieldErrors } from '../../http/problem.js';
import { type LedgerSettings, ledgerSettingsQuery, saveLedgerSettings } from './api.js';

/** True when any number in the value is NaN (an amount typed that is not an amount). */
export function hasInvalidNumber(value: unknown): boolean {
  if (typeof value === 'number') return Number.isNaN(value);
  if (Array.isArray(value)) return value.some(hasInvalidNumber);
  if (value && typeof value === 'object') return Object.values(value).some(hasInvalidNumber);
  return false;
}

export interface Section<K extends keyof LedgerSettings> {
  query: UseQueryResult<{ settings: LedgerSettings; version: number }>;
  value: LedgerSettings[K] | undefined;
  dirty: boolean;
  invalid: boolean;
  set: (patch: Partial<LedgerSettings[K]>) => void;
  save: () => void;
  saving: boolean;
  error: unknown;
  /** Server field errors under this part, by path ("minTopUp", "storeRuleCap.maxBonusBp"). */
  errors: Record<string, string>;
  discard: () => void;
  reload: () => Promise<void>;
}

export function useSection<K extends keyof LedgerSettings>(key: K): Section<K> {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const query = useQuery(ledgerSettingsQuery);
  const [draft, setDraft] = useState<LedgerSettings[K] | null>(null);
  const base = query.data?.settings[key];
  const value = (draft ?? base) as LedgerSettings[K] | undefined;
  const dirty = draft !== null && JSON.stringify(draft) !== JSON.stringify(base);
  const invalid = draft !== null && hasInvalidNumber(draft);

  const save = useMutation({
    mutationFn: (next: LedgerSettings[K]) => {
      if (!query.data) throw new Error('settings not loaded');
      return saveLedgerSettings(query.data.version, { ...query.data.settings, [key]: next });
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(ledgerSettingsQuery.queryKey, saved);
      setDraft(null);
      toast(t('loyalty.saved'));
    },
  });

  return {
    query,
    value,
    dirty,
    invalid,
    set: (patch: Partial<LedgerSettings[K]>) => {
      if (!value) return;
      setDraft({ ...value, ...patch });
      if (save.error) save.reset();
    },
    save: () => {
      if (value && !invalid) save.mutate(value);
    },
    saving: save.isPending,
    error: save.error,
    errors: fieldErrors(save.error, `settings.${String(key)}`),
    discard: () => {
      setDraft(null);
      save.reset();
    },
    reload: async () => {
      setDraft(null);
      save.reset();
      await query.refetch();
    },
  };
}
