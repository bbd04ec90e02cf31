// Membership tiers (会员等级): what qualifies (rolling spend or points, the window) and the tiers with their
// thresholds and benefits.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { EmptyState } from '../../components/EmptyState.js';
import { Field } from '../../components/Field.js';
import { Checkbox } from '../../components/Input.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { Loading } from '../../components/Spinner.js';
import { tierName } from '../balances/api.js';
import { BalanceIcon } from '../balances/icons.js';
import { useMoney, useNumber, usePercent } from '../balances/money.js';
import { type Tier, tiersQuery } from './api.js';
import { IntInput } from './parts/IntInput.js';
import { ChoiceList, SettingsRow } from './parts/SettingsCard.js';
import { SectionFrame } from './SectionFrame.js';
import { TierDrawer } from './TierDrawer.js';
import { useSection } from './useSection.js';

export function TiersTab() {
  const { t } = useTranslation();
  const section = useSection('tiers');
  const tiers = useQuery(tiersQuery);
  const [editing, setEditing] = useState<{ tier: Tier | null } | null>(null);
  const basis = section.query.data?.settings.tiers.basis ?? 'spend';
  const list = tiers.data?.data ?? [];
  const nextRank = Math.max(0, ...list.map((x) => x.rank)) + 1;
  return (
    <div className="space-y-6" data-testid="loyalty-tiers">
      <section className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 className="text-base font-semibold text-zinc-900">{t('loyalty.tiers.listTitle')}</h2>
          <Button variant="primary" icon="plus" onClick={() => setEditing({ tier: null })} data-testid="tier-add">
            {t('loyalty.tiers.add')}
          </Button>
        </div>
        {tiers.isPending ? (
          <Loading label={t('common.loading')} />
        ) : tiers.isError ? (
          <ProblemAlert error={tiers.error} />
        ) : list.length === 0 ? (
          <div className="rounded-xl bg-white shadow-card ring-1 ring-zinc-200">
            <EmptyState icon="plus" title={t('loyalty.tiers.emptyTitle')} description={t('loyalty.tiers.emptyBody')} />
          </div>
        ) : (
          <ol className="grid gap-3 md:grid-cols-3" data-testid="tiers-list">
            {list.map((tier) => (
              <li key={tier.id}>
                <TierCard tier={tier} basis={basis} onEdit={() => setEditing({ tier })} />
              </li>
            ))}
          </ol>
        )}
      </section>
      <SectionFrame section={section} testId="loyalty-tier-settings">
        {(s) => (
          <>
            <SettingsRow title={t('loyalty.tiers.basis')} description={t('loyalty.tiers.basisBody')}>
              <ChoiceList
                name="tier-basis"
                value={s.basis}
                onChange={(b) => section.set({ basis: b })}
                options={[
                  { value: 'spend', label: t('loyalty.tiers.bySpend'), description: t('loyalty.tiers.bySpendBody') },
                  { value: 'points', label: t('loyalty.tiers.byPoints'), description: t('loyalty.tiers.byPointsBody') },
                ]}
              />
              <Field label={t('loyalty.tiers.window')} error={section.errors.windowMonths}>
                <IntInput
                  value={s.windowMonths}
                  onChange={(v) => section.set({ windowMonths: v ?? Number.NaN })}
                  suffix={t('loyalty.monthsShort')}
                />
              </Field>
              <Checkbox
                label={t('loyalty.tiers.countTopUps')}
                description={t('loyalty.tiers.countTopUpsBody')}
                checked={s.countTopUps}
                onChange={(e) => section.set({ countTopUps: e.target.checked })}
              />
            </SettingsRow>
          </>
        )}
      </SectionFrame>
      <TierDrawer open={editing !== null} tier={editing?.tier ?? null} basis={basis} nextRank={nextRank} onClose={() => setEditing(null)} />
    </div>
  );
}

function TierCard({ tier, basis, onEdit }: { tier: Tier; basis: 'spend' | 'points'; onEdit: () => void }) {
  const { t, i18n } = useTranslation();
  const { m } = useMoney();
  const n = useNumber();
  const pct = usePercent();
  const discount = tier.discounts.find((d) => d.categoryId === null)?.percentBp ?? 0;
  const byCategory = tier.discounts.filter((d) => d.categoryId !== null).length;
  return (
    <button
      type="button"
      onClick={onEdit}
      className="flex h-full w-full flex-col rounded-xl bg-white p-4 text-left shadow-card ring-1 ring-zinc-200 transition hover:ring-orchid-300"
      data-testid="tier-item"
    >
      <div className="flex items-center gap-2">
        <span className="flex size-8 items-center justify-center rounded-lg bg-zinc-900 text-amber-300">
          <BalanceIcon name="crown" className="size-4" />
        </span>
        <span className="font-semibold text-zinc-900">{tierName(tier, i18n.language)}</span>
        {!tier.active ? <Badge>{t('loyalty.tiers.inactive')}</Badge> : null}
      </div>
      <p className="mt-3 text-sm text-zinc-600">
        {basis === 'spend'
          ? t('loyalty.tiers.fromSpend', { amount: m(tier.threshold) })
          : t('loyalty.tiers.fromPoints', { points: n(tier.threshold) })}
      </p>
      <ul className="mt-2 flex flex-wrap gap-1.5 text-xs">
        {discount ? (
          <li className="rounded-md bg-emerald-50 px-2 py-0.5 font-medium text-emerald-800">
            {t('balances.tier.discount', { percent: pct(discount) })}
          </li>
        ) : null}
        {byCategory ? (
          <li className="rounded-md bg-emerald-50 px-2 py-0.5 font-medium text-emerald-800">
            {t('loyalty.tiers.byCategory', { count: byCategory })}
          </li>
        ) : null}
        {tier.pointsMultiplierBp !== 10_000 ? (
          <li className="rounded-md bg-amber-50 px-2 py-0.5 font-medium text-amber-800">
            {t('balances.tier.multiplier', { times: n(tier.pointsMultiplierBp / 10_000) })}
          </li>
        ) : null}
        {tier.birthdayGift ? (
          <li className="rounded-md bg-orchid-50 px-2 py-0.5 font-medium text-orchid-800">{t('loyalty.tiers.birthdayShort')}</li>
        ) : null}
      </ul>
    </button>
  );
}
