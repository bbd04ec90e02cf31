// New appointment: client, services (with add-ons), technician or anyone, a free start from the
// availability engine, notes. One Idempotency-Key per booking attempt: a double tap or a retry after a
// dropped connection books once.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button.js';
import { Drawer } from '../../../components/Drawer.js';
import { Field } from '../../../components/Field.js';
import { Input, Select, Textarea } from '../../../components/Input.js';
import { Alert, ProblemAlert } from '../../../components/ProblemAlert.js';
import { useToast } from '../../../components/Toast.js';
import type { StoreSummary } from '../../../http/types.js';
import { addOnsQuery, categoriesQuery, servicesQuery } from '../../catalog/api.js';
import { formatMoney } from '../../catalog/money.js';
import { availabilityQuery, type CreateBody, useStaffPost } from '../api.js';
import { hhmmFormatter } from '../grid/CalendarGrid.js';
import { alternativesOf, newIdempotencyKey } from '../http.js';
import { displayName } from '../names.js';
import { dateIn } from '../time.js';
import type { Appointment, LineInput, Slot } from '../types.js';
import { addOnsByLine } from './add-ons.js';
import { ClientPicker, type PickedClient } from './ClientPicker.js';
import { ServicePicker } from './ServicePicker.js';
import { nearest, SlotPicker } from './SlotPicker.js';

export interface BookingStart {
  date: string;
  time?: string | undefined;
  staffId?: string | undefined;
}

type Errors = Partial<Record<'client' | 'services' | 'slot', string>>;

export function BookingDrawer({
  store,
  start,
  staffNames,
  onClose,
  onBooked,
}: {
  store: StoreSummary;
  start: BookingStart;
  staffNames: Map<string, string>;
  onClose: () => void;
  onBooked: (a: Appointment) => void;
}) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const post = useStaffPost();
  const clock = hhmmFormatter(i18n.language);
  const [client, setClient] = useState<PickedClient | null>(null);
  const [walkIn, setWalkIn] = useState(false);
  const [serviceIds, setServiceIds] = useState<string[]>([]);
  const [addOnIds, setAddOnIds] = useState<string[]>([]);
  const [staffId, setStaffId] = useState(start.staffId ?? 'any');
  const [together, setTogether] = useState(false);
  const [date, setDate] = useState(start.date);
  const [slot, setSlot] = useState<Slot | null>(null);
  const [source, setSource] = useState<'front_desk' | 'phone'>('front_desk');
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [taken, setTaken] = useState<Slot[] | null>(null);
  const attempt = useRef<{ body: string; key: string } | null>(null);

  const services = useQuery(servicesQuery({ storeId: store.id }));
  const categories = useQuery(categoriesQuery());
  const addOns = useQuery(addOnsQuery());
  const menu = useMemo(() => (services.data ?? []).filter((s) => !s.archived && (!('available' in s) || s.available)), [services.data]);
  const byId = useMemo(() => new Map(menu.map((s) => [s.id, s])), [menu]);

  // Add-ons lengthen their service: the times offered count them.
  const perLine = useMemo(() => addOnsByLine(serviceIds, addOnIds, addOns.data ?? []), [serviceIds, addOnIds, addOns.data]);
  const availability = useQuery(
    availabilityQuery({
      storeId: store.id,
      serviceIds,
      addOnIds: perLine.flat(),
      staffId,
      from: date,
      arrangement: together ? 'together' : 'sequence',
    }),
  );
  const slots = serviceIds.length ? (availability.data?.slots ?? []) : [];
  const wanted = start.date === date ? start.time : undefined;

  // The time that was clicked on the calendar, once we know it is free.
  useEffect(() => {
    if (availability.isPlaceholderData || !availability.data) return;
    setSlot((current) => {
      const list = availability.data.slots;
      if (current && list.some((s) => s.startLocal === current.startLocal))
        return list.find((s) => s.startLocal === current.startLocal) ?? null;
      return list.find((s) => s.startLocal === wanted) ?? null;
    });
  }, [availability.data, availability.isPlaceholderData, wanted]);

  // Staff who can do every chosen service.
  const staffChoices = useMemo(() => {
    const ids = [...staffNames.keys()].filter((id) =>
      serviceIds.every((sid) => byId.get(sid)?.staff.some((x) => x.staffId === id) ?? true),
    );
    const linked = new Set(menu.flatMap((s) => s.staff.map((x) => x.staffId)));
    return ids.filter((id) => linked.has(id) || id === staffId);
  }, [staffNames, serviceIds, byId, menu, staffId]);

  const total =
    serviceIds.reduce((sum, id) => {
      const s = byId.get(id);
      const own = s?.staff.find((x) => x.staffId === staffId)?.price;
      return sum + (own ?? s?.price ?? 0);
    }, 0) + (addOns.data ?? []).filter((a) => perLine.flat().includes(a.id)).reduce((sum, a) => sum + a.price, 0);

  const book = useMutation({
    mutationFn: ({ body, key }: { body: CreateBody; key: string }) => post<Appointment>('/appointments', body, key),
    onSuccess: (a) => {
      toast(t('calendar.book.booked', { client: a.client ? displayName(a.client) : t('calendar.walkIn'), time: clock(a.startLocal) }));
      onBooked(a);
    },
    onError: (error) => {
      const alternatives = alternativesOf(error);
      if (alternatives.length || (error as { code?: string }).code === 'slot_taken') {
        setTaken(alternatives);
        setSlot(null);
        void availability.refetch();
      }
    },
  });

  const submit = () => {
    const found: Errors = {};
    if (!client && !walkIn) found.client = t('calendar.book.needClient');
    if (serviceIds.length === 0) found.services = t('calendar.book.needService');
    if (!slot) found.slot = t('calendar.book.needTime');
    setErrors(found);
    if (Object.keys(found).length || !slot) return;
    const noteText = notes.trim();
    const lines: LineInput[] = serviceIds.map((serviceId, i) => ({
      serviceId,
      staffId,
      ...(i === 0 ? { date: slot.date, startLocal: slot.startLocal } : together ? { parallelWithPrevious: true } : {}),
      ...(perLine[i]?.length ? { addOnIds: perLine[i] } : {}),
    }));
    const body: CreateBody = {
      storeId: store.id,
      clientId: walkIn ? null : (client?.id ?? null),
      source: walkIn ? 'walk_in' : source,
      ...(noteText ? { notes: noteText } : {}),
      lines,
    };
    const text = JSON.stringify(body);
    if (attempt.current?.body !== text) attempt.current = { body: text, key: newIdempotencyKey() };
    setTaken(null);
    book.mutate({ body, key: attempt.current.key });
  };

  const today = dateIn(store.timeZone);
  const near = slot ? undefined : nearest(slots, wanted);
  const duration = slot ? Math.round((Date.parse(slot.end) - Date.parse(slot.start)) / 60_000) : null;
  const bookError = book.error && (book.error as { code?: string }).code !== 'slot_taken' ? book.error : null;

  return (
    <Drawer
      open
      onClose={onClose}
      testId="booking-drawer"
      width="max-w-xl"
      title={t('calendar.book.title')}
      description={t('calendar.book.subtitle', { store: store.name })}
      footer={
        <>
          <div className="mr-auto min-w-0 text-sm" data-testid="booking-summary">
            {slot ? (
              <>
                <p className="font-semibold text-zinc-900">
                  {clock(slot.startLocal)} · {t('calendar.minutes', { count: duration ?? 0 })}
                </p>
                <p className="text-zinc-500">{formatMoney(total, store.currency, i18n.language)}</p>
              </>
            ) : (
              <p className="text-zinc-500">{t('calendar.book.pickTimeHint')}</p>
            )}
          </div>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button variant="primary" onClick={submit} loading={book.isPending} data-testid="booking-submit">
            {t('calendar.book.submit')}
          </Button>
        </>
      }
    >
      <div className="space-y-6">
        {bookError ? <ProblemAlert error={bookError} /> : null}
        {taken ? (
          <Alert tone="warning" title={t('calendar.book.takenTitle')} testId="booking-taken">
            {t('calendar.book.takenBody')}
            {taken.length ? (
              <div className="mt-2 flex flex-wrap gap-1.5">
                {taken.map((s) => (
                  <Button
                    key={s.start}
                    size="sm"
                    onClick={() => {
                      setDate(s.date);
                      setSlot(s);
                      setTaken(null);
                    }}
                  >
                    {s.date !== date ? `${s.date.slice(5)} ` : ''}
                    {clock(s.startLocal)}
                  </Button>
                ))}
              </div>
            ) : null}
          </Alert>
        ) : null}

        <section className="space-y-2">
          <h3 className="text-sm font-semibold text-zinc-900">{t('calendar.book.client')}</h3>
          <ClientPicker
            storeId={store.id}
            value={client}
            walkIn={walkIn}
            onChange={(c) => {
              setClient(c);
              if (c) setWalkIn(false);
            }}
            onWalkIn={(on) => {
              setWalkIn(on);
              if (on) setClient(null);
            }}
            error={errors.client && !client && !walkIn ? errors.client : undefined}
          />
        </section>

        <section className="space-y-2">
          <h3 className="text-sm font-semibold text-zinc-900">{t('calendar.book.services')}</h3>
          <ServicePicker
            services={menu}
            categories={categories.data ?? []}
            addOns={addOns.data ?? []}
            selected={serviceIds}
            selectedAddOns={addOnIds}
            staffId={staffId}
            currency={store.currency}
            onChange={(ids) => {
              setServiceIds(ids);
              if (ids.length < 2) setTogether(false);
            }}
            onAddOns={setAddOnIds}
            error={errors.services && serviceIds.length === 0 ? errors.services : undefined}
          />
        </section>

        <section className="grid gap-4 sm:grid-cols-2">
          <Field label={t('calendar.book.staff')}>
            <Select value={staffId} onChange={(e) => setStaffId(e.target.value)} data-testid="booking-staff">
              <option value="any">{t('calendar.book.anyone')}</option>
              {staffChoices.map((id) => (
                <option key={id} value={id}>
                  {staffNames.get(id) ?? id}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('calendar.book.date')}>
            <Input
              type="date"
              value={date}
              min={today}
              onChange={(e) => e.target.value && setDate(e.target.value)}
              data-testid="booking-date"
            />
          </Field>
          {serviceIds.length > 1 ? (
            <Field
              label={t('calendar.book.arrangement')}
              className="sm:col-span-2"
              hint={together ? t('calendar.book.togetherHint') : undefined}
            >
              <Select
                value={together ? 'together' : 'sequence'}
                onChange={(e) => setTogether(e.target.value === 'together')}
                data-testid="booking-arrangement"
              >
                <option value="sequence">{t('calendar.book.sequence')}</option>
                <option value="together">{t('calendar.book.together')}</option>
              </Select>
            </Field>
          ) : null}
        </section>

        <section className="space-y-2">
          <div className="flex items-baseline justify-between gap-2">
            <h3 className="text-sm font-semibold text-zinc-900">{t('calendar.book.time')}</h3>
            <span className="text-xs text-zinc-500">
              {t('calendar.zoneLabel', { city: store.timeZone.split('/').pop()?.replace(/_/g, ' ') })}
            </span>
          </div>
          {serviceIds.length === 0 ? (
            <p className="rounded-xl bg-zinc-50 px-4 py-3 text-sm text-zinc-500 ring-1 ring-zinc-200">
              {t('calendar.book.chooseServicesFirst')}
            </p>
          ) : availability.error ? (
            <ProblemAlert error={availability.error} />
          ) : (
            <>
              {wanted && !slot && near && !availability.isFetching ? (
                <p className="text-sm text-amber-800" data-testid="booking-wanted-busy">
                  {t('calendar.book.wantedBusy', { time: clock(wanted), nearest: clock(near.startLocal) })}
                </p>
              ) : null}
              <SlotPicker
                slots={slots}
                value={slot?.startLocal}
                staffNames={staffNames}
                showStaff={staffId === 'any'}
                loading={availability.isFetching}
                onPick={(s) => setSlot(s)}
              />
            </>
          )}
          {errors.slot && !slot ? <p className="text-sm text-red-700">{errors.slot}</p> : null}
        </section>

        <section className="grid gap-4 sm:grid-cols-[1fr_12rem]">
          <Field label={t('calendar.book.notes')} optional={t('common.optional')}>
            <Textarea value={notes} onChange={(e) => setNotes(e.target.value)} rows={2} data-testid="booking-notes" />
          </Field>
          {!walkIn ? (
            <Field label={t('calendar.book.source')}>
              <Select value={source} onChange={(e) => setSource(e.target.value as 'front_desk' | 'phone')} data-testid="booking-source">
                <option value="front_desk">{t('calendar.sources.front_desk')}</option>
                <option value="phone">{t('calendar.sources.phone')}</option>
              </Select>
            </Field>
          ) : null}
        </section>
      </div>
    </Drawer>
  );
}
