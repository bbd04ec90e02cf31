// Points (积分) rules: how many points a dollar earns (by category), bonus events (double points), what
// points are worth when redeemed and the minimum, and expiry.
import { useTranslation } from 'react-i18next';
import { Button, IconButton } from '../../components/Button.js';
import { Field } from '../../components/Field.js';
import { Input, Select, Switch } from '../../components/Input.js';
import { useMoney, useNumber } from '../balances/money.js';
import type { LedgerSettings } from './api.js';
import { CategoryValueRows } from './parts/CategoryValueRows.js';
import { IntInput } from './parts/IntInput.js';
import { SettingsRow } from './parts/SettingsCard.js';
import { SectionFrame } from './SectionFrame.js';
import { type Section, useSection } from './useSection.js';

type Points = LedgerSettings['points'];

const int = (v: number | null) => v ?? Number.NaN;

export function PointsTab() {
  const { t } = useTranslation();
  const section = useSection('points');
  const { m } = useMoney();
  const n = useNumber();
  const e = section.errors;
  return (
    <SectionFrame section={section} testId="loyalty-points">
      {(p) => (
        <>
          <SettingsRow title={t('loyalty.points.enabled')} description={t('loyalty.points.enabledBody')}>
            <Switch
              checked={p.enabled}
              onChange={(enabled) => section.set({ enabled })}
              label={p.enabled ? t('loyalty.on') : t('loyalty.off')}
              data-testid="points-enabled"
            />
          </SettingsRow>
          <SettingsRow title={t('loyalty.points.earn')} description={t('loyalty.points.earnBody')}>
            <div className="flex flex-wrap gap-4">
              <Field label={t('loyalty.points.perDollar')} error={e['earn.perDollar']}>
                <IntInput
                  value={p.earn.perDollar}
                  onChange={(v) => section.set({ earn: { ...p.earn, perDollar: int(v) } })}
                  testId="points-per-dollar"
                />
              </Field>
              <Field label={t('loyalty.points.productsPerDollar')} error={e['earn.productsPerDollar']}>
                <IntInput
                  value={p.earn.productsPerDollar}
                  onChange={(v) => section.set({ earn: { ...p.earn, productsPerDollar: int(v) } })}
                />
              </Field>
            </div>
            <CategoryRates section={section} points={p} />
            {p.earn.excludedItemIds.length > 0 ? (
              <p className="text-xs text-zinc-500">{t('loyalty.points.excluded', { count: p.earn.excludedItemIds.length })}</p>
            ) : null}
          </SettingsRow>
          <SettingsRow title={t('loyalty.points.events')} description={t('loyalty.points.eventsBody')}>
            <BonusEvents section={section} points={p} />
          </SettingsRow>
          <SettingsRow title={t('loyalty.points.redeem')} description={t('loyalty.points.redeemBody')}>
            <div className="flex flex-wrap gap-4">
              <Field label={t('loyalty.points.pointsPerDollar')} error={e['redeem.pointsPerDollar']}>
                <IntInput
                  value={p.redeem.pointsPerDollar}
                  onChange={(v) => section.set({ redeem: { ...p.redeem, pointsPerDollar: int(v) } })}
                  testId="points-redeem-rate"
                />
              </Field>
              <Field label={t('loyalty.points.minPoints')} error={e['redeem.minPoints']}>
                <IntInput
                  value={p.redeem.minPoints}
                  onChange={(v) => section.set({ redeem: { ...p.redeem, minPoints: int(v) } })}
                  testId="points-min"
                />
              </Field>
            </div>
            {p.redeem.pointsPerDollar > 0 ? (
              <p className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="points-rate-preview">
                {t('loyalty.points.ratePreview', {
                  points: n(p.redeem.pointsPerDollar * 10),
                  amount: m(1000),
                  min: n(p.redeem.minPoints || 0),
                  minAmount: m(Math.floor(((p.redeem.minPoints || 0) * 100) / p.redeem.pointsPerDollar)),
                })}
              </p>
            ) : null}
          </SettingsRow>
          <SettingsRow title={t('loyalty.points.expiry')} description={t('loyalty.points.expiryBody')}>
            <div className="flex flex-wrap gap-4">
              <Field label={t('loyalty.points.expiryMonths')} hint={t('loyalty.blankNever')} error={e['expiry.months']}>
                <IntInput
                  value={p.expiry.months}
                  onChange={(v) => section.set({ expiry: { ...p.expiry, months: v } })}
                  suffix={t('loyalty.monthsShort')}
                />
              </Field>
              <Field label={t('loyalty.points.noticeDays')} error={e['expiry.noticeDays']}>
                <IntInput
                  value={p.expiry.noticeDays}
                  onChange={(v) => section.set({ expiry: { ...p.expiry, noticeDays: int(v) } })}
                  suffix={t('loyalty.daysShort')}
                />
              </Field>
            </div>
          </SettingsRow>
        </>
      )}
    </SectionFrame>
  );
}

function CategoryRates({ section, points }: { section: Section<'points'>; points: Points }) {
  const { t } = useTranslation();
  return (
    <CategoryValueRows
      title={t('loyalty.points.categoryRates')}
      rows={points.earn.categories}
      onChange={(next) => section.set({ earn: { ...points.earn, categories: next } })}
      value={(r) => r.perDollar}
      withValue={(r, v) => ({ ...r, perDollar: int(v) })}
      newRow={(categoryId) => ({ categoryId, perDollar: points.earn.perDollar * 2 || 1 })}
      suffix={t('loyalty.points.perDollarShort')}
      addLabel={t('loyalty.points.addCategory')}
    />
  );
}

function BonusEvents({ section, points }: { section: Section<'points'>; points: Points }) {
  const { t } = useTranslation();
  const events = points.bonusEvents;
  const set = (next: Points['bonusEvents']) => section.set({ bonusEvents: next });
  const today = new Date().toISOString().slice(0, 10);
  return (
    <div className="space-y-3">
      {events.length === 0 ? <p className="text-sm text-zinc-500">{t('loyalty.points.noEvents')}</p> : null}
      {events.map((ev, i) => (
        <div key={ev.id} className="grid gap-2 rounded-lg bg-zinc-50 p-3 ring-1 ring-inset ring-zinc-200 sm:grid-cols-[1fr_auto]">
          <div className="grid gap-2 sm:grid-cols-2">
            <Input
              value={ev.name}
              onChange={(e) => set(events.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))}
              aria-label={t('loyalty.points.eventName')}
              placeholder={t('loyalty.points.eventName')}
              className="sm:col-span-2"
            />
            <Input
              type="date"
              value={ev.startsOn}
              onChange={(e) => set(events.map((x, j) => (j === i ? { ...x, startsOn: e.target.value } : x)))}
              aria-label={t('loyalty.from')}
            />
            <Input
              type="date"
              value={ev.endsOn}
              onChange={(e) => set(events.map((x, j) => (j === i ? { ...x, endsOn: e.target.value } : x)))}
              aria-label={t('loyalty.to')}
            />
          </div>
          <div className="flex items-center gap-2 sm:flex-col sm:items-end">
            <Select
              value={String(ev.multiplierBp)}
              onChange={(e) => set(events.map((x, j) => (j === i ? { ...x, multiplierBp: Number(e.target.value) } : x)))}
              className="w-28"
              aria-label={t('loyalty.points.multiplier')}
            >
              {[15_000, 20_000, 30_000, 50_000]
                .concat([15_000, 20_000, 30_000, 50_000].includes(ev.multiplierBp) ? [] : [ev.multiplierBp])
                .map((bp) => (
                  <option key={bp} value={bp}>
                    {t('loyalty.points.times', { times: bp / 10_000 })}
                  </option>
                ))}
            </Select>
            <IconButton icon="trash" label={t('loyalty.remove')} onClick={() => set(events.filter((_, j) => j !== i))} />
          </div>
        </div>
      ))}
      <Button
        size="sm"
        variant="ghost"
        icon="plus"
        onClick={() =>
          set([
            ...events,
            {
              id: `e${Date.now().toString(36)}`,
              name: t('loyalty.points.doublePoints'),
              startsOn: today,
              endsOn: today,
              multiplierBp: 20_000,
              storeIds: null,
              categoryIds: null,
            },
          ])
        }
      >
        {t('loyalty.points.addEvent')}
      </Button>
    </div>
  );
}
