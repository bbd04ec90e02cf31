import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button.js';
import { Field } from '../../../components/Field.js';
import { Input, Select, Textarea } from '../../../components/Input.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { useToast } from '../../../components/Toast.js';
import { fieldErrors } from '../../../http/problem.js';
import type { StoreSummary } from '../../../http/types.js';
import { categoriesQuery, servicesQuery } from '../../catalog/api.js';
import { createWaitlistEntry } from '../api.js';
import { ClientPicker, type PickedClient } from '../book/ClientPicker.js';
import { ServicePicker } from '../book/ServicePicker.js';
import { addDays, dateIn } from '../time.js';

export function WaitlistForm({ store, staffNames, onDone }: { store: StoreSummary; staffNames: Map<string, string>; onDone: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const today = dateIn(store.timeZone);
  const [client, setClient] = useState<PickedClient | null>(null);
  const [serviceIds, setServiceIds] = useState<string[]>([]);
  const [staffId, setStaffId] = useState('any');
  const [dateFrom, setFrom] = useState(today);
  const [dateTo, setTo] = useState(addDays(today, 7));
  const [timeFrom, setTimeFrom] = useState('');
  const [timeTo, setTimeTo] = useState('');
  const [notes, setNotes] = useState('');
  const [tried, setTried] = useState(false);
  const services = useQuery(servicesQuery({ storeId: store.id }));
  const categories = useQuery(categoriesQuery());
  const save = useMutation({
    mutationFn: () =>
      createWaitlistEntry({
        storeId: store.id,
        clientId: client?.id ?? '',
        serviceIds,
        staffId,
        dateFrom,
        dateTo,
        ...(timeFrom ? { timeFrom } : {}),
        ...(timeTo ? { timeTo } : {}),
        ...(notes.trim() ? { notes: notes.trim() } : {}),
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['appointments', 'waitlist'] });
      toast(t('calendar.wait.added'));
      onDone();
    },
  });
  const errors = fieldErrors(save.error);
  const submit = () => {
    setTried(true);
    if (!client || serviceIds.length === 0) return;
    save.mutate();
  };
  return (
    <div className="space-y-5" data-testid="waitlist-form">
      {save.error && !Object.keys(errors).length ? <ProblemAlert error={save.error} /> : null}
      <Field label={t('calendar.book.client')} error={tried && !client ? t('calendar.book.needClient') : errors.clientId}>
        <ClientPicker
          storeId={store.id}
          value={client}
          walkIn={false}
          allowWalkIn={false}
          onChange={setClient}
          onWalkIn={() => undefined}
        />
      </Field>
      <div className="space-y-2">
        <p className="text-sm font-medium text-zinc-800">{t('calendar.book.services')}</p>
        <ServicePicker
          services={(services.data ?? []).filter((s) => !s.archived)}
          categories={categories.data ?? []}
          addOns={[]}
          selected={serviceIds}
          selectedAddOns={[]}
          staffId={staffId}
          currency={store.currency}
          onChange={setServiceIds}
          onAddOns={() => undefined}
          error={tried && serviceIds.length === 0 ? t('calendar.book.needService') : errors.serviceIds}
        />
      </div>
      <Field label={t('calendar.book.staff')} error={errors.staffId}>
        <Select value={staffId} onChange={(e) => setStaffId(e.target.value)}>
          <option value="any">{t('calendar.book.anyone')}</option>
          {[...staffNames].map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </Select>
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t('calendar.wait.from')} error={errors.dateFrom}>
          <Input type="date" value={dateFrom} min={today} onChange={(e) => setFrom(e.target.value)} />
        </Field>
        <Field label={t('calendar.wait.to')} error={errors.dateTo}>
          <Input type="date" value={dateTo} min={dateFrom} onChange={(e) => setTo(e.target.value)} />
        </Field>
        <Field label={t('calendar.wait.earliest')} optional={t('common.optional')} error={errors.timeFrom}>
          <Input type="time" value={timeFrom} step={900} onChange={(e) => setTimeFrom(e.target.value)} />
        </Field>
        <Field label={t('calendar.wait.latest')} optional={t('common.optional')} error={errors.timeTo}>
          <Input type="time" value={timeTo} step={900} onChange={(e) => setTimeTo(e.target.value)} />
        </Field>
      </div>
      <Field label={t('calendar.book.notes')} optional={t('common.optional')}>
        <Textarea value={notes} onChange={(e) => setNotes(e.target.value)} rows={2} />
      </Field>
      <div className="flex justify-end gap-2">
        <Button onClick={onDone}>{t('common.cancel')}</Button>
        <Button variant="primary" loading={save.isPending} onClick={submit} data-testid="waitlist-save">
          {t('calendar.wait.save')}
        </Button>
      </div>
    </div>
  );
}
