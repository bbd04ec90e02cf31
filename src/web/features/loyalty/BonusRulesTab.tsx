// Top-up bonus rules ("pay $100 get $20"): the list with what each gives, where and when; add and change
// them; and a preview of the bonus a top-up gets today at a store under the rules in force.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { EmptyState } from '../../components/EmptyState.js';
import { Select } from '../../components/Input.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { Loading } from '../../components/Spinner.js';
import { useMe } from '../auth/session.js';
import { bonusPreviewQuery } from '../balances/api.js';
import { BalanceIcon } from '../balances/icons.js';
import { parseMoney, useCalendarDate, useMoney } from '../balances/money.js';
import { MoneyInput } from '../catalog/parts/MoneyInput.js';
import { useCurrentStore } from '../shell/CurrentStore.js';
import { type BonusRule, bonusRulesQuery } from './api.js';
import { BonusRuleDrawer } from './BonusRuleDrawer.js';

export function BonusRulesTab() {
  const { t } = useTranslation();
  const rules = useQuery(bonusRulesQuery);
  const [editing, setEditing] = useState<{ rule: BonusRule | null } | null>(null);
  return (
    <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_320px]" data-testid="loyalty-bonuses">
      <div className="space-y-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <p className="max-w-xl text-sm text-zinc-500">{t('loyalty.bonuses.body')}</p>
          <Button variant="primary" icon="plus" onClick={() => setEditing({ rule: null })} data-testid="bonus-rule-add">
            {t('loyalty.bonuses.add')}
          </Button>
        </div>
        {rules.isPending ? (
          <Loading label={t('common.loading')} />
        ) : rules.isError ? (
          <ProblemAlert error={rules.error} />
        ) : rules.data.data.length === 0 ? (
          <div className="rounded-xl bg-white shadow-card ring-1 ring-zinc-200">
            <EmptyState
              icon="plus"
              title={t('loyalty.bonuses.emptyTitle')}
              description={t('loyalty.bonuses.emptyBody')}
              action={
                <Button variant="primary" icon="plus" onClick={() => setEditing({ rule: null })}>
                  {t('loyalty.bonuses.add')}
                </Button>
              }
            />
          </div>
        ) : (
          <ul className="space-y-3" data-testid="bonus-rules">
            {rules.data.data.map((r) => (
              <li key={r.id}>
                <RuleCard rule={r} onEdit={() => setEditing({ rule: r })} />
              </li>
            ))}
          </ul>
        )}
      </div>
      <PreviewCard />
      <BonusRuleDrawer open={editing !== null} rule={editing?.rule ?? null} onClose={() => setEditing(null)} />
    </div>
  );
}

function RuleCard({ rule, onEdit }: { rule: BonusRule; onEdit: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const { m } = useMoney();
  const date = useCalendarDate();
  const stores = rule.storeIds
    ? rule.storeIds
        .map((id) => me.stores.find((s) => s.id === id)?.name ?? '')
        .filter(Boolean)
        .join(', ')
    : t('loyalty.stores.all');
  const when =
    rule.startsOn && rule.endsOn
      ? t('loyalty.bonuses.between', { from: date(rule.startsOn), to: date(rule.endsOn) })
      : rule.startsOn
        ? t('loyalty.bonuses.fromDate', { from: date(rule.startsOn) })
        : rule.endsOn
          ? t('loyalty.bonuses.untilDate', { to: date(rule.endsOn) })
          : t('loyalty.bonuses.always');
  return (
    <button
      type="button"
      onClick={onEdit}
      className="w-full rounded-xl bg-white p-4 text-left shadow-card ring-1 ring-zinc-200 transition hover:ring-orchid-300 sm:p-5"
      data-testid="bonus-rule"
      data-rule-id={rule.id}
    >
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-semibold text-zinc-900">{rule.name}</span>
        {rule.active ? <Badge tone="success">{t('loyalty.bonuses.active')}</Badge> : <Badge>{t('loyalty.bonuses.paused')}</Badge>}
        {rule.firstTopUpOnly ? <Badge tone="info">{t('loyalty.bonuses.firstOnlyShort')}</Badge> : null}
        {rule.scope === 'store' ? <Badge tone="warning">{t('loyalty.bonuses.storeRule')}</Badge> : null}
      </div>
      <ul className="mt-3 flex flex-wrap gap-2">
        {rule.thresholds.map((x) => (
          <li key={x.pay} className="rounded-lg bg-amber-50 px-2.5 py-1 text-sm text-amber-900 ring-1 ring-inset ring-amber-200">
            {t('loyalty.bonuses.threshold', { pay: m(x.pay), bonus: m(x.bonus) })}
          </li>
        ))}
      </ul>
      <p className="mt-3 text-xs text-zinc-500">
        {when} · {stores}
      </p>
    </button>
  );
}

function PreviewCard() {
  const { t } = useTranslation();
  const me = useMe();
  const { store } = useCurrentStore();
  const { m, currency } = useMoney();
  const [amount, setAmount] = useState('100.00');
  const [storeId, setStoreId] = useState(store?.id ?? me.stores[0]?.id ?? '');
  const cents = parseMoney(amount) ?? 0;
  const preview = useQuery(bonusPreviewQuery(storeId, cents));
  return (
    <aside className="h-fit rounded-xl bg-white p-5 shadow-card ring-1 ring-zinc-200 lg:sticky lg:top-4" data-testid="bonus-preview">
      <h3 className="flex items-center gap-2 text-sm font-semibold text-zinc-900">
        <BalanceIcon name="wallet" className="size-4 text-orchid-600" />
        {t('loyalty.bonuses.tryTitle')}
      </h3>
      <p className="mt-1 text-sm text-zinc-500">{t('loyalty.bonuses.tryBody')}</p>
      <div className="mt-4 space-y-3">
        <MoneyInput
          value={amount}
          onChange={setAmount}
          currency={currency}
          data-testid="bonus-preview-amount"
          aria-label={t('loyalty.bonuses.tryAmount')}
        />
        {me.stores.length > 1 ? (
          <Select value={storeId} onChange={(e) => setStoreId(e.target.value)} aria-label={t('loyalty.stores.label')}>
            {me.stores.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </Select>
        ) : null}
      </div>
      {cents > 0 && preview.data ? (
        <div className="mt-4 rounded-lg bg-orchid-50 px-4 py-3" data-testid="bonus-preview-result" data-bonus={preview.data.bonus}>
          <p className="text-sm text-orchid-900">
            {preview.data.bonus > 0
              ? t('loyalty.bonuses.tryResult', { pay: m(cents), bonus: m(preview.data.bonus), total: m(cents + preview.data.bonus) })
              : t('loyalty.bonuses.tryNone', { pay: m(cents) })}
          </p>
          {preview.data.ruleName ? (
            <p className="mt-1 text-xs text-orchid-700">{t('loyalty.bonuses.byRule', { rule: preview.data.ruleName })}</p>
          ) : null}
        </div>
      ) : preview.error ? (
        <ProblemAlert error={preview.error} className="mt-4" />
      ) : null}
    </aside>
  );
}
