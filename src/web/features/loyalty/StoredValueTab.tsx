// Stored value (储值) rules: which part a payment spends first, what a refunded top-up does to its bonus,
// one-time-code confirmation, top-up limits, HQ's cap on store bonus rules, and where it can be used.
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field.js';
import { Checkbox } from '../../components/Input.js';
import { IntInput } from './parts/IntInput.js';
import { MoneyCents } from './parts/MoneyCents.js';
import { ChoiceList, SettingsRow } from './parts/SettingsCard.js';
import { StorePicker } from './parts/StorePicker.js';
import { SectionFrame } from './SectionFrame.js';
import { useSection } from './useSection.js';

export function StoredValueTab() {
  const { t } = useTranslation();
  const section = useSection('wallet');
  const e = section.errors;
  return (
    <SectionFrame section={section} testId="loyalty-stored-value">
      {(w) => (
        <>
          <SettingsRow title={t('loyalty.wallet.spendOrder')} description={t('loyalty.wallet.spendOrderBody')}>
            <ChoiceList
              name="spend-order"
              value={w.spendOrder}
              onChange={(spendOrder) => section.set({ spendOrder })}
              testId="spend-order"
              options={[
                {
                  value: 'proportional',
                  label: t('loyalty.wallet.order.proportional'),
                  description: t('loyalty.wallet.order.proportionalBody'),
                },
                {
                  value: 'principal_first',
                  label: t('loyalty.wallet.order.principal_first'),
                  description: t('loyalty.wallet.order.principal_firstBody'),
                },
                {
                  value: 'bonus_first',
                  label: t('loyalty.wallet.order.bonus_first'),
                  description: t('loyalty.wallet.order.bonus_firstBody'),
                },
              ]}
            />
          </SettingsRow>
          <SettingsRow title={t('loyalty.wallet.refundBonus')} description={t('loyalty.wallet.refundBonusBody')}>
            <ChoiceList
              name="refund-bonus"
              value={w.topUpRefundBonus}
              onChange={(topUpRefundBonus) => section.set({ topUpRefundBonus })}
              options={[
                { value: 'forfeit', label: t('loyalty.wallet.forfeit'), description: t('loyalty.wallet.forfeitBody') },
                { value: 'keep', label: t('loyalty.wallet.keep'), description: t('loyalty.wallet.keepBody') },
              ]}
            />
          </SettingsRow>
          <SettingsRow title={t('loyalty.wallet.confirmation')} description={t('loyalty.wallet.confirmationBody')}>
            <Checkbox
              label={t('loyalty.wallet.otp')}
              description={t('loyalty.wallet.otpBody')}
              checked={w.confirmation === 'otp'}
              onChange={(ev) => section.set({ confirmation: ev.target.checked ? 'otp' : 'none' })}
              data-testid="wallet-otp"
            />
          </SettingsRow>
          <SettingsRow title={t('loyalty.wallet.limits')} description={t('loyalty.wallet.limitsBody')}>
            <div className="flex flex-wrap gap-4">
              <Field label={t('loyalty.wallet.minTopUp')} error={e.minTopUp}>
                <MoneyCents
                  value={w.minTopUp}
                  onChange={(v) => section.set({ minTopUp: v ?? Number.NaN })}
                  className="w-40"
                  testId="wallet-min-top-up"
                />
              </Field>
              <Field label={t('loyalty.wallet.maxTopUp')} error={e.maxTopUp}>
                <MoneyCents
                  value={w.maxTopUp}
                  onChange={(v) => section.set({ maxTopUp: v ?? Number.NaN })}
                  className="w-40"
                  testId="wallet-max-top-up"
                />
              </Field>
            </div>
          </SettingsRow>
          <SettingsRow title={t('loyalty.wallet.cap')} description={t('loyalty.wallet.capBody')}>
            <div className="flex flex-wrap gap-4">
              <Field label={t('loyalty.wallet.capPercent')} error={e['storeRuleCap.maxBonusBp']} hint={t('loyalty.blankNoLimit')}>
                <IntInput
                  value={w.storeRuleCap.maxBonusBp === null ? null : Math.round(w.storeRuleCap.maxBonusBp / 100)}
                  onChange={(v) =>
                    section.set({ storeRuleCap: { ...w.storeRuleCap, maxBonusBp: v === null ? null : Math.min(100, v) * 100 } })
                  }
                  suffix="%"
                  testId="wallet-cap-percent"
                />
              </Field>
              <Field label={t('loyalty.wallet.capAmount')} error={e['storeRuleCap.maxBonus']} hint={t('loyalty.blankNoLimit')}>
                <MoneyCents
                  value={w.storeRuleCap.maxBonus}
                  nullable
                  onChange={(v) => section.set({ storeRuleCap: { ...w.storeRuleCap, maxBonus: v } })}
                  className="w-40"
                />
              </Field>
            </div>
          </SettingsRow>
          <SettingsRow title={t('loyalty.wallet.where')} description={t('loyalty.wallet.whereBody')}>
            <StorePicker value={w.storeIds} onChange={(storeIds) => section.set({ storeIds })} testId="wallet-stores" />
          </SettingsRow>
        </>
      )}
    </SectionFrame>
  );
}
