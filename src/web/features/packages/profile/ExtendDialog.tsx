// Extend a package's validity by months or to a new last day (a manager's goodwill; audited). An expired
// package comes back with its sessions.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button.js';
import { cx } from '../../../components/cx.js';
import { Dialog } from '../../../components/Dialog.js';
import { Field } from '../../../components/Field.js';
import { Input } from '../../../components/Input.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { useToast } from '../../../components/Toast.js';
import { fieldErrors } from '../../../http/problem.js';
import { extendPackage, PACKAGES_KEY } from '../api.js';
import { useDay, useTr } from '../format.js';
import type { ClientPackage } from '../types.js';
import { ReasonField } from './ReasonField.js';

const MONTHS = [1, 3, 6, 12];

export function ExtendDialog({ pkg: p, onClose }: { pkg: ClientPackage; onClose: () => void }) {
  const { t } = useTranslation();
  const tr = useTr();
  const day = useDay();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<'months' | 'until'>('months');
  const [months, setMonths] = useState(1);
  const [until, setUntil] = useState('');
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const save = useMutation({
    mutationFn: () => extendPackage(p.id, mode === 'months' ? { months, reason: reason.trim() } : { until, reason: reason.trim() }),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: PACKAGES_KEY });
      toast(t('packages.extend.done', { date: day(saved.validThrough) }));
      onClose();
    },
  });
  const server = fieldErrors(save.error);
  const submit = () => {
    setTried(true);
    if (!reason.trim() || (mode === 'until' && !until)) return;
    save.mutate();
  };
  return (
    <Dialog
      open
      onClose={onClose}
      title={t('packages.extend.title')}
      icon="calendar"
      testId="extend-dialog"
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button variant="primary" onClick={submit} loading={save.isPending} data-testid="extend-submit">
            {t('packages.extend.submit')}
          </Button>
        </>
      }
    >
      <div className="space-y-4">
        <p>{t('packages.extend.current', { name: tr(p.name, p.nameTranslations), date: day(p.validThrough) })}</p>
        <div className="inline-flex rounded-lg bg-zinc-100 p-0.5 text-sm">
          {(['months', 'until'] as const).map((m) => (
            <button
              key={m}
              type="button"
              aria-pressed={mode === m}
              onClick={() => setMode(m)}
              className={cx('rounded-md px-3 py-1.5 font-medium', mode === m ? 'bg-white text-zinc-900 shadow-sm' : 'text-zinc-500')}
            >
              {t(`packages.extend.${m}`)}
            </button>
          ))}
        </div>
        {mode === 'months' ? (
          <div className="flex flex-wrap gap-2">
            {MONTHS.map((n) => (
              <button
                key={n}
                type="button"
                aria-pressed={months === n}
                onClick={() => setMonths(n)}
                data-testid={`extend-months-${n}`}
                className={cx(
                  'h-10 rounded-lg px-4 text-sm font-medium ring-1 ring-inset',
                  months === n ? 'bg-orchid-50 text-orchid-900 ring-2 ring-orchid-600' : 'bg-white text-zinc-700 ring-zinc-300',
                )}
              >
                {t('packages.extend.plusMonths', { count: n })}
              </button>
            ))}
          </div>
        ) : (
          <Field label={t('packages.extend.newLastDay')} error={server.until ?? (tried && !until ? t('validation.required') : undefined)}>
            <Input type="date" value={until} onChange={(e) => setUntil(e.target.value)} data-testid="extend-until" />
          </Field>
        )}
        <ReasonField
          value={reason}
          onChange={setReason}
          testId="extend-reason"
          error={server.reason ?? (tried && !reason.trim() ? t('validation.required') : undefined)}
        />
        <ProblemAlert error={save.error} />
      </div>
    </Dialog>
  );
}
