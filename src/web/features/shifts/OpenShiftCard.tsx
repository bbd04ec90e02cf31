// No drawer open: count the float (or type it) and open the shift. Cash payments need an open drawer.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.js';
import { cx } from '../../components/cx.js';
import { Field } from '../../components/Field.js';
import { Input } from '../../components/Input.js';
import { Card } from '../../components/Page.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useToast } from '../../components/Toast.js';
import { fieldErrors } from '../../http/problem.js';
import type { StoreSummary } from '../../http/types.js';
import { MoneyInput } from '../catalog/parts/MoneyInput.js';
import { parseMoney, useMoney } from '../checkout/lib/money.js';
import { openShift } from './api.js';
import { DenominationCounter } from './DenominationCounter.js';
import { countsBody, countTotal } from './denominations.js';
import type { DenominationCounts } from './types.js';

export function OpenShiftCard({ store }: { store: StoreSummary }) {
  const { t } = useTranslation();
  const money = useMoney(store.currency);
  const toast = useToast();
  const queryClient = useQueryClient();
  const [byCount, setByCount] = useState(false);
  const [amount, setAmount] = useState('');
  const [counts, setCounts] = useState<DenominationCounts>({});
  const [drawer, setDrawer] = useState('main');
  const [tried, setTried] = useState(false);
  const float = byCount ? countTotal(counts) : parseMoney(amount);
  const open = useMutation({
    mutationFn: () =>
      openShift({
        storeId: store.id,
        drawer: drawer.trim() || 'main',
        ...(byCount ? { openingCounts: countsBody(counts) } : { openingFloat: float ?? 0 }),
      }),
    onSuccess: () => {
      toast(t('shifts.opened'));
      void queryClient.invalidateQueries({ queryKey: ['shifts'] });
    },
  });
  const errors = fieldErrors(open.error);
  return (
    <Card title={t('shifts.openTitle')} description={t('shifts.openBody')} testId="open-shift">
      <div className="space-y-4">
        <div className="grid max-w-sm grid-cols-2 gap-1 rounded-xl bg-zinc-100 p-1">
          {[false, true].map((c) => (
            <button
              key={String(c)}
              type="button"
              aria-pressed={byCount === c}
              onClick={() => setByCount(c)}
              className={cx('h-10 rounded-lg text-sm font-semibold', byCount === c ? 'bg-white text-zinc-900 shadow-sm' : 'text-zinc-600')}
            >
              {c ? t('shifts.byCount') : t('shifts.byAmount')}
            </button>
          ))}
        </div>
        {byCount ? (
          <DenominationCounter currency={store.currency} counts={counts} onChange={setCounts} />
        ) : (
          <Field
            label={t('shifts.float')}
            error={(tried && float === null ? t('shifts.amountInvalid') : undefined) ?? errors.openingFloat}
            className="max-w-xs"
          >
            <MoneyInput value={amount} onChange={setAmount} currency={store.currency} data-testid="shift-float" />
          </Field>
        )}
        <Field label={t('shifts.drawer')} hint={t('shifts.drawerHint')} className="max-w-xs">
          <Input value={drawer} onChange={(e) => setDrawer(e.target.value)} maxLength={40} />
        </Field>
        {open.error ? <ProblemAlert error={open.error} /> : null}
        <div className="flex items-center justify-between gap-4 border-t border-zinc-100 pt-4">
          <p className="text-sm text-zinc-600">
            {t('shifts.floatTotal')} <span className="text-xl font-semibold tabular-nums text-zinc-900">{money(float ?? 0)}</span>
          </p>
          <Button
            variant="primary"
            size="lg"
            loading={open.isPending}
            data-testid="shift-open"
            onClick={() => {
              setTried(true);
              if (float !== null) open.mutate();
            }}
          >
            {t('shifts.open')}
          </Button>
        </div>
      </div>
    </Card>
  );
}
