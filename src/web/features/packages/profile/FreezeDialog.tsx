// Freeze a package (travel, illness, pregnancy): the validity pauses and the expiry moves back by the same
// days, within the template's maximum. Unfreezing early gives the unused days back.
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
import { freezePackage, PACKAGES_KEY, unfreezePackage } from '../api.js';
import { useDay, useTr } from '../format.js';
import type { ClientPackage } from '../types.js';
import { ReasonField } from './ReasonField.js';

export function FreezeDialog({ pkg: p, onClose }: { pkg: ClientPackage; onClose: () => void }) {
  const { t } = useTranslation();
  const tr = useTr();
  const day = useDay();
  const toast = useToast();
  const queryClient = useQueryClient();
  const max = p.freezeDaysLeft;
  const presets = [7, 14, 30].filter((n) => n <= max);
  const [days, setDays] = useState(String(presets[0] ?? max));
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const n = Number(days);
  const valid = Number.isInteger(n) && n >= 1 && n <= max;
  const save = useMutation({
    mutationFn: () => freezePackage(p.id, { days: n, reason: reason.trim() }),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: PACKAGES_KEY });
      toast(t('packages.freeze.done', { date: day(saved.frozen?.untilDate) }));
      onClose();
    },
  });
  const server = fieldErrors(save.error);
  const submit = () => {
    setTried(true);
    if (!valid || !reason.trim()) return;
    save.mutate();
  };
  return (
    <Dialog
      open
      onClose={onClose}
      title={t('packages.freeze.title')}
      icon="lock"
      testId="freeze-dialog"
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button variant="primary" onClick={submit} loading={save.isPending} data-testid="freeze-submit">
            {t('packages.freeze.submit')}
          </Button>
        </>
      }
    >
      <div className="space-y-4">
        <p>{t('packages.freeze.intro', { name: tr(p.name, p.nameTranslations), count: max })}</p>
        <div className="flex flex-wrap gap-2">
          {presets.map((d) => (
            <button
              key={d}
              type="button"
              aria-pressed={days === String(d)}
              onClick={() => setDays(String(d))}
              className={cx(
                'h-10 rounded-lg px-4 text-sm font-medium ring-1 ring-inset',
                days === String(d) ? 'bg-orchid-50 text-orchid-900 ring-2 ring-orchid-600' : 'bg-white text-zinc-700 ring-zinc-300',
              )}
            >
              {t('packages.freeze.days', { count: d })}
            </button>
          ))}
        </div>
        <Field
          label={t('packages.freeze.daysLabel')}
          error={server.days ?? (tried && !valid ? t('packages.freeze.daysRange', { max }) : undefined)}
        >
          <Input
            type="number"
            inputMode="numeric"
            min={1}
            max={max}
            value={days}
            onChange={(e) => setDays(e.target.value)}
            className="w-32"
            data-testid="freeze-days"
          />
        </Field>
        <ReasonField
          value={reason}
          onChange={setReason}
          testId="freeze-reason"
          error={server.reason ?? (tried && !reason.trim() ? t('validation.required') : undefined)}
        />
        <ProblemAlert error={save.error} />
      </div>
    </Dialog>
  );
}

export function UnfreezeDialog({ pkg: p, onClose }: { pkg: ClientPackage; onClose: () => void }) {
  const { t } = useTranslation();
  const tr = useTr();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const save = useMutation({
    mutationFn: () => unfreezePackage(p.id, reason.trim()),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: PACKAGES_KEY });
      toast(t('packages.freeze.unfrozen'));
      onClose();
    },
  });
  return (
    <Dialog
      open
      onClose={onClose}
      title={t('packages.freeze.unfreezeTitle')}
      icon="lock"
      testId="unfreeze-dialog"
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            variant="primary"
            loading={save.isPending}
            data-testid="unfreeze-submit"
            onClick={() => {
              setTried(true);
              if (reason.trim()) save.mutate();
            }}
          >
            {t('packages.freeze.unfreezeSubmit')}
          </Button>
        </>
      }
    >
      <div className="space-y-4">
        <p>{t('packages.freeze.unfreezeIntro', { name: tr(p.name, p.nameTranslations) })}</p>
        <ReasonField
          value={reason}
          onChange={setReason}
          testId="unfreeze-reason"
          error={tried && !reason.trim() ? t('validation.required') : undefined}
        />
        <ProblemAlert error={save.error} />
      </div>
    </Dialog>
  );
}
