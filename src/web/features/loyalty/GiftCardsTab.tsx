// Gift card rules: expiry (none by default: many US states and Canadian provinces forbid it), the amounts
// a card may be sold for, and preset designs.
import { useTranslation } from 'react-i18next';
import { Button, IconButton } from '../../components/Button.js';
import { Field } from '../../components/Field.js';
import { Input } from '../../components/Input.js';
import { Alert } from '../../components/ProblemAlert.js';
import type { LedgerSettings } from './api.js';
import { IntInput } from './parts/IntInput.js';
import { MoneyCents } from './parts/MoneyCents.js';
import { ChoiceList, SettingsRow } from './parts/SettingsCard.js';
import { SectionFrame } from './SectionFrame.js';
import { type Section, useSection } from './useSection.js';

type GiftCards = LedgerSettings['giftCards'];

export function GiftCardsTab() {
  const { t } = useTranslation();
  const section = useSection('giftCards');
  const e = section.errors;
  return (
    <SectionFrame section={section} testId="loyalty-gift-cards">
      {(g) => (
        <>
          <SettingsRow title={t('loyalty.giftCards.expiry')} description={t('loyalty.giftCards.expiryBody')} testId="gift-card-expiry">
            <ChoiceList
              name="gift-card-expiry"
              value={g.expiryMonths === null ? 'never' : 'months'}
              onChange={(v) => section.set({ expiryMonths: v === 'never' ? null : (g.expiryMonths ?? 60) })}
              testId="gift-card-expiry"
              options={[
                { value: 'never', label: t('loyalty.giftCards.never'), description: t('loyalty.giftCards.neverBody') },
                { value: 'months', label: t('loyalty.giftCards.after'), description: t('loyalty.giftCards.afterBody') },
              ]}
            />
            {g.expiryMonths !== null ? (
              <Field label={t('loyalty.giftCards.months')} error={e.expiryMonths}>
                <IntInput
                  value={g.expiryMonths}
                  onChange={(v) => section.set({ expiryMonths: v ?? Number.NaN })}
                  suffix={t('loyalty.monthsShort')}
                  testId="gift-card-expiry-months"
                />
              </Field>
            ) : null}
            <Alert
              tone={g.expiryMonths === null ? 'info' : 'warning'}
              title={t('loyalty.giftCards.legalTitle')}
              testId="gift-card-legal-note"
            >
              <p>{t('loyalty.giftCards.legalBody')}</p>
            </Alert>
          </SettingsRow>
          <SettingsRow title={t('loyalty.giftCards.amounts')} description={t('loyalty.giftCards.amountsBody')}>
            <div className="flex flex-wrap gap-4">
              <Field label={t('loyalty.giftCards.min')} error={e.minAmount}>
                <MoneyCents value={g.minAmount} onChange={(v) => section.set({ minAmount: v ?? Number.NaN })} className="w-40" />
              </Field>
              <Field label={t('loyalty.giftCards.max')} error={e.maxAmount}>
                <MoneyCents value={g.maxAmount} onChange={(v) => section.set({ maxAmount: v ?? Number.NaN })} className="w-40" />
              </Field>
            </div>
          </SettingsRow>
          <SettingsRow title={t('loyalty.giftCards.designs')} description={t('loyalty.giftCards.designsBody')}>
            <Designs section={section} cards={g} />
          </SettingsRow>
        </>
      )}
    </SectionFrame>
  );
}

function Designs({ section, cards }: { section: Section<'giftCards'>; cards: GiftCards }) {
  const { t } = useTranslation();
  const designs = cards.designs;
  const set = (next: GiftCards['designs']) => section.set({ designs: next });
  const update = (i: number, patch: Partial<GiftCards['designs'][number]>) =>
    set(designs.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  return (
    <div className="space-y-3">
      {designs.length === 0 ? <p className="text-sm text-zinc-500">{t('loyalty.giftCards.noDesigns')}</p> : null}
      {designs.map((d, i) => (
        <div
          key={d.id}
          className="grid gap-2 rounded-lg bg-zinc-50 p-3 ring-1 ring-inset ring-zinc-200 sm:grid-cols-[1fr_1fr_1fr_auto_auto] sm:items-center"
        >
          <Input
            value={d.name.en ?? ''}
            onChange={(e) => update(i, { name: { ...d.name, en: e.target.value } })}
            placeholder="English"
            aria-label="English"
          />
          <Input
            value={d.name['zh-CN'] ?? ''}
            onChange={(e) => update(i, { name: { ...d.name, 'zh-CN': e.target.value } })}
            placeholder="简体中文"
            aria-label="简体中文"
            lang="zh-CN"
          />
          <Input
            value={d.name['zh-TW'] ?? ''}
            onChange={(e) => update(i, { name: { ...d.name, 'zh-TW': e.target.value } })}
            placeholder="繁體中文"
            aria-label="繁體中文"
            lang="zh-TW"
          />
          <MoneyCents value={d.amount} nullable onChange={(v) => update(i, { amount: v })} className="sm:w-32" />
          <IconButton icon="trash" label={t('loyalty.remove')} onClick={() => set(designs.filter((_, j) => j !== i))} />
        </div>
      ))}
      <Button
        size="sm"
        variant="ghost"
        icon="plus"
        onClick={() => set([...designs, { id: `d${Date.now().toString(36)}`, name: { en: '' }, amount: 5_000 }])}
      >
        {t('loyalty.giftCards.addDesign')}
      </Button>
    </div>
  );
}
