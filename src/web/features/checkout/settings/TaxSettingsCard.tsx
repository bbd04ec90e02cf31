// A store's tax rates: a ready-made preset (New York City, British Columbia, Ontario, Alberta) or custom
// rates by tax class, compound or not, prices with or without tax. Only the owner changes them (audited).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/Badge.js';
import { Button } from '../../../components/Button.js';
import { cx } from '../../../components/cx.js';
import { ConfirmDialog } from '../../../components/Dialog.js';
import { Icon } from '../../../components/icons.js';
import { Card } from '../../../components/Page.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { Loading } from '../../../components/Spinner.js';
import { useToast } from '../../../components/Toast.js';
import type { StoreSummary } from '../../../http/types.js';
import { currentLanguage } from '../../../i18n/index.js';
import { putTaxSettings, taxPresetsQuery, taxSettingsQuery } from '../api.js';
import type { TaxRate, TaxSettings } from '../types.js';
import { TaxRatesEditor } from './TaxRatesEditor.js';

export const rateName = (r: TaxRate) => r.nameTranslations?.[currentLanguage()] || r.name;

type PresetChoice = { preset: string; taxServices: boolean; settings: TaxSettings };

export function presetKey(p: TaxSettings): string {
  const services = p.rates.some((r) => r.appliesTo.includes('service'));
  return p.preset === 'us_nyc' ? (services ? 'us_nyc_services' : 'us_nyc') : (p.preset ?? 'custom');
}

export function TaxSettingsCard({ store, canEdit }: { store: StoreSummary; canEdit: boolean }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const current = useQuery(taxSettingsQuery(store.id));
  const presets = useQuery({ ...taxPresetsQuery, enabled: canEdit });
  const [confirm, setConfirm] = useState<PresetChoice | null>(null);
  const [editing, setEditing] = useState(false);
  const save = useMutation({
    mutationFn: (body: Parameters<typeof putTaxSettings>[1]) => putTaxSettings(store.id, body),
    onSuccess: (s) => {
      queryClient.setQueryData(taxSettingsQuery(store.id).queryKey, s);
      void queryClient.invalidateQueries({ queryKey: ['sales', 'one'] });
      toast(t('checkout.settings.taxSaved'));
      setConfirm(null);
      setEditing(false);
    },
  });

  const s = current.data;
  return (
    <Card
      title={t('checkout.settings.taxTitle')}
      description={t('checkout.settings.taxBody', { store: store.name })}
      testId="tax-settings"
      actions={
        canEdit && s && !editing ? (
          <Button size="sm" icon="pencil" onClick={() => setEditing(true)} data-testid="tax-edit">
            {t('checkout.settings.customRates')}
          </Button>
        ) : null
      }
    >
      {current.isPending ? <Loading label={t('common.loading')} /> : null}
      {current.isError ? <ProblemAlert error={current.error} /> : null}
      {s && editing ? (
        <TaxRatesEditor
          initial={s}
          saving={save.isPending}
          error={save.error}
          onCancel={() => setEditing(false)}
          onSave={(body) => save.mutate(body)}
        />
      ) : s ? (
        <div className="space-y-5">
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <Badge tone="accent">{t(`checkout.settings.presets.${presetKey(s)}` as 'checkout.settings.presets.custom')}</Badge>
            <Badge>{s.pricesIncludeTax ? t('checkout.settings.inclusive') : t('checkout.settings.exclusive')}</Badge>
          </div>
          {s.rates.length === 0 ? (
            <p className="text-sm text-zinc-500" data-testid="tax-none">
              {t('checkout.settings.noRates')}
            </p>
          ) : (
            <ul className="divide-y divide-zinc-100 rounded-xl ring-1 ring-zinc-200" data-testid="tax-rates">
              {s.rates.map((r) => (
                <li key={r.code} className="flex flex-wrap items-center gap-3 px-4 py-3 text-sm">
                  <span className="min-w-0 flex-1 font-medium text-zinc-900">{rateName(r)}</span>
                  <span className="tabular-nums text-zinc-900">{r.rate}%</span>
                  <span className="flex flex-wrap gap-1">
                    {r.appliesTo.map((c) => (
                      <Badge key={c}>
                        {t(`checkout.settings.classes.${c}` as 'checkout.settings.classes.service', { defaultValue: c })}
                      </Badge>
                    ))}
                  </span>
                  {r.compound ? <Badge tone="warning">{t('checkout.settings.compound')}</Badge> : null}
                </li>
              ))}
            </ul>
          )}
          {canEdit && presets.data ? (
            <div>
              <p className="mb-2 text-sm font-medium text-zinc-800">{t('checkout.settings.usePreset')}</p>
              <div className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
                {presets.data.data.map((p) => {
                  const key = presetKey(p);
                  const active = !!s.preset && key === presetKey(s);
                  return (
                    <button
                      key={key}
                      type="button"
                      data-testid={`tax-preset-${key}`}
                      aria-pressed={active}
                      disabled={active}
                      onClick={() => setConfirm({ preset: p.preset ?? '', taxServices: key === 'us_nyc_services', settings: p })}
                      className={cx(
                        'rounded-xl p-3 text-left ring-1 transition',
                        active ? 'bg-orchid-50 ring-2 ring-orchid-600' : 'bg-white ring-zinc-200 hover:ring-orchid-300',
                      )}
                    >
                      <span className="flex items-center justify-between gap-2 text-sm font-semibold text-zinc-900">
                        {t(`checkout.settings.presets.${key}` as 'checkout.settings.presets.custom')}
                        {active ? <Icon name="checkCircle" className="size-4 text-orchid-700" /> : null}
                      </span>
                      <span className="block text-xs text-zinc-500">{p.rates.map((r) => `${rateName(r)} ${r.rate}%`).join(' + ')}</span>
                    </button>
                  );
                })}
              </div>
            </div>
          ) : null}
          {!canEdit ? <p className="text-xs text-zinc-500">{t('checkout.settings.ownerOnly')}</p> : null}
        </div>
      ) : null}
      <ConfirmDialog
        open={!!confirm}
        onClose={() => setConfirm(null)}
        onConfirm={() => confirm && save.mutate({ preset: confirm.preset, taxServices: confirm.taxServices })}
        title={t('checkout.settings.presetConfirmTitle')}
        body={
          confirm
            ? t('checkout.settings.presetConfirmBody', {
                preset: t(`checkout.settings.presets.${presetKey(confirm.settings)}` as 'checkout.settings.presets.custom'),
                store: store.name,
              })
            : ''
        }
        confirmLabel={t('checkout.settings.apply')}
        loading={save.isPending}
        error={save.error && confirm ? <ProblemAlert error={save.error} /> : undefined}
        testId="tax-preset-confirm"
      />
    </Card>
  );
}
