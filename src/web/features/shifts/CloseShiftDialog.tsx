// Closing the drawer: count what is in it (bill by bill, or one amount), see expected vs counted, close.
// The server computes the figures at the moment of closing and records the over/short.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.js';
import { cx } from '../../components/cx.js';
import { Drawer } from '../../components/Drawer.js';
import { Field } from '../../components/Field.js';
import { Textarea } from '../../components/Input.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { MoneyInput } from '../catalog/parts/MoneyInput.js';
import { parseMoney, useMoney } from '../checkout/lib/money.js';
import { closeShift, shiftQuery } from './api.js';
import { DenominationCounter } from './DenominationCounter.js';
import { countsBody, countTotal } from './denominations.js';
import { OverShort } from './OverShort.js';
import type { DenominationCounts, Shift } from './types.js';

export function CloseShiftDialog({ shift: initial, onClose, onZReport }: { shift: Shift; onClose: () => void; onZReport: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const fresh = useQuery({ ...shiftQuery(initial.id), initialData: initial, refetchInterval: 10_000 });
  const shift = fresh.data;
  const money = useMoney(shift.currency);
  const [byCount, setByCount] = useState(true);
  const [counts, setCounts] = useState<DenominationCounts>({});
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const counted = byCount ? countTotal(counts) : parseMoney(amount);
  const expected = shift.drawerFigures.expectedCash;
  const close = useMutation({
    mutationFn: () =>
      closeShift(shift.id, {
        version: shift.version,
        ...(byCount ? { counts: countsBody(counts) } : { countedCash: counted ?? 0 }),
        ...(note.trim() ? { note: note.trim() } : {}),
      }),
    onSuccess: (closed) => {
      queryClient.setQueryData(shiftQuery(closed.id).queryKey, closed);
      void queryClient.invalidateQueries({ queryKey: ['shifts', 'list'] });
    },
  });
  const done = close.data;

  if (done) {
    return (
      <Drawer
        open
        onClose={onClose}
        title={t('shifts.closedTitle')}
        testId="close-shift-result"
        footer={
          <>
            <Button onClick={onZReport} data-testid="close-z-report">
              {t('shifts.zReport')}
            </Button>
            <Button variant="primary" onClick={onClose}>
              {t('common.close')}
            </Button>
          </>
        }
      >
        <div className="space-y-4">
          <dl className="space-y-2 text-sm">
            <Line label={t('shifts.expected')} value={money(done.drawerFigures.expectedCash)} />
            <Line label={t('shifts.counted')} value={money(done.countedCash ?? 0)} />
          </dl>
          <OverShort cents={done.overShort ?? 0} currency={done.currency} large />
        </div>
      </Drawer>
    );
  }

  return (
    <Drawer
      open
      onClose={onClose}
      title={t('shifts.closeTitle', { drawer: shift.drawer })}
      description={t('shifts.closeBody')}
      width="max-w-2xl"
      testId="close-shift"
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            variant="primary"
            loading={close.isPending}
            disabled={counted === null}
            onClick={() => close.mutate()}
            data-testid="close-shift-submit"
          >
            {t('shifts.close')}
          </Button>
        </>
      }
    >
      <div className="space-y-5">
        <div className="grid max-w-sm grid-cols-2 gap-1 rounded-xl bg-zinc-100 p-1">
          {[true, false].map((c) => (
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
          <DenominationCounter currency={shift.currency} counts={counts} onChange={setCounts} />
        ) : (
          <Field label={t('shifts.counted')} className="max-w-xs">
            <MoneyInput value={amount} onChange={setAmount} currency={shift.currency} data-testid="close-counted" />
          </Field>
        )}
        <div className="grid grid-cols-3 gap-3 rounded-xl bg-zinc-50 p-4 ring-1 ring-zinc-200">
          <Figure label={t('shifts.expected')} value={money(expected)} testId="close-expected" />
          <Figure label={t('shifts.counted')} value={money(counted ?? 0)} testId="close-counted-total" />
          <div>
            <p className="text-xs font-medium uppercase tracking-wide text-zinc-500">{t('shifts.difference')}</p>
            <OverShort cents={(counted ?? 0) - expected} currency={shift.currency} />
          </div>
        </div>
        <Field label={t('shifts.note')} optional={t('common.optional')}>
          <Textarea value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} rows={2} />
        </Field>
        {close.error ? <ProblemAlert error={close.error} /> : null}
      </div>
    </Drawer>
  );
}

function Figure({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <p className="text-xs font-medium uppercase tracking-wide text-zinc-500">{label}</p>
      <p className="text-xl font-semibold tabular-nums text-zinc-900" data-testid={testId}>
        {value}
      </p>
    </div>
  );
}

function Line({ label, value }: { label: string; value: string }) {
  return (
    <div className="flex justify-between">
      <dt className="text-zinc-600">{label}</dt>
      <dd className="tabular-nums text-zinc-900">{value}</dd>
    </div>
  );
}
