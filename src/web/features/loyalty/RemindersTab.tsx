// Balance reminders (余额提醒): when a spend leaves a wallet or gift card under a threshold, the client is
// told in her language through the outbox, honouring consent, quiet hours and a frequency cap.
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field.js';
import { Checkbox, Input, Switch } from '../../components/Input.js';
import type { Threshold } from '../balances/api.js';
import { Segmented } from '../balances/components/Segmented.js';
import { IntInput } from './parts/IntInput.js';
import { MoneyCents } from './parts/MoneyCents.js';
import { SettingsRow } from './parts/SettingsCard.js';
import { SectionFrame } from './SectionFrame.js';
import { useSection } from './useSection.js';

function ThresholdInput({ value, onChange, testId }: { value: Threshold; onChange: (v: Threshold) => void; testId: string }) {
  const { t } = useTranslation();
  return (
    <div className="flex flex-wrap items-center gap-3" data-testid={testId}>
      <Segmented
        label={t('loyalty.reminders.kind')}
        value={value.kind}
        onChange={(kind) => onChange(kind === 'amount' ? { kind, value: 5_000 } : { kind, value: 2_000 })}
        options={[
          { value: 'amount', label: t('loyalty.reminders.amount') },
          { value: 'percent', label: t('loyalty.reminders.percent') },
        ]}
      />
      {value.kind === 'amount' ? (
        <MoneyCents value={value.value} onChange={(v) => onChange({ kind: 'amount', value: v ?? Number.NaN })} className="w-36" />
      ) : (
        <IntInput
          value={Math.round(value.value / 100)}
          onChange={(v) => onChange({ kind: 'percent', value: v === null ? Number.NaN : Math.min(100, v) * 100 })}
          suffix="%"
        />
      )}
    </div>
  );
}

export function RemindersTab() {
  const { t } = useTranslation();
  const section = useSection('reminders');
  const e = section.errors;
  return (
    <SectionFrame section={section} testId="loyalty-reminders">
      {(r) => (
        <>
          <SettingsRow title={t('loyalty.reminders.enabled')} description={t('loyalty.reminders.enabledBody')}>
            <Switch
              checked={r.enabled}
              onChange={(enabled) => section.set({ enabled })}
              label={r.enabled ? t('loyalty.on') : t('loyalty.off')}
            />
          </SettingsRow>
          <SettingsRow title={t('loyalty.reminders.wallet')} description={t('loyalty.reminders.walletBody')}>
            <ThresholdInput value={r.wallet} onChange={(wallet) => section.set({ wallet })} testId="reminder-wallet" />
          </SettingsRow>
          <SettingsRow title={t('loyalty.reminders.giftCard')} description={t('loyalty.reminders.giftCardBody')}>
            <ThresholdInput value={r.giftCard} onChange={(giftCard) => section.set({ giftCard })} testId="reminder-gift-card" />
          </SettingsRow>
          <SettingsRow title={t('loyalty.reminders.how')} description={t('loyalty.reminders.howBody')}>
            <div className="flex flex-wrap gap-5">
              {(['sms', 'email'] as const).map((c) => (
                <Checkbox
                  key={c}
                  label={t(`loyalty.reminders.${c}`)}
                  checked={r.channels.includes(c)}
                  disabled={r.channels.length === 1 && r.channels.includes(c)}
                  onChange={(ev) => section.set({ channels: ev.target.checked ? [...r.channels, c] : r.channels.filter((x) => x !== c) })}
                />
              ))}
            </div>
            <div className="flex flex-wrap gap-4">
              <Field label={t('loyalty.reminders.interval')} error={e.minIntervalDays}>
                <IntInput
                  value={r.minIntervalDays}
                  onChange={(v) => section.set({ minIntervalDays: v ?? Number.NaN })}
                  suffix={t('loyalty.daysShort')}
                />
              </Field>
              <Field label={t('loyalty.reminders.quietStart')} error={e['quietHours.start']}>
                <Input
                  type="time"
                  value={r.quietHours.start}
                  onChange={(ev) => section.set({ quietHours: { ...r.quietHours, start: ev.target.value } })}
                  className="w-32"
                />
              </Field>
              <Field label={t('loyalty.reminders.quietEnd')} error={e['quietHours.end']}>
                <Input
                  type="time"
                  value={r.quietHours.end}
                  onChange={(ev) => section.set({ quietHours: { ...r.quietHours, end: ev.target.value } })}
                  className="w-32"
                />
              </Field>
            </div>
          </SettingsRow>
        </>
      )}
    </SectionFrame>
  );
}
