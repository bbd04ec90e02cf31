// A staff member's usual week at this store: working hours per weekday, split shifts allowed, and their
// place in the turn list ("any technician" in rotation or fixed order).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.js';
import { Drawer } from '../../components/Drawer.js';
import { Field } from '../../components/Field.js';
import { Input, Switch } from '../../components/Input.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useToast } from '../../components/Toast.js';
import { fieldErrors, isApiError } from '../../http/problem.js';
import { WEEKDAYS, type WeeklyHours } from '../../http/types.js';
import { MAX_SHIFTS, nextShift, normalizeWeek, validateShifts } from '../../lib/hours.js';
import { ShiftList } from '../stores/ShiftList.js';
import { setWeekly } from './api.js';
import type { RosterStaff } from './types.js';

const PROBLEM_KEY = { format: 'validation.shiftFormat', order: 'validation.shiftOrder', overlap: 'validation.shiftOverlap' } as const;

export function WeeklyHoursDrawer({ storeId, person, onClose }: { storeId: string; person: RosterStaff; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [hours, setHours] = useState<WeeklyHours>(() => normalizeWeek(person.weekly));
  const [order, setOrder] = useState(String(person.rotationOrder));
  const [tried, setTried] = useState(false);
  const save = useMutation({
    mutationFn: () => setWeekly(storeId, person.staffId, { hours, rotationOrder: Number(order) || 0, version: person.version }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['rosters'] });
      toast(t('rosters.saved', { name: person.displayName }));
      onClose();
    },
  });
  const server = fieldErrors(save.error);
  const local = (day: (typeof WEEKDAYS)[number], i: number) => {
    if (!tried) return undefined;
    const problem = validateShifts(hours[day]).get(i);
    return problem ? t(PROBLEM_KEY[problem]) : undefined;
  };
  const errorAt = (day: (typeof WEEKDAYS)[number], i: number) => local(day, i) ?? server[`hours.${day}.${i}`] ?? server[`hours.${day}`];
  const invalid = WEEKDAYS.some((d) => validateShifts(hours[d]).size > 0);
  const total = WEEKDAYS.reduce((sum, d) => sum + hours[d].reduce((m, s) => m + Math.max(0, minutes(s.close) - minutes(s.open)), 0), 0);
  const submit = () => {
    setTried(true);
    if (!invalid) save.mutate();
  };
  const stale = isApiError(save.error) && save.error.code === 'stale_version';
  return (
    <Drawer
      open
      onClose={onClose}
      testId="roster-weekly-drawer"
      width="max-w-2xl"
      title={t('rosters.weeklyTitle', { name: person.displayName })}
      description={t('rosters.weeklyHint')}
      footer={
        <>
          <span className="mr-auto text-sm text-zinc-500">{t('rosters.hoursPerWeek', { hours: Math.round((total / 60) * 10) / 10 })}</span>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button variant="primary" loading={save.isPending} onClick={submit} data-testid="roster-weekly-save">
            {t('common.save')}
          </Button>
        </>
      }
    >
      <div className="space-y-5">
        {save.error ? (
          <ProblemAlert
            error={save.error}
            action={
              stale ? (
                <Button
                  size="sm"
                  icon="refresh"
                  onClick={() => {
                    void queryClient.invalidateQueries({ queryKey: ['rosters'] });
                    onClose();
                  }}
                >
                  {t('common.reload')}
                </Button>
              ) : undefined
            }
          />
        ) : null}
        <div className="flex justify-end">
          <Button
            size="sm"
            variant="ghost"
            icon="copy"
            onClick={() => setHours(Object.fromEntries(WEEKDAYS.map((d) => [d, hours.mon.map((s) => ({ ...s }))])) as WeeklyHours)}
            data-testid="roster-copy-monday"
          >
            {t('rosters.copyMonday')}
          </Button>
        </div>
        <ul className="divide-y divide-zinc-100">
          {WEEKDAYS.map((day) => {
            const shifts = hours[day];
            const on = shifts.length > 0;
            return (
              <li key={day} className="flex flex-col gap-3 py-3 sm:flex-row sm:items-start" data-testid={`roster-day-${day}`}>
                <div className="flex w-full items-center justify-between gap-3 sm:w-56 sm:pt-2">
                  <span className="w-24 text-sm font-medium text-zinc-900">{t(`weekdays.${day}`)}</span>
                  <Switch
                    checked={on}
                    onChange={(v) => setHours({ ...hours, [day]: v ? [nextShift([])] : [] })}
                    label={on ? t('rosters.working') : t('rosters.off')}
                    className="w-28"
                    data-testid={`roster-day-${day}-toggle`}
                  />
                </div>
                <div className="flex flex-1 flex-col gap-2">
                  {on ? (
                    <>
                      <ShiftList
                        shifts={shifts}
                        testId={`roster-${day}`}
                        errorAt={(i) => errorAt(day, i)}
                        onChange={(list) => setHours({ ...hours, [day]: list })}
                      />
                      {shifts.length < MAX_SHIFTS ? (
                        <button
                          type="button"
                          onClick={() => setHours({ ...hours, [day]: [...shifts, nextShift(shifts)] })}
                          className="self-start text-sm font-medium text-orchid-700 hover:text-orchid-900"
                        >
                          + {t('rosters.addShift')}
                        </button>
                      ) : null}
                    </>
                  ) : (
                    <p className="text-sm text-zinc-400 sm:pt-2.5">{t('rosters.offAllDay')}</p>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
        <Field label={t('rosters.rotationOrder')} hint={t('rosters.rotationHint')} error={server.rotationOrder}>
          <Input type="number" min={0} max={9999} value={order} onChange={(e) => setOrder(e.target.value)} className="w-32" />
        </Field>
      </div>
    </Drawer>
  );
}

function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}
